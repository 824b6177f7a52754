import {
  EditButton,
  FunctionField,
  NumberField,
  ReferenceField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
} from 'react-admin';
import { VnDateField } from '../fields/VnDateField';
import { DOCUMENT_FORM_CHOICES } from '../emulation/choices';
import type { DocumentRecord } from './documentData';

const DocumentShowActions = () => (
  <TopToolbar>
    <EditButton />
  </TopToolbar>
);

export const DocumentShow = () => (
  <Show actions={<DocumentShowActions />}>
    <SimpleShowLayout>
      <TextField source="number" />
      <SelectField source="form" choices={DOCUMENT_FORM_CHOICES} translateChoice={false} />
      <FunctionField source="typeName" render={(record: DocumentRecord) => `${record.typeName} (${record.type})`} />
      <FunctionField source="issuers" render={(record: DocumentRecord) => record.issuers.join(', ')} />
      <VnDateField source="issuedOn" />
      <TextField source="title" />
      <ReferenceField source="ownerUnitId" reference="units" link="show" emptyText="—" />
      <NumberField source="version" />
      <VnDateField source="createdAt" showTime />
      <VnDateField source="updatedAt" showTime />
    </SimpleShowLayout>
  </Show>
);
