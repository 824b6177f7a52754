import { EditButton, Labeled, NumberField, SelectField, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';
import { VnDateField } from '../fields/VnDateField';
import { MOVEMENT_KIND_CHOICES } from '../emulation/choices';
import { DocumentRefsField, UnitRefField } from '../emulation/RefFields';

const MovementShowActions = () => (
  <TopToolbar>
    <EditButton />
  </TopToolbar>
);

export const MovementShow = () => (
  <Show actions={<MovementShowActions />}>
    <SimpleShowLayout>
      <TextField source="name" />
      <SelectField source="kind" choices={MOVEMENT_KIND_CHOICES} translateChoice={false} />
      <Labeled label="resources.movements.fields.launchedBy">
        <UnitRefField source="launchedBy" />
      </Labeled>
      <VnDateField source="startsOn" />
      <VnDateField source="endsOn" emptyText="—" />
      <TextField source="description" emptyText="—" />
      <Labeled label="resources.movements.fields.legalBasis">
        <DocumentRefsField source="legalBasis" />
      </Labeled>
      <NumberField source="version" />
      <VnDateField source="updatedAt" showTime />
    </SimpleShowLayout>
  </Show>
);
