import { useMemo, type ReactNode } from 'react';
import { Box, Typography } from '@mui/material';
import { useGetManyAggregate, useRecordContext, useTranslate } from 'react-admin';
import type { UnitRecord } from '../units/UnitRecord';
import type { AuditEventRecord } from './AuditEventRecord';
import { ENTITY_RESOURCES, formatAuditValue, parseChanges, UNIT_REFERENCE_FIELDS } from './auditChanges';

/** Bookkeeping that changes with every edit (or is the record's own id, shown beside) and says nothing to a reader. */
const HIDDEN_FIELDS = new Set(['id', 'version', 'updatedAt', 'createdAt']);

/** Unit ids as the units' names (batched with the other rows' lookups); an unknown id stays as it is. */
const UnitNames = ({ ids }: { ids: string[] }) => {
  const { data } = useGetManyAggregate<UnitRecord>('units', { ids });
  const names = ids.map((id) => data?.find((unit) => unit?.id === id)?.name ?? id);
  return <>{names.join(', ')}</>;
};

const Empty = () => {
  const translate = useTranslate();
  return (
    <Typography component="span" variant="body2" color="text.secondary" fontStyle="italic">
      {translate('danvan.audit.empty')}
    </Typography>
  );
};

const Value = ({ field, value }: { field: string; value: unknown }) => {
  const translate = useTranslate();
  if (UNIT_REFERENCE_FIELDS.has(field) && value !== null && value !== '') {
    const ids = (Array.isArray(value) ? value : [value]).filter((id): id is string => typeof id === 'string');
    if (ids.length > 0) return <UnitNames ids={ids} />;
  }
  const text = formatAuditValue(field, value, { yes: translate('ra.message.yes'), no: translate('ra.message.no') });
  return text === null ? <Empty /> : <>{text}</>;
};

/**
 * The `changes` of an audit event, one line per field: "Tên viết tắt: HU Tiền Hải → HU Tiền Hải (đã sửa)".
 * A creation lists the values set, a deletion the values removed.
 */
export const AuditChangesField = (_props: { label?: string }) => {
  const record = useRecordContext<AuditEventRecord>();
  const translate = useTranslate();
  const changes = useMemo(() => parseChanges(record?.changes).filter((change) => !HIDDEN_FIELDS.has(change.field)), [record?.changes]);
  if (!record) return null;
  if (changes.length === 0) return <Empty />;
  const resource = ENTITY_RESOURCES[record.entity];
  const label = (field: string) => (resource ? translate(`resources.${resource}.fields.${field}`, { _: field }) : field);
  const line = (before: unknown, after: unknown, field: string): ReactNode => {
    if (record.action === 'create') return <Value field={field} value={after} />;
    if (record.action === 'delete') return <Value field={field} value={before} />;
    return (
      <>
        <Value field={field} value={before} /> → <Value field={field} value={after} />
      </>
    );
  };
  return (
    <Box component="dl" sx={{ m: 0 }}>
      {changes.map(({ field, before, after }) => (
        <Box key={field} sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>
          <Typography component="dt" variant="body2" fontWeight={600}>
            {label(field)}:
          </Typography>
          <Typography component="dd" variant="body2" sx={{ m: 0 }}>
            {line(before, after, field)}
          </Typography>
        </Box>
      ))}
    </Box>
  );
};
