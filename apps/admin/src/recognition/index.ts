import EmojiEventsIcon from '@mui/icons-material/EmojiEvents';
import LightbulbIcon from '@mui/icons-material/Lightbulb';
import { AwardCreate } from './AwardCreate';
import { AwardList } from './AwardList';
import { AwardShow } from './AwardShow';
import { ModelCreate } from './ModelCreate';
import { ModelEdit } from './ModelEdit';
import { ModelList } from './ModelList';
import { ModelShow } from './ModelShow';
import type { AwardRecord, ModelRecord } from './recognitionData';

/** Spread into <Resource name="awards" {...awards} />. */
export const awards = {
  list: AwardList,
  show: AwardShow,
  create: AwardCreate,
  icon: EmojiEventsIcon,
  recordRepresentation: (record: AwardRecord) => `${record.title.name} ${record.year}`,
};

/** Spread into <Resource name="models" {...models} />. */
export const models = {
  list: ModelList,
  show: ModelShow,
  create: ModelCreate,
  edit: ModelEdit,
  icon: LightbulbIcon,
  recordRepresentation: (record: ModelRecord) => record.name,
};
