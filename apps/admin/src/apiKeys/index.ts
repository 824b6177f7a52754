import KeyIcon from '@mui/icons-material/Key';
import { ApiKeyCreate } from './ApiKeyCreate';
import { ApiKeyList } from './ApiKeyList';
import type { ApiKeyRecord } from './ApiKeyRecord';

/** Spread into <Resource name="api-keys" {...apiKeys} />. */
export const apiKeys = {
  list: ApiKeyList,
  create: ApiKeyCreate,
  icon: KeyIcon,
  recordRepresentation: (record: ApiKeyRecord) => record.name,
};
