import { AutocompleteInput, ReferenceInput, type Validator } from 'react-admin';
import type { SxProps, Theme } from '@mui/material';
import { searchFilter } from './searchFilter';

export interface UnitReferenceInputProps {
  source: string;
  label?: string;
  /** Read by the List's filter button when the input is a filter. */
  alwaysOn?: boolean;
  helperText?: string | false;
  sx?: SxProps<Theme>;
  /** Checks of the chosen unit (on the autocomplete: ReferenceInput itself takes none). */
  validate?: Validator | Validator[];
}

/** Picks one unit by typing part of its name or code (accents and case do not matter). */
export const UnitReferenceInput = ({ source, label, helperText, sx, validate }: UnitReferenceInputProps) => (
  <ReferenceInput source={source} reference="units" sort={{ field: 'name', order: 'ASC' }}>
    <AutocompleteInput optionText="name" filterToQuery={searchFilter} label={label} helperText={helperText} sx={sx} validate={validate} />
  </ReferenceInput>
);
