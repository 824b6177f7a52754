import { EditButton, Labeled, NumberField, ReferenceField, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';
import { VnDateField } from '../fields/VnDateField';
import { UnitRefField, UnitRefsField } from '../emulation/RefFields';
import { BlocPledgeLink } from './BlocPledgeLink';

const BlocShowActions = () => (
  <TopToolbar>
    <EditButton />
  </TopToolbar>
);

export const BlocShow = () => (
  <Show actions={<BlocShowActions />}>
    <SimpleShowLayout>
      <NumberField source="year" options={{ useGrouping: false }} />
      <TextField source="name" />
      <Labeled label="resources.blocs.fields.owner">
        <UnitRefField source="owner" />
      </Labeled>
      <ReferenceField source="movementId" reference="movements" link="show" emptyText="—" />
      <Labeled label="resources.blocs.fields.head">
        <UnitRefField source="head" />
      </Labeled>
      <Labeled label="resources.blocs.fields.deputy">
        <UnitRefField source="deputy" />
      </Labeled>
      <Labeled label="resources.blocs.fields.members">
        <UnitRefsField source="members" />
      </Labeled>
      <Labeled label="resources.blocs.fields.pledgeId">
        <BlocPledgeLink />
      </Labeled>
      <NumberField source="version" />
      <VnDateField source="updatedAt" showTime />
    </SimpleShowLayout>
  </Show>
);
