import {
  ArrayField,
  ChipField,
  Datagrid,
  EmailField,
  NumberField,
  Pagination,
  ReferenceArrayField,
  ReferenceField,
  ReferenceManyField,
  SelectField,
  Show,
  SimpleShowLayout,
  SingleFieldList,
  TextField,
  useTranslate,
} from 'react-admin';
import { VnDateField } from '../fields/VnDateField';
import { AncestorChain } from './AncestorChain';
import { UnitShowActions } from './UnitShowActions';
import { UNIT_KIND_CHOICES, UNIT_LEVEL_CHOICES, UNIT_STATUS_CHOICES } from './choices';

const Empty = ({ messageKey }: { messageKey: string }) => {
  const translate = useTranslate();
  return <span>{translate(messageKey)}</span>;
};

export const UnitShow = () => (
  <Show actions={<UnitShowActions />}>
    <SimpleShowLayout>
      <AncestorChain label="resources.units.fields.ancestors" />
      <TextField source="code" />
      <TextField source="name" />
      <TextField source="shortName" />
      <SelectField source="kind" choices={UNIT_KIND_CHOICES} translateChoice={false} />
      <SelectField source="level" choices={UNIT_LEVEL_CHOICES} translateChoice={false} />
      <SelectField source="status" choices={UNIT_STATUS_CHOICES} translateChoice={false} />
      <ReferenceField source="parentId" reference="units" link="show" />
      <TextField source="adminAreaCode" />
      <VnDateField source="validFrom" />
      <VnDateField source="validTo" />
      <ArrayField source="leaders">
        <Datagrid bulkActionButtons={false} rowClick={false} empty={<Empty messageKey="resources.units.noLeaders" />}>
          <TextField source="name" label="resources.units.leaderFields.name" />
          <TextField source="title" label="resources.units.leaderFields.title" />
          <TextField source="phone" label="resources.units.leaderFields.phone" />
          <EmailField source="email" label="resources.units.leaderFields.email" />
        </Datagrid>
      </ArrayField>
      <ReferenceArrayField source="successorIds" reference="units">
        <SingleFieldList linkType="show" empty={<Empty messageKey="resources.units.noSuccessors" />}>
          <ChipField source="name" />
        </SingleFieldList>
      </ReferenceArrayField>
      <ReferenceManyField
        label="resources.units.fields.children"
        reference="units"
        target="parentId"
        sort={{ field: 'code', order: 'ASC' }}
        perPage={10}
        pagination={<Pagination rowsPerPageOptions={[10, 20, 50]} />}
        empty="resources.units.noChildren"
      >
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="code" />
          <TextField source="name" />
          <SelectField source="kind" choices={UNIT_KIND_CHOICES} translateChoice={false} />
          <SelectField source="level" choices={UNIT_LEVEL_CHOICES} translateChoice={false} />
          <SelectField source="status" choices={UNIT_STATUS_CHOICES} translateChoice={false} />
        </Datagrid>
      </ReferenceManyField>
      <NumberField source="version" />
      <VnDateField source="createdAt" showTime />
      <VnDateField source="updatedAt" showTime />
    </SimpleShowLayout>
  </Show>
);
