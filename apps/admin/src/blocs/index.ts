import GroupsIcon from '@mui/icons-material/Groups';
import { BlocCreate } from './BlocCreate';
import { BlocEdit } from './BlocEdit';
import { BlocList } from './BlocList';
import { BlocShow } from './BlocShow';
import type { BlocRecord } from './blocData';

/** Spread into <Resource name="blocs" {...blocs} />. */
export const blocs = {
  list: BlocList,
  show: BlocShow,
  edit: BlocEdit,
  create: BlocCreate,
  icon: GroupsIcon,
  recordRepresentation: (record: BlocRecord) => `${record.name} (${record.year})`,
};
