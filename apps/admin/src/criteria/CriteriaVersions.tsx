import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatVnInstant } from '../fields/vnInstant';
import { formatScore } from '../scoring/scoringGrid';
import type { CriteriaVersionSummary } from '../pledges/pledgeData';

/** Every version of the set, newest first, read-only: versions are never changed, a save adds one. */
export const CriteriaVersions = ({ versions, current }: { versions: CriteriaVersionSummary[]; current: number | null }) => {
  const translate = useTranslate();
  if (versions.length === 0) return <Typography variant="body2">{translate('danvan.criteria.noVersions')}</Typography>;
  return (
    <Table size="small" aria-label={translate('danvan.criteria.versions')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('danvan.criteria.version')}</TableCell>
          <TableCell>{translate('danvan.criteria.createdAt')}</TableCell>
          <TableCell>{translate('danvan.criteria.createdBy')}</TableCell>
          <TableCell>{translate('danvan.criteria.groups')}</TableCell>
          <TableCell align="right">{translate('danvan.criteria.caps')}</TableCell>
          <TableCell>{translate('danvan.criteria.bands')}</TableCell>
          <TableCell align="right">{translate('danvan.criteria.maxTotalColumn')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {versions.map((version) => (
          <TableRow key={version.id} selected={version.number === current}>
            <TableCell>
              {version.number === current ? translate('danvan.criteria.currentVersion', { number: version.number }) : version.number}
            </TableCell>
            <TableCell>{formatVnInstant(version.createdAt, true)}</TableCell>
            <TableCell>{version.createdBy}</TableCell>
            <TableCell>{version.groups.map((group) => `${group.code}. ${group.title}`).join('; ')}</TableCell>
            <TableCell align="right">{`+${formatScore(version.bonusCap)} / −${formatScore(version.deductionCap)}`}</TableCell>
            <TableCell>{version.bands.map((band) => `${band.name} ≥ ${formatScore(band.minScore)}`).join('; ')}</TableCell>
            <TableCell align="right">{formatScore(version.maxTotal)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
