import {
  CreateButton,
  Datagrid,
  FilterButton,
  List,
  NumberField,
  NumberInput,
  Pagination,
  SelectInput,
  TextField,
  TopToolbar,
} from 'react-admin';
import { MAX_PAGE_SIZE } from '@danvan/contracts';
import { VnDateField } from '../fields/VnDateField';
import { UnitReferenceInput } from '../units/UnitReferenceInput';
import { PLEDGE_STATUS_CHOICES } from '../emulation/choices';
import { PledgeStatusField } from './PledgeStatusField';

const ROWS_PER_PAGE = [10, 20, 50, MAX_PAGE_SIZE];

const pledgeFilters = [
  <NumberInput key="year" source="year" alwaysOn step={1} sx={{ width: 120 }} />,
  <SelectInput key="status" source="status" choices={PLEDGE_STATUS_CHOICES} translateChoice={false} alwaysOn />,
  <UnitReferenceInput key="signatoryUnitId" source="signatoryUnitId" sx={{ minWidth: 320 }} />,
];

const PledgeListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
  </TopToolbar>
);

export const PledgeList = () => (
  <List
    filters={pledgeFilters}
    perPage={20}
    pagination={<Pagination rowsPerPageOptions={ROWS_PER_PAGE} />}
    actions={<PledgeListActions />}
    exporter={false}
  >
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <NumberField source="year" options={{ useGrouping: false }} sortable={false} />
      <TextField source="title" sortable={false} />
      <TextField source="blocName" sortable={false} />
      <PledgeStatusField label="resources.pledges.fields.status" sortable={false} />
      <VnDateField source="signedOn" sortable={false} emptyText="—" />
    </Datagrid>
  </List>
);
