import {
  AutocompleteInput,
  NumberInput,
  ReferenceInput,
  SimpleForm,
  TextInput,
  maxLength,
  maxValue,
  minValue,
  required,
  type SimpleFormProps,
} from 'react-admin';
import { DocumentsInput } from '../emulation/DocumentsInput';
import type { BlocRecord } from '../blocs/blocData';
import { searchFilter } from '../units/searchFilter';

const validateTitle = [required(), maxLength(500)];
const validateBreakthrough = [minValue(0), maxValue(20)];
const blocText = (bloc: BlocRecord | undefined) => (bloc ? `${bloc.year} – ${bloc.name}` : '');

/** The pledge's bloc (chosen once), title, cited documents and the range of breakthrough tasks per unit. */
export const PledgeForm = ({ creating = false, ...props }: Omit<SimpleFormProps, 'children'> & { creating?: boolean }) => (
  <SimpleForm {...props}>
    {creating ? (
      <ReferenceInput source="blocId" reference="blocs">
        <AutocompleteInput optionText={blocText} filterToQuery={searchFilter} validate={required()} sx={{ minWidth: 420 }} />
      </ReferenceInput>
    ) : null}
    <TextInput source="title" validate={validateTitle} fullWidth />
    <DocumentsInput source="documentIds" />
    <NumberInput source="breakthroughMin" validate={validateBreakthrough} step={1} helperText="danvan.pledges.breakthroughHelp" />
    <NumberInput source="breakthroughMax" validate={validateBreakthrough} step={1} />
  </SimpleForm>
);
