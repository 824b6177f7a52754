import { Chip } from '@mui/material';
import {
  CreateButton,
  Datagrid,
  FilterButton,
  FunctionField,
  List,
  NumberInput,
  Pagination,
  SearchInput,
  SelectField,
  SelectInput,
  TextField,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
import { MAX_PAGE_SIZE } from '@danvan/contracts';
import { UnitReferenceInput } from '../units/UnitReferenceInput';
import { PermittedEmpty } from '../components/PermittedEmpty';
import { unitLabel } from '../emulation/refs';
import { ModelExportButton } from './ModelExportButton';
import type { ModelRecord } from './recognitionData';
import { LEVEL_CHOICES, MODEL_FIELD_CHOICES, MODEL_RECOGNITION_CHOICES, RECIPIENT_KIND_CHOICES } from './choices';

const ROWS_PER_PAGE = [10, 20, 50, MAX_PAGE_SIZE];

const modelFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <NumberInput key="year" source="year" alwaysOn step={1} sx={{ width: 120 }} />,
  <SelectInput key="field" source="field" choices={MODEL_FIELD_CHOICES} translateChoice={false} alwaysOn />,
  <SelectInput key="recognition" source="recognition" choices={MODEL_RECOGNITION_CHOICES} translateChoice={false} alwaysOn />,
  <SelectInput key="level" source="level" choices={LEVEL_CHOICES} translateChoice={false} />,
  <SelectInput key="holderKind" source="holderKind" choices={RECIPIENT_KIND_CHOICES} translateChoice={false} />,
  <UnitReferenceInput key="withinUnitId" source="withinUnitId" sx={{ minWidth: 320 }} />,
];

const ModelListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    <ModelExportButton />
  </TopToolbar>
);

const RecognitionField = (_props: { label?: string; sortBy?: string }) => {
  const record = useRecordContext<ModelRecord>();
  if (!record) return null;
  const color = record.recognition === 'EXCELLENT' ? 'success' : record.recognition === 'TYPICAL' ? 'info' : 'default';
  return <Chip size="small" color={color} label={record.recognitionLabel} />;
};

/** "Dân vận khéo" models within the reader's reach, by name; filtered, and exported to Excel as filtered. */
export const ModelList = () => (
  <List
    filters={modelFilters}
    sort={{ field: 'name', order: 'ASC' }}
    perPage={20}
    pagination={<Pagination rowsPerPageOptions={ROWS_PER_PAGE} />}
    actions={<ModelListActions />}
    exporter={false}
    empty={<PermittedEmpty />}
  >
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" />
      <FunctionField
        source="owner"
        sortable={false}
        render={(record: ModelRecord) =>
          record.personName ? `${record.personName} – ${unitLabel(record.owner)}` : unitLabel(record.owner)
        }
      />
      <TextField source="fieldLabel" sortable={false} />
      <SelectField source="level" choices={LEVEL_CHOICES} translateChoice={false} sortable={false} />
      <FunctionField
        source="firstYear"
        render={(record: ModelRecord) => (record.lastYear ? `${record.firstYear}–${record.lastYear}` : `${record.firstYear}–`)}
      />
      <RecognitionField label="resources.models.fields.recognition" sortBy="recognition" />
    </Datagrid>
  </List>
);
