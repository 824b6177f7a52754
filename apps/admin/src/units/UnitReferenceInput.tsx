import { AutocompleteInput, ReferenceInput } from 'react-admin';
import type { SxProps, Theme } from '@mui/material';
import { searchFilter } from './searchFilter';

export interface UnitReferenceInputProps {
  source: string;
  label?: string;
  /** Read by the List's filter button when the input is a filter. */
  alwaysOn?: boolean;
  helperText?: string | false;
  sx?: SxProps<Theme>;
}

/** Picks one unit by typing part of its name or code (accents and case do not matter). */
export const UnitReferenceInput = ({ source, label, helperText, sx }: UnitReferenceInputProps) => (
  <ReferenceInput source={source} reference="units" sort={{ field: 'name', order: 'ASC' }}>
    <AutocompleteInput optionText="name" filterToQuery={searchFilter} label={label} helperText={helperText} sx={sx} />
  </ReferenceInput>
);
