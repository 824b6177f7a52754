import { Chip } from '@mui/material';
import {
  BooleanInput,
  CreateButton,
  Datagrid,
  FilterButton,
  FunctionField,
  List,
  NumberField,
  NumberInput,
  Pagination,
  SearchInput,
  SelectInput,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { MAX_PAGE_SIZE } from '@danvan/contracts';
import { VnDateField } from '../fields/VnDateField';
import { UnitReferenceInput } from '../units/UnitReferenceInput';
import { PermittedEmpty } from '../components/PermittedEmpty';
import { unitLabel } from '../emulation/refs';
import { AwardExportButton } from './AwardExportButton';
import { AwardTitleInput } from './AwardTitleInput';
import type { AwardRecord } from './recognitionData';
import { AWARD_RANK_CHOICES, RECIPIENT_KIND_CHOICES } from './choices';

const ROWS_PER_PAGE = [10, 20, 50, MAX_PAGE_SIZE];

const awardFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <NumberInput key="year" source="year" alwaysOn step={1} sx={{ width: 120 }} />,
  <AwardTitleInput key="titleId" source="titleId" alwaysOn sx={{ minWidth: 280 }} />,
  <SelectInput key="rank" source="rank" choices={AWARD_RANK_CHOICES} translateChoice={false} />,
  <SelectInput key="recipientKind" source="recipientKind" choices={RECIPIENT_KIND_CHOICES} translateChoice={false} />,
  <UnitReferenceInput key="withinUnitId" source="withinUnitId" sx={{ minWidth: 320 }} />,
  <BooleanInput key="revoked" source="revoked" />,
];

const AwardListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    <AwardExportButton />
  </TopToolbar>
);

export const RecipientField = (_props: { label?: string }) => {
  const record = useRecordContext<AwardRecord>();
  if (!record) return null;
  return (
    <span>
      {record.personName
        ? `${record.personName}${record.personPosition ? `, ${record.personPosition}` : ''} – ${unitLabel(record.recipientUnit)}`
        : unitLabel(record.recipientUnit)}
    </span>
  );
};

export const AwardTitleField = (_props: { label?: string }) => {
  const record = useRecordContext<AwardRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <span>
      {record.rankLabel ? `${record.title.name} – ${translate('danvan.awards.rank', { rank: record.rankLabel })}` : record.title.name}
      {record.revoked ? (
        <Chip size="small" color="error" variant="outlined" label={translate('danvan.awards.revoked')} sx={{ ml: 1 }} />
      ) : null}
    </span>
  );
};

/** Awards within the reader's reach, newest decision first, revoked ones marked; exported to Excel as filtered. */
export const AwardList = () => (
  <List
    filters={awardFilters}
    sort={{ field: 'decidedOn', order: 'DESC' }}
    perPage={20}
    pagination={<Pagination rowsPerPageOptions={ROWS_PER_PAGE} />}
    actions={<AwardListActions />}
    exporter={false}
    empty={<PermittedEmpty />}
  >
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <VnDateField source="decidedOn" />
      <NumberField source="year" options={{ useGrouping: false }} />
      <AwardTitleField label="resources.awards.fields.title" />
      <RecipientField label="resources.awards.fields.recipient" />
      <FunctionField source="issuer" sortable={false} render={(record: AwardRecord) => unitLabel(record.issuer)} />
      <FunctionField source="decisionDocument" sortable={false} render={(record: AwardRecord) => record.decisionDocument?.number ?? '—'} />
    </Datagrid>
  </List>
);
