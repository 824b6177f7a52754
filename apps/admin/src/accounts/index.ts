import PeopleIcon from '@mui/icons-material/People';
import { AccountCreate } from './AccountCreate';
import { AccountEdit } from './AccountEdit';
import { AccountList } from './AccountList';
import type { AccountRecord } from './AccountRecord';

/** Spread into <Resource name="accounts" {...accounts} />. */
export const accounts = {
  list: AccountList,
  edit: AccountEdit,
  create: AccountCreate,
  icon: PeopleIcon,
  recordRepresentation: (record: AccountRecord) => `${record.displayName} (${record.username})`,
};
