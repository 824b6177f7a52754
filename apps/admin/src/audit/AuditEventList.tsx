import {
  AutocompleteInput,
  Datagrid,
  FilterButton,
  FunctionField,
  List,
  Pagination,
  ReferenceField,
  ReferenceInput,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { MAX_PAGE_SIZE } from '@danvan/contracts';
import { VnDateField } from '../fields/VnDateField';
import { VnDateInput } from '../fields/VnDateInput';
import { searchFilter } from '../units/searchFilter';
import type { AuditEventRecord } from './AuditEventRecord';
import { AuditChangesField } from './AuditChangesField';
import { AUDIT_ACTION_CHOICES, AUDIT_ENTITY_CHOICES } from './choices';

const ROWS_PER_PAGE = [10, 20, 50, MAX_PAGE_SIZE];

/** Kind of record, action, who (an account), and a range of days (dd/MM/yyyy, both included). */
const auditFilters = [
  <SelectInput key="entity" source="entity" choices={AUDIT_ENTITY_CHOICES} alwaysOn />,
  <SelectInput key="action" source="action" choices={AUDIT_ACTION_CHOICES} alwaysOn />,
  <ReferenceInput key="actorId" source="actorId" reference="accounts">
    <AutocompleteInput optionText="displayName" filterToQuery={searchFilter} sx={{ minWidth: 280 }} />
  </ReferenceInput>,
  <VnDateInput key="from" source="from" alwaysOn />,
  <VnDateInput key="to" source="to" alwaysOn />,
  <TextInput key="entityId" source="entityId" />,
];

const AuditListActions = () => (
  <TopToolbar>
    <FilterButton />
  </TopToolbar>
);

/** The record the event is about: a unit or an account by name (with a link), anything else by id. */
const SubjectField = (_props: { label?: string }) => {
  const record = useRecordContext<AuditEventRecord>();
  if (!record) return null;
  const fallback = <span>{record.entityId}</span>;
  if (record.entity === 'unit') {
    return <ReferenceField source="entityId" reference="units" link="show" emptyText={record.entityId} empty={fallback} />;
  }
  if (record.entity === 'account') {
    return <ReferenceField source="entityId" reference="accounts" link="edit" emptyText={record.entityId} empty={fallback} />;
  }
  return <TextField source="entityId" />;
};

/** The audit trail, newest first (the server's only order), within the reader's reach. */
export const AuditEventList = () => {
  const translate = useTranslate();
  return (
    <List
      filters={auditFilters}
      perPage={20}
      pagination={<Pagination rowsPerPageOptions={ROWS_PER_PAGE} />}
      actions={<AuditListActions />}
      exporter={false}
      sort={{ field: 'at', order: 'DESC' }}
    >
      <Datagrid rowClick={false} bulkActionButtons={false}>
        <VnDateField source="at" showTime sortable={false} />
        <TextField source="actorLabel" sortable={false} />
        <FunctionField
          source="entity"
          sortable={false}
          render={(record: AuditEventRecord) => translate(`danvan.audit.entities.${record.entity}`, { _: record.entity })}
        />
        <SubjectField label="resources.audit-events.fields.entityId" />
        <FunctionField
          source="action"
          sortable={false}
          render={(record: AuditEventRecord) => translate(`danvan.audit.actions.${record.action}`, { _: record.action })}
        />
        <AuditChangesField label="resources.audit-events.fields.changes" />
      </Datagrid>
    </List>
  );
};
