import { Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { FunctionField, Labeled, Show, SimpleShowLayout, TextField, useRecordContext, useTranslate } from 'react-admin';
import { VnDateField } from '../fields/VnDateField';
import { formatVnDate } from '../fields/vnDate';
import { unitLabel } from '../emulation/refs';
import type { ModelRecord } from './recognitionData';
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
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <FunctionField source="owner" render={(record: ModelRecord) => unitLabel(record.owner)} />
      <FunctionField source="holderKind" render={(record: ModelRecord) => (record.personName ? `${RECIPIENT_KIND_LABELS[record.holderKind]}: ${record.personName}` : RECIPIENT_KIND_LABELS[record.holderKind])} />
      <TextField source="fieldLabel" />
      <FunctionField source="firstYear" render={(record: ModelRecord) => (record.lastYear ? `${record.firstYear}–${record.lastYear}` : `${record.firstYear}–`)} />
      <TextField source="recognitionLabel" />
      <VnDateField source="recognisedOn" emptyText="—" />
      <TextField source="description" emptyText="—" />
      <Labeled label="resources.models.fields.results">
        <Results />
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
