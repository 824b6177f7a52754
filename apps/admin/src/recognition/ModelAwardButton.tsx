import EmojiEventsIcon from '@mui/icons-material/EmojiEvents';
import { CreateButton, useRecordContext } from 'react-admin';
import { RESOURCES } from '../auth/access';
import type { ModelRecord } from './recognitionData';

/** "Khen thưởng mô hình": the award form, with this model, its unit (or person) already filled in. */
export const ModelAwardButton = () => {
  const record = useRecordContext<ModelRecord>();
  if (!record) return null;
  const defaults = {
    modelId: record.id,
    recipientKind: record.holderKind,
    recipientUnitId: record.owner.id,
    ...(record.personName ? { personName: record.personName } : {}),
  };
  return <CreateButton resource={RESOURCES.awards} label="danvan.models.award" icon={<EmojiEventsIcon />} state={{ record: defaults }} />;
};
