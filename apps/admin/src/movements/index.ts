import CampaignIcon from '@mui/icons-material/Campaign';
import { MovementCreate } from './MovementCreate';
import { MovementEdit } from './MovementEdit';
import { MovementList } from './MovementList';
import { MovementShow } from './MovementShow';
import type { MovementRecord } from './movementData';

/** Spread into <Resource name="movements" {...movements} />. */
export const movements = {
  list: MovementList,
  show: MovementShow,
  edit: MovementEdit,
  create: MovementCreate,
  icon: CampaignIcon,
  recordRepresentation: (record: MovementRecord) => record.name,
};
