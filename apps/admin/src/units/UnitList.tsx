import { CreateButton, Datagrid, FilterButton, List, Pagination, ReferenceField, SelectField, TextField, TopToolbar } from 'react-admin';
import { MAX_PAGE_SIZE } from '@danvan/contracts';
import { UNIT_KIND_CHOICES, UNIT_LEVEL_CHOICES, UNIT_STATUS_CHOICES } from './choices';
import { UnitExportButton } from './UnitExportButton';
import { unitFilters } from './unitFilters';

/** The server returns at most MAX_PAGE_SIZE (100) units per page. */
const ROWS_PER_PAGE = [10, 20, 50, MAX_PAGE_SIZE];

/** react-admin's default actions with the server's Excel export in place of the CSV export. */
const UnitListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    <UnitExportButton />
  </TopToolbar>
);

export const UnitList = () => (
  <List
    filters={unitFilters}
    sort={{ field: 'code', order: 'ASC' }}
    perPage={20}
    pagination={<Pagination rowsPerPageOptions={ROWS_PER_PAGE} />}
    actions={<UnitListActions />}
    exporter={false}
  >
    {/* No bulk actions: units are merged or dissolved, not deleted in bulk. */}
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="code" />
      <TextField source="name" />
      <TextField source="shortName" />
      <SelectField source="kind" choices={UNIT_KIND_CHOICES} translateChoice={false} />
      <SelectField source="level" choices={UNIT_LEVEL_CHOICES} translateChoice={false} />
      <SelectField source="status" choices={UNIT_STATUS_CHOICES} translateChoice={false} />
      <ReferenceField source="parentId" reference="units" link="show" sortable={false} />
    </Datagrid>
  </List>
);
