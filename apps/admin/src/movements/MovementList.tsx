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
import { VnDateInput } from '../fields/VnDateInput';
import { MOVEMENT_KIND_CHOICES } from '../emulation/choices';
import { UnitRefField } from '../emulation/RefFields';

const ROWS_PER_PAGE = [10, 20, 50, MAX_PAGE_SIZE];

const movementFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={MOVEMENT_KIND_CHOICES} translateChoice={false} alwaysOn />,
  <VnDateInput key="activeOn" source="activeOn" alwaysOn />,
];

const MovementListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
  </TopToolbar>
);

/** Movements in the server's order (newest start first); not sortable here. */
export const MovementList = () => (
  <List
    filters={movementFilters}
    perPage={20}
    pagination={<Pagination rowsPerPageOptions={ROWS_PER_PAGE} />}
    actions={<MovementListActions />}
    exporter={false}
  >
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" sortable={false} />
      <SelectField source="kind" choices={MOVEMENT_KIND_CHOICES} translateChoice={false} sortable={false} />
      <UnitRefField source="launchedBy" label="resources.movements.fields.launchedBy" sortable={false} />
      <VnDateField source="startsOn" sortable={false} />
      <VnDateField source="endsOn" sortable={false} emptyText="—" />
    </Datagrid>
  </List>
);
