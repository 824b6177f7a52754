import {
  CreateButton,
  Datagrid,
  FilterButton,
  FunctionField,
  List,
  Pagination,
  SearchInput,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
} from 'react-admin';
import { MAX_PAGE_SIZE } from '@danvan/contracts';
import { VnDateField } from '../fields/VnDateField';
import { VnDateInput } from '../fields/VnDateInput';
import { DOCUMENT_FORM_CHOICES, DOCUMENT_TYPE_CHOICES } from '../emulation/choices';
import type { DocumentRecord } from './documentData';

const ROWS_PER_PAGE = [10, 20, 50, MAX_PAGE_SIZE];

/** Search (number and title, accents ignored), type, form, issuing body, range of dates of issue (dd/MM/yyyy). */
const documentFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="type" source="type" choices={DOCUMENT_TYPE_CHOICES} translateChoice={false} alwaysOn />,
  <TextInput key="issuer" source="issuer" alwaysOn />,
  <VnDateInput key="issuedFrom" source="issuedFrom" alwaysOn />,
  <VnDateInput key="issuedTo" source="issuedTo" alwaysOn />,
  <SelectInput key="form" source="form" choices={DOCUMENT_FORM_CHOICES} translateChoice={false} />,
];

const DocumentListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
  </TopToolbar>
);

/** The document register, newest first. */
export const DocumentList = () => (
  <List
    filters={documentFilters}
    sort={{ field: 'issuedOn', order: 'DESC' }}
    perPage={20}
    pagination={<Pagination rowsPerPageOptions={ROWS_PER_PAGE} />}
    actions={<DocumentListActions />}
    exporter={false}
  >
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="number" />
      <TextField source="typeName" sortable={false} />
      <FunctionField source="issuers" sortable={false} render={(record: DocumentRecord) => record.issuers.join(', ')} />
      <VnDateField source="issuedOn" />
      <TextField source="title" />
    </Datagrid>
  </List>
);
