import {
  CreateButton,
  Datagrid,
  FilterButton,
  List,
  NumberField,
  NumberInput,
  Pagination,
  SearchInput,
  TextField,
  TopToolbar,
} from 'react-admin';
import { MAX_PAGE_SIZE } from '@danvan/contracts';
import { UnitReferenceInput } from '../units/UnitReferenceInput';
import { CountField, UnitRefField } from '../emulation/RefFields';
import { BlocPledgeLink } from './BlocPledgeLink';

const ROWS_PER_PAGE = [10, 20, 50, MAX_PAGE_SIZE];

/** By year first (the blocs of one year compete together), then name, then a member unit. */
const blocFilters = [
  <NumberInput key="year" source="year" alwaysOn step={1} sx={{ width: 120 }} />,
  <SearchInput key="q" source="q" alwaysOn />,
  <UnitReferenceInput key="memberUnitId" source="memberUnitId" sx={{ minWidth: 320 }} />,
];

const BlocListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
  </TopToolbar>
);

export const BlocList = () => (
  <List
    filters={blocFilters}
    perPage={20}
    pagination={<Pagination rowsPerPageOptions={ROWS_PER_PAGE} />}
    actions={<BlocListActions />}
    exporter={false}
  >
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <NumberField source="year" options={{ useGrouping: false }} sortable={false} />
      <TextField source="name" sortable={false} />
      <UnitRefField source="owner" label="resources.blocs.fields.owner" sortable={false} />
      <UnitRefField source="head" label="resources.blocs.fields.head" sortable={false} />
      <UnitRefField source="deputy" label="resources.blocs.fields.deputy" sortable={false} />
      <CountField source="members" label="resources.blocs.fields.memberCount" sortable={false} />
      <BlocPledgeLink label="resources.blocs.fields.pledgeId" />
    </Datagrid>
  </List>
);
