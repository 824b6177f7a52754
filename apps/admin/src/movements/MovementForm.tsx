import { SelectInput, SimpleForm, TextInput, maxLength, required, type SimpleFormProps } from 'react-admin';
import { VnDateInput } from '../fields/VnDateInput';
import { UnitReferenceInput } from '../units/UnitReferenceInput';
import { DocumentsInput } from '../emulation/DocumentsInput';
import { MOVEMENT_KIND_CHOICES } from '../emulation/choices';

const validateName = [required(), maxLength(255)];
const validateDescription = maxLength(4000);

/** Name, kind, launching unit (chosen once), dates (dd/MM/yyyy), description, legal basis from the register. */
export const MovementForm = ({ creating = false, ...props }: Omit<SimpleFormProps, 'children'> & { creating?: boolean }) => (
  <SimpleForm {...props}>
    <TextInput source="name" validate={validateName} fullWidth />
    <SelectInput source="kind" choices={MOVEMENT_KIND_CHOICES} translateChoice={false} validate={required()} />
    {creating ? <UnitReferenceInput source="launchedByUnitId" validate={required()} sx={{ minWidth: 360 }} /> : null}
    <VnDateInput source="startsOn" validate={required()} />
    <VnDateInput source="endsOn" />
    <TextInput source="description" validate={validateDescription} multiline fullWidth minRows={3} />
    <DocumentsInput source="legalBasisIds" />
  </SimpleForm>
);
