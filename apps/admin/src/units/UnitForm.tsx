import {
  ArrayInput,
  AutocompleteArrayInput,
  ReferenceArrayInput,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  email,
  maxLength,
  required,
  type SimpleFormProps,
} from 'react-admin';
import { UNIT_LIMITS } from '@danvan/contracts';
import { VnDateInput } from '../fields/VnDateInput';
import { UnitReferenceInput } from './UnitReferenceInput';
import { UNIT_KIND_CHOICES, UNIT_LEVEL_CHOICES, UNIT_STATUS_CHOICES } from './choices';
import { maxItems } from './maxItems';
import { searchFilter } from './searchFilter';

// Client-side checks mirror the contract's limits; everything else (duplicates, cycles, rules) is the server's,
// whose field errors the data provider places beside these inputs.
const validateCode = [required(), maxLength(UNIT_LIMITS.codeMaxLength)];
const validateName = [required(), maxLength(UNIT_LIMITS.nameMaxLength)];
const validateShortName = maxLength(UNIT_LIMITS.shortNameMaxLength);
const validateLeaders = maxItems(UNIT_LIMITS.leadersMax, 'danvan.validation.tooManyLeaders');
const validateSuccessors = maxItems(UNIT_LIMITS.successorsMax, 'danvan.validation.tooManySuccessors');

/** The form shared by UnitCreate and UnitEdit: exactly the fields of CreateUnitInput / UpdateUnitInput. */
export const UnitForm = (props: Omit<SimpleFormProps, 'children'>) => (
  <SimpleForm {...props}>
    <TextInput source="code" validate={validateCode} />
    <TextInput source="name" validate={validateName} />
    <TextInput source="shortName" validate={validateShortName} />
    <SelectInput source="kind" choices={UNIT_KIND_CHOICES} translateChoice={false} validate={required()} />
    <SelectInput source="level" choices={UNIT_LEVEL_CHOICES} translateChoice={false} validate={required()} />
    <UnitReferenceInput source="parentId" />
    <TextInput source="adminAreaCode" />
    <ArrayInput source="leaders" validate={validateLeaders}>
      <SimpleFormIterator inline>
        <TextInput source="name" label="resources.units.leaderFields.name" validate={required()} />
        <TextInput source="title" label="resources.units.leaderFields.title" validate={required()} />
        <TextInput source="phone" label="resources.units.leaderFields.phone" type="tel" />
        <TextInput source="email" label="resources.units.leaderFields.email" type="email" validate={email()} />
      </SimpleFormIterator>
    </ArrayInput>
    <SelectInput source="status" choices={UNIT_STATUS_CHOICES} translateChoice={false} validate={required()} />
    <VnDateInput source="validFrom" />
    <VnDateInput source="validTo" />
    <ReferenceArrayInput source="successorIds" reference="units" sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteArrayInput optionText="name" filterToQuery={searchFilter} validate={validateSuccessors} />
    </ReferenceArrayInput>
  </SimpleForm>
);
