import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { UnitCreate } from './UnitCreate';
import { UnitEdit } from './UnitEdit';
import { UnitList } from './UnitList';
import { UnitShow } from './UnitShow';
import type { UnitRecord } from './UnitRecord';

/** Spread into <Resource name="units" {...units} />. */
export const units = {
  list: UnitList,
  show: UnitShow,
  edit: UnitEdit,
  create: UnitCreate,
  icon: AccountTreeIcon,
  recordRepresentation: (record: UnitRecord) => record.name,
};
