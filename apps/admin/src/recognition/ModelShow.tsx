import { Link as ExternalLink, Stack, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import {
  EditButton,
  FunctionField,
  Labeled,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { VnDateField } from '../fields/VnDateField';
import { formatVnDate } from '../fields/vnDate';
import { unitLabel } from '../emulation/refs';
import type { ModelRecord } from './recognitionData';
import { LEVEL_CHOICES } from './choices';
import { ModelAwardButton } from './ModelAwardButton';
import { RecogniseModelButton } from './RecogniseModelButton';
import { AWARD_RANK_LABELS, MODEL_RECOGNITION_LABELS, RECIPIENT_KIND_LABELS } from '@danvan/contracts';

const Results = (_props: { label?: string }) => {
  const record = useRecordContext<ModelRecord>();
  const translate = useTranslate();
  const results = record?.results ?? [];
  if (results.length === 0) return <Typography variant="body2">{translate('danvan.models.noResults')}</Typography>;
  return (
    <Table size="small">
      <TableBody>
        {results.map((result, index) => (
          <TableRow key={index}>
            <TableCell>{result.indicator}</TableCell>
            <TableCell align="right">{`${new Intl.NumberFormat('vi-VN').format(result.value)}${result.unit ? ` ${result.unit}` : ''}`}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** Evidence of the model: what it is and, when there is one, a link to it (opened in a new tab). */
const Evidence = (_props: { label?: string }) => {
  const record = useRecordContext<ModelRecord>();
  const translate = useTranslate();
  const evidence = record?.evidence ?? [];
  if (evidence.length === 0) return <Typography variant="body2">{translate('danvan.models.noEvidence')}</Typography>;
  return (
    <Stack spacing={0.5}>
      {evidence.map((item, index) => (
        <Typography key={index} variant="body2">
          {item.url ? (
            <ExternalLink href={item.url} target="_blank" rel="noopener noreferrer">
              {item.description}
            </ExternalLink>
          ) : (
            item.description
          )}
        </Typography>
      ))}
    </Stack>
  );
};

const ModelShowActions = () => (
  <TopToolbar>
    <EditButton />
    <RecogniseModelButton />
    <ModelAwardButton />
  </TopToolbar>
);

const History = (_props: { label?: string }) => {
  const record = useRecordContext<ModelRecord>();
  const translate = useTranslate();
  const history = record?.recognitionHistory ?? [];
  if (history.length === 0) return <Typography variant="body2">{translate('danvan.models.noHistory')}</Typography>;
  return (
    <Table size="small">
      <TableBody>
        {history.map((change, index) => (
          <TableRow key={index}>
            <TableCell>{formatVnDate(change.recognisedOn)}</TableCell>
            <TableCell>{`${MODEL_RECOGNITION_LABELS[change.from]} → ${MODEL_RECOGNITION_LABELS[change.to]}`}</TableCell>
            <TableCell>{change.document?.number ?? ''}</TableCell>
            <TableCell>{change.note ?? ''}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

const Awards = (_props: { label?: string }) => {
  const record = useRecordContext<ModelRecord>();
  const translate = useTranslate();
  const awards = record?.awards ?? [];
  if (awards.length === 0) return <Typography variant="body2">{translate('danvan.models.noAwards')}</Typography>;
  return (
    <Table size="small">
      <TableBody>
        {awards.map((award) => (
          <TableRow key={award.id}>
            <TableCell>{award.year}</TableCell>
            <TableCell>{award.rank ? `${award.titleName} (${AWARD_RANK_LABELS[award.rank]})` : award.titleName}</TableCell>
            <TableCell>{formatVnDate(award.decidedOn)}</TableCell>
            <TableCell>{award.revoked ? translate('danvan.awards.revoked') : ''}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

export const ModelShow = () => (
  <Show actions={<ModelShowActions />}>
    <SimpleShowLayout>
      <TextField source="name" />
      <FunctionField source="owner" render={(record: ModelRecord) => unitLabel(record.owner)} />
      <FunctionField
        source="holderKind"
        render={(record: ModelRecord) =>
          record.personName ? `${RECIPIENT_KIND_LABELS[record.holderKind]}: ${record.personName}` : RECIPIENT_KIND_LABELS[record.holderKind]
        }
      />
      <TextField source="fieldLabel" />
      <SelectField source="level" choices={LEVEL_CHOICES} translateChoice={false} />
      <FunctionField
        source="firstYear"
        render={(record: ModelRecord) => (record.lastYear ? `${record.firstYear}–${record.lastYear}` : `${record.firstYear}–`)}
      />
      <TextField source="recognitionLabel" />
      <VnDateField source="recognisedOn" emptyText="—" />
      <FunctionField
        source="recognitionDocument"
        render={(record: ModelRecord) =>
          record.recognitionDocument ? `${record.recognitionDocument.number} (${formatVnDate(record.recognitionDocument.issuedOn)})` : '—'
        }
      />
      <TextField source="description" emptyText="—" />
      <Labeled label="resources.models.fields.results">
        <Results />
      </Labeled>
      <Labeled label="resources.models.fields.evidence">
        <Evidence />
      </Labeled>
      <Labeled label="resources.models.fields.recognitionHistory">
        <History />
      </Labeled>
      <Labeled label="resources.models.fields.awards">
        <Awards />
      </Labeled>
    </SimpleShowLayout>
  </Show>
);
