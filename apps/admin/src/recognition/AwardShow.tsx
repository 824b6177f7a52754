import { FunctionField, Labeled, Show, SimpleShowLayout, TextField } from 'react-admin';
import { VnDateField } from '../fields/VnDateField';
import { formatVnDate } from '../fields/vnDate';
import { unitLabel } from '../emulation/refs';
import { AwardTitleField, RecipientField } from './AwardList';
import type { AwardRecord } from './recognitionData';
import { RECIPIENT_KIND_LABELS } from '@danvan/contracts';

export const AwardShow = () => (
  <Show>
    <SimpleShowLayout>
      <Labeled label="resources.awards.fields.title">
        <AwardTitleField />
      </Labeled>
      <FunctionField source="recipientKind" render={(record: AwardRecord) => RECIPIENT_KIND_LABELS[record.recipientKind]} />
      <Labeled label="resources.awards.fields.recipient">
        <RecipientField />
      </Labeled>
      <FunctionField source="issuer" render={(record: AwardRecord) => unitLabel(record.issuer)} />
      <VnDateField source="decidedOn" />
      <TextField source="year" />
      <FunctionField
        source="decisionDocument"
        render={(record: AwardRecord) => (record.decisionDocument ? `${record.decisionDocument.number} (${formatVnDate(record.decisionDocument.issuedOn)})` : '—')}
      />
      <TextField source="citation" emptyText="—" />
      <FunctionField source="revocationReason" render={(record: AwardRecord) => (record.revoked ? `${record.revocationReason ?? ''} (${record.revokedBy ?? ''})` : '—')} />
    </SimpleShowLayout>
  </Show>
);
