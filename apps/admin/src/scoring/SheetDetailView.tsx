import { Alert, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatVnInstant } from '../fields/vnInstant';
import { EvidenceButton } from './EvidenceButton';
import type { ScorableItem } from '@danvan/contracts';
import { formatScore } from './scoringGrid';
import { useSheetDetail } from './useScoringQueries';

const ACTIONS: Record<string, string> = {
  SUBMIT: 'danvan.scoring.events.SUBMIT',
  ACCEPT: 'danvan.scoring.events.ACCEPT',
  RETURN: 'danvan.scoring.events.RETURN',
};

/** One unit's sheet in full (REST): each line with its comments and evidence files (unless `showLines` is false), then the review log. */
export const SheetDetailView = ({
  pledgeId,
  unitId,
  items,
  version,
  showLines = true,
}: {
  pledgeId: string;
  unitId: string;
  items: ScorableItem[];
  version?: number;
  showLines?: boolean;
}) => {
  const translate = useTranslate();
  const { data, error, isPending } = useSheetDetail(pledgeId, unitId, version);
  if (isPending) return <Typography variant="body2">{translate('ra.page.loading')}</Typography>;
  if (error) return <Alert severity="error">{translate(error.message, { _: error.message })}</Alert>;
  if (!data) return <Typography variant="body2">{translate('danvan.scoring.noSheet')}</Typography>;
  const titles = new Map(items.map((item) => [item.code, item.title]));
  return (
    <Stack spacing={2}>
      {showLines ? (
        <Table size="small" aria-label={translate('danvan.scoring.lines')}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('danvan.scoring.item')}</TableCell>
              <TableCell align="right">{translate('danvan.scoring.selfScore')}</TableCell>
              <TableCell>{translate('danvan.scoring.selfComment')}</TableCell>
              <TableCell align="right">{translate('danvan.scoring.reviewedScore')}</TableCell>
              <TableCell>{translate('danvan.scoring.reviewComment')}</TableCell>
              <TableCell>{translate('danvan.scoring.evidence')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.lines.map((line) => (
              <TableRow key={line.itemCode}>
                <TableCell>{`${line.itemCode} ${titles.get(line.itemCode) ?? ''}`}</TableCell>
                <TableCell align="right">{formatScore(line.selfScore)}</TableCell>
                <TableCell>{line.selfComment ?? ''}</TableCell>
                <TableCell align="right">{formatScore(line.reviewedScore)}</TableCell>
                <TableCell>{line.reviewComment ?? ''}</TableCell>
                <TableCell>
                  {line.evidence.length === 0 ? '—' : line.evidence.map((file) => <EvidenceButton key={file.id} file={file} />)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      <Typography variant="subtitle2">{translate('danvan.scoring.history')}</Typography>
      {data.events.length === 0 ? (
        <Typography variant="body2">{translate('danvan.scoring.noEvents')}</Typography>
      ) : (
        <Table size="small" aria-label={translate('danvan.scoring.history')}>
          <TableBody>
            {data.events.map((event, index) => (
              <TableRow key={index}>
                <TableCell>{formatVnInstant(event.at, true)}</TableCell>
                <TableCell>{event.stepLabel}</TableCell>
                <TableCell>{translate(ACTIONS[event.action] ?? event.action, { _: event.action })}</TableCell>
                <TableCell>{event.actorLabel}</TableCell>
                <TableCell>{event.reason ?? ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Stack>
  );
};
