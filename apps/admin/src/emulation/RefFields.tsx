import { Box, Chip, Stack, Typography } from '@mui/material';
import { Link, useCreatePath, useRecordContext, useTranslate } from 'react-admin';
import { formatVnDate } from '../fields/vnDate';
import { unitLabel, type DocumentRef, type UnitRef } from './refs';

type Props = { source: string; label?: string; sortable?: boolean; emptyText?: string };

const valueAt = (record: Record<string, unknown> | undefined, source: string): unknown => record?.[source];

/** A UnitRef of the record (launchedBy, owner, head …) by name. */
export const UnitRefField = ({ source, emptyText = '—' }: Props) => {
  const record = useRecordContext<Record<string, unknown>>();
  const unit = valueAt(record, source) as UnitRef | null | undefined;
  return (
    <Typography variant="body2" component="span">
      {unit ? unitLabel(unit) : emptyText}
    </Typography>
  );
};

/** A list of UnitRefs as chips. */
export const UnitRefsField = ({ source, emptyText = '—' }: Props) => {
  const record = useRecordContext<Record<string, unknown>>();
  const units = (valueAt(record, source) as UnitRef[] | undefined) ?? [];
  if (units.length === 0)
    return (
      <Typography variant="body2" component="span">
        {emptyText}
      </Typography>
    );
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
      {units.map((unit) => (
        <Chip key={unit.id} size="small" label={unitLabel(unit)} />
      ))}
    </Box>
  );
};

/** The number of UnitRefs in a list (members of a bloc). */
export const CountField = ({ source }: Props) => {
  const record = useRecordContext<Record<string, unknown>>();
  const items = valueAt(record, source);
  return (
    <Typography variant="body2" component="span">
      {Array.isArray(items) ? items.length : 0}
    </Typography>
  );
};

/** Cited documents: number (a link to the register), date, title. */
export const DocumentRefsField = ({ source }: Props) => {
  const record = useRecordContext<Record<string, unknown>>();
  const createPath = useCreatePath();
  const translate = useTranslate();
  const documents = (valueAt(record, source) as DocumentRef[] | undefined) ?? [];
  if (documents.length === 0) return <Typography variant="body2">{translate('danvan.documents.none')}</Typography>;
  return (
    <Stack spacing={0.5}>
      {documents.map((document) => (
        <Typography key={document.id} variant="body2">
          <Link to={createPath({ resource: 'documents', id: document.id, type: 'show' })}>{document.number}</Link>
          {` (${formatVnDate(document.issuedOn)}): ${document.title}`}
        </Typography>
      ))}
    </Stack>
  );
};
