import {
  FunctionField,
  Labeled,
  Link,
  ReferenceField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useCreatePath,
  useRecordContext,
} from 'react-admin';
import { Typography } from '@mui/material';
import { VnDateField } from '../fields/VnDateField';
import { formatVnDate } from '../fields/vnDate';
import { unitLabel } from '../emulation/refs';
import { RESOURCES } from '../auth/access';
import { AwardTitleField, RecipientField } from './AwardList';
import { RevokeAwardButton } from './RevokeAwardButton';
import type { AwardRecord } from './recognitionData';
import { RECIPIENT_KIND_LABELS } from '@danvan/contracts';

/** No editing: an issued decision is revoked (with its reason) and issued again. */
const AwardShowActions = () => (
  <TopToolbar>
    <RevokeAwardButton />
  </TopToolbar>
);

/** The "Dân vận khéo" model the award rewards, as a link. */
const ModelLinkField = (_props: { label?: string }) => {
  const record = useRecordContext<AwardRecord>();
  const createPath = useCreatePath();
  if (!record) return null;
  if (record.model)
    return <Link to={createPath({ resource: RESOURCES.models, id: record.model.id, type: 'show' })}>{record.model.name}</Link>;
  return (
    <Typography variant="body2" component="span">
      —
    </Typography>
  );
};

export const AwardShow = () => (
  <Show actions={<AwardShowActions />}>
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
        render={(record: AwardRecord) =>
          record.decisionDocument ? `${record.decisionDocument.number} (${formatVnDate(record.decisionDocument.issuedOn)})` : '—'
        }
      />
      <ReferenceField source="pledgeId" reference={RESOURCES.pledges} link="show" emptyText="—" />
      <Labeled label="resources.awards.fields.modelId">
        <ModelLinkField />
      </Labeled>
      <TextField source="citation" emptyText="—" />
      <FunctionField
        source="revocationReason"
        render={(record: AwardRecord) => (record.revoked ? `${record.revocationReason ?? ''} (${record.revokedBy ?? ''})` : '—')}
      />
    </SimpleShowLayout>
  </Show>
);
