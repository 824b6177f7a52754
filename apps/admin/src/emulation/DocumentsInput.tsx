import { AutocompleteArrayInput, AutocompleteInput, ReferenceArrayInput, ReferenceInput, type Validator } from 'react-admin';
import type { DocumentRecord } from '../documents/documentData';
import { maxItems } from '../units/maxItems';
import { searchFilter } from '../units/searchFilter';

const documentText = (record: DocumentRecord | undefined) => (record ? `${record.number} – ${record.title}` : '');

/** The server takes at most 20 cited documents (legal basis of a movement, documents of a pledge). */
const validateDocuments = maxItems(20, 'danvan.validation.tooManyDocuments');

/** Cited documents, picked from the register by typing part of the number or title (accents ignored). */
export const DocumentsInput = ({ source }: { source: string }) => (
  <ReferenceArrayInput source={source} reference="documents" sort={{ field: 'issuedOn', order: 'DESC' }}>
    <AutocompleteArrayInput optionText={documentText} filterToQuery={searchFilter} sx={{ minWidth: 480 }} validate={validateDocuments} />
  </ReferenceArrayInput>
);

interface DocumentInputProps {
  source: string;
  /** Translation key of the label (the resource's own field label by default). */
  label?: string;
  helperText?: string | false;
  validate?: Validator | Validator[];
}

/** One document of the register (a decision: khen thưởng, công nhận), picked by number or title. */
export const DocumentInput = ({ source, label, helperText, validate }: DocumentInputProps) => (
  <ReferenceInput source={source} reference="documents" sort={{ field: 'issuedOn', order: 'DESC' }}>
    <AutocompleteInput
      optionText={documentText}
      filterToQuery={searchFilter}
      sx={{ minWidth: 480 }}
      label={label}
      helperText={helperText}
      validate={validate}
    />
  </ReferenceInput>
);
