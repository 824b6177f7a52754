import { Breadcrumbs, Typography } from '@mui/material';
import { Link, useCreatePath, useRecordContext, useTranslate } from 'react-admin';
import type { UnitRecord } from './UnitRecord';

/**
 * The unit's place in the tree, from the root down ("Ban Dân vận Trung ương › Tỉnh ủy Thái Bình ›
 * Huyện ủy Tiền Hải"), each ancestor a link, ending with the unit itself (not a link).
 */
export const AncestorChain = (_props: { label?: string }) => {
  const record = useRecordContext<UnitRecord>();
  const createPath = useCreatePath();
  const translate = useTranslate();
  // A record taken from the list cache has no ancestors yet; the getOne refetch brings them.
  if (!record?.ancestors) return null;
  if (record.ancestors.length === 0) {
    return <Typography variant="body2">{translate('resources.units.rootUnit')}</Typography>;
  }
  return (
    <Breadcrumbs separator="›" aria-label={translate('resources.units.fields.ancestors')}>
      {record.ancestors.map((ancestor) => (
        <Link key={ancestor.id} to={createPath({ resource: 'units', type: 'show', id: ancestor.id })}>
          {ancestor.name}
        </Link>
      ))}
      <Typography variant="body2" color="text.primary" aria-current="page">
        {record.name}
      </Typography>
    </Breadcrumbs>
  );
};
