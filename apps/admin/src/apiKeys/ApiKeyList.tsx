import { Chip, Stack } from '@mui/material';
import {
  BooleanInput,
  CreateButton,
  Datagrid,
  FilterButton,
  List,
  Pagination,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { MAX_PAGE_SIZE } from '@danvan/contracts';
import { VnDateField } from '../fields/VnDateField';
import { UnitReferenceInput } from '../units/UnitReferenceInput';
import { apiKeyStatus, type ApiKeyRecord } from './ApiKeyRecord';
import { RevokeApiKeyButton } from './RevokeApiKeyButton';
import { scopeLabel } from './scopes';

const ROWS_PER_PAGE = [10, 20, 50, MAX_PAGE_SIZE];

const apiKeyFilters = [
  <BooleanInput key="includeInactive" source="includeInactive" alwaysOn />,
  <UnitReferenceInput key="unitId" source="unitId" sx={{ minWidth: 320 }} />,
];

const ApiKeyListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
  </TopToolbar>
);

/** How the key starts (`dvk_<prefix>_…`): enough to recognise it, useless to use it. */
const PrefixField = (_props: { label?: string }) => {
  const record = useRecordContext<ApiKeyRecord>();
  return record ? <code>{`dvk_${record.prefix}_…`}</code> : null;
};

const ScopesField = (_props: { label?: string }) => {
  const record = useRecordContext<ApiKeyRecord>();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
      {record.scopes.map((scope) => (
        <Chip key={scope} size="small" label={scopeLabel(scope)} />
      ))}
    </Stack>
  );
};

const StatusField = (_props: { label?: string }) => {
  const record = useRecordContext<ApiKeyRecord>();
  const translate = useTranslate();
  if (!record) return null;
  const status = apiKeyStatus(record);
  return <Chip size="small" color={status === 'active' ? 'success' : 'default'} label={translate(`danvan.apiKeys.status.${status}`)} />;
};

/** Keys of the units in reach, newest first (the server's order). Revoked and expired keys on demand. */
export const ApiKeyList = () => (
  <List
    filters={apiKeyFilters}
    filterDefaultValues={{ includeInactive: false }}
    perPage={20}
    pagination={<Pagination rowsPerPageOptions={ROWS_PER_PAGE} />}
    actions={<ApiKeyListActions />}
    exporter={false}
  >
    <Datagrid rowClick={false} bulkActionButtons={false}>
      <TextField source="name" sortable={false} />
      <PrefixField label="resources.api-keys.fields.prefix" />
      <TextField source="unitName" sortable={false} />
      <ScopesField label="resources.api-keys.fields.scopes" />
      <StatusField label="resources.api-keys.fields.status" />
      <VnDateField source="expiresAt" showTime sortable={false} emptyText="danvan.apiKeys.noExpiry" />
      <VnDateField source="lastUsedAt" showTime sortable={false} emptyText="danvan.apiKeys.neverUsed" />
      <TextField source="createdBy" sortable={false} emptyText="—" />
      <VnDateField source="createdAt" showTime sortable={false} />
      <RevokeApiKeyButton label="danvan.apiKeys.revoke.column" />
    </Datagrid>
  </List>
);
