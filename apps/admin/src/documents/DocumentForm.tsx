import { SimpleForm, TextInput, maxLength, required, type SimpleFormProps } from 'react-admin';
import { DOCUMENT_LIMITS } from '@danvan/contracts';
import { VnDateInput } from '../fields/VnDateInput';
import { UnitReferenceInput } from '../units/UnitReferenceInput';
import { DocumentNumberInput } from './DocumentNumberInput';

const validateTitle = [required(), maxLength(DOCUMENT_LIMITS.titleMaxLength)];
const validateIssuedOn = required();

/** Number (previewed as typed), date of issue, title; on creation, the unit that keeps the record. */
export const DocumentForm = ({ creating = false, ...props }: Omit<SimpleFormProps, 'children'> & { creating?: boolean }) => (
  <SimpleForm {...props}>
    <DocumentNumberInput />
    <VnDateInput source="issuedOn" validate={validateIssuedOn} />
    <TextInput source="title" validate={validateTitle} multiline fullWidth />
    {creating ? <UnitReferenceInput source="ownerUnitId" helperText="danvan.documents.ownerHelp" sx={{ minWidth: 360 }} /> : null}
  </SimpleForm>
);
