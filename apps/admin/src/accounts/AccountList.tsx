import {
  CreateButton,
  Datagrid,
  FilterButton,
  List,
  Pagination,
  SearchInput,
  SelectField,
  SelectInput,
  TextField,
  TopToolbar,
} from 'react-admin';
import { MAX_PAGE_SIZE } from '@danvan/contracts';
import { VnDateField } from '../fields/VnDateField';
import { UnitReferenceInput } from '../units/UnitReferenceInput';
import { AccountStatusField } from './AccountStatusField';
import { ROLE_CHOICES } from './choices';

const ROWS_PER_PAGE = [10, 20, 50, MAX_PAGE_SIZE];

/** Search (username or display name, accents ignored), role, unit. */
const accountFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={ROLE_CHOICES} translateChoice={false} />,
  <UnitReferenceInput key="unitId" source="unitId" sx={{ minWidth: 320 }} />,
];

const AccountListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
  </TopToolbar>
);

/** Accounts in the caller's reach, by username (the server's only order): not sortable here. */
export const AccountList = () => (
  <List
    filters={accountFilters}
    perPage={20}
    pagination={<Pagination rowsPerPageOptions={ROWS_PER_PAGE} />}
    actions={<AccountListActions />}
    exporter={false}
  >
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <TextField source="username" sortable={false} />
      <TextField source="displayName" sortable={false} />
      <SelectField source="role" choices={ROLE_CHOICES} translateChoice={false} sortable={false} />
      <TextField source="unitName" sortable={false} emptyText="—" />
      <AccountStatusField label="resources.accounts.fields.status" />
      <VnDateField source="lastLoginAt" showTime sortable={false} emptyText="—" />
    </Datagrid>
  </List>
);
