import {
  AutocompleteArrayInput,
  AutocompleteInput,
  NumberInput,
  ReferenceArrayInput,
  ReferenceInput,
  SimpleForm,
  TextInput,
  maxLength,
  maxValue,
  minValue,
  required,
  type SimpleFormProps,
} from 'react-admin';
import { BLOC_LIMITS } from '@danvan/contracts';
import { UnitReferenceInput } from '../units/UnitReferenceInput';
import { maxItems } from '../units/maxItems';
import { searchFilter } from '../units/searchFilter';
import { MemberSelectInput } from './MemberSelectInput';

const validateYear = [required(), minValue(1945), maxValue(2100)];
const validateName = [required(), maxLength(255)];
const validateMembers = [required(), maxItems(BLOC_LIMITS.membersMax, 'danvan.validation.tooManyMembers')];

/**
 * Year and managing unit (chosen once), name, movement, members (units picked by name), and the head and
 * deputy among those members.
 */
export const BlocForm = ({ creating = false, ...props }: Omit<SimpleFormProps, 'children'> & { creating?: boolean }) => (
  <SimpleForm {...props}>
    {creating ? <NumberInput source="year" validate={validateYear} step={1} /> : null}
    <TextInput source="name" validate={validateName} fullWidth />
    {creating ? <UnitReferenceInput source="ownerUnitId" validate={required()} sx={{ minWidth: 360 }} /> : null}
    <ReferenceInput source="movementId" reference="movements">
      <AutocompleteInput optionText="name" filterToQuery={searchFilter} sx={{ minWidth: 360 }} />
    </ReferenceInput>
    <ReferenceArrayInput source="memberIds" reference="units" sort={{ field: 'name', order: 'ASC' }} perPage={25}>
      <AutocompleteArrayInput optionText="name" filterToQuery={searchFilter} validate={validateMembers} fullWidth />
    </ReferenceArrayInput>
    <MemberSelectInput source="headUnitId" />
    <MemberSelectInput source="deputyUnitId" />
  </SimpleForm>
);
