import { Alert, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { SCORE_SHEET_STATUS_LABELS } from '@danvan/contracts';
import { unitLabel } from '../emulation/refs';
import { formatScore } from './scoringGrid';
import { useRankingQuery } from './useScoringQueries';

/**
 * The bloc's ranking for the pledge as the server computes it (reviewed scores where given, else the
 * self-scores; bonus and deduction within their caps), provisional until the pledge is finalised (the
 * server's note says what a provisional ranking shows to this caller), with the tie rule under it.
 */
export const RankingTable = ({ pledgeId }: { pledgeId: string }) => {
  const translate = useTranslate();
  const { data, error, isPending } = useRankingQuery(pledgeId);
  if (isPending) return <Typography variant="body2">{translate('ra.page.loading')}</Typography>;
  if (error) return <Alert severity="error">{translate(error.message, { _: error.message })}</Alert>;
  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={1} alignItems="center">
        <Chip
          size="small"
          color={data.final ? 'success' : 'warning'}
          label={translate(data.final ? 'danvan.ranking.final' : 'danvan.ranking.provisional')}
        />
        {!data.final && (
          <Typography variant="body2" color="text.secondary" data-testid="ranking-note">
            {data.note}
          </Typography>
        )}
      </Stack>
      <Table size="small" aria-label={translate('danvan.ranking.title')}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('danvan.ranking.rank')}</TableCell>
            <TableCell>{translate('danvan.ranking.unit')}</TableCell>
            <TableCell>{translate('danvan.ranking.status')}</TableCell>
            <TableCell align="right">{translate('danvan.ranking.criteria')}</TableCell>
            <TableCell align="right">{translate('danvan.ranking.bonus')}</TableCell>
            <TableCell align="right">{translate('danvan.ranking.deduction')}</TableCell>
            <TableCell align="right">{translate('danvan.ranking.total')}</TableCell>
            <TableCell>{translate('danvan.ranking.classification')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {data.rows.map((row) => (
            <TableRow key={row.unit.id} data-unit-id={row.unit.id}>
              <TableCell>{row.rank ?? '—'}</TableCell>
              <TableCell>{unitLabel(row.unit)}</TableCell>
              <TableCell>{row.status ? SCORE_SHEET_STATUS_LABELS[row.status] : translate('danvan.scoring.notStarted')}</TableCell>
              <TableCell align="right">{formatScore(row.criteria)}</TableCell>
              <TableCell align="right">{formatScore(row.bonus)}</TableCell>
              <TableCell align="right">{formatScore(row.deduction)}</TableCell>
              <TableCell align="right">
                <strong>{formatScore(row.total)}</strong>
              </TableCell>
              <TableCell>{row.classification ?? '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography variant="body2" color="text.secondary">
        {`${translate('danvan.ranking.tieRule')}: ${data.tieRule}`}
      </Typography>
    </Stack>
  );
};
