import { useState } from 'react';
import {
  Box,
  ButtonBase,
  Chip,
  Dialog,
  DialogContent,
  DialogTitle,
  IconButton,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Tooltip,
  Typography,
} from '@mui/material';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import CloseIcon from '@mui/icons-material/Close';
import { useTranslate } from 'react-admin';
import { unitLabel } from '../emulation/refs';
import { DecisionButtons } from './DecisionButtons';
import { ReviewCellEditor } from './ReviewCellEditor';
import type { ScoreSheet } from './scoringData';
import type { ScorableItem } from '@danvan/contracts';
import { formatScore, isReviewable, type GridCell, type GridRow, type ScoringGrid } from './scoringGrid';
import { SheetDetailView } from './SheetDetailView';

interface Props {
  pledgeId: string;
  pledgeStatus: string;
  grid: ScoringGrid;
  onSheetChanged: (sheet: ScoreSheet) => void;
  onConflict: () => void;
}

const STATUS_COLORS = { DRAFT: 'default', SUBMITTED: 'warning', RETURNED: 'error', ACCEPTED: 'success' } as const;

const CellContent = ({ cell }: { cell: GridCell | undefined }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ lineHeight: 1.2 }}>
      <Typography variant="body2" component="div" sx={{ fontWeight: 700 }} data-role="reviewed">
        {cell?.reviewedScore === null || cell?.reviewedScore === undefined ? '—' : formatScore(cell.reviewedScore)}
      </Typography>
      <Typography variant="caption" component="div" color="text.secondary" data-role="self">
        {`${translate('danvan.scoring.selfShort')} ${cell?.selfScore === null || cell?.selfScore === undefined ? '—' : formatScore(cell.selfScore)}`}
      </Typography>
      {cell?.evidenceCount ? (
        <Typography
          variant="caption"
          component="div"
          color="primary"
          data-role="evidence"
          title={translate('danvan.scoring.evidenceCount', { smart_count: cell.evidenceCount })}
        >
          <AttachFileIcon sx={{ fontSize: 12, verticalAlign: 'middle' }} aria-hidden />
          {cell.evidenceCount}
        </Typography>
      ) : null}
    </Box>
  );
};

const groupHeading = (translate: (key: string) => string, kind: string, code: string, title: string): string =>
  kind === 'BONUS'
    ? translate('danvan.scoring.bonusItems')
    : kind === 'DEDUCTION'
      ? translate('danvan.scoring.deductionItems')
      : `${code}. ${title}`;

/**
 * Units × scorable items. Each cell: the reviewed score (bold) over the unit's self-score; on a sheet under
 * review a cell opens the reviewer's editor. Per unit: the sheet's step, totals and the decisions.
 */
export const ScoringGridTable = ({ pledgeId, pledgeStatus, grid, onSheetChanged, onConflict }: Props) => {
  const translate = useTranslate();
  const [editing, setEditing] = useState<{ anchor: HTMLElement; row: GridRow; item: ScorableItem } | null>(null);
  const [detail, setDetail] = useState<GridRow | null>(null);

  return (
    <>
      <TableContainer sx={{ maxWidth: '100%', overflowX: 'auto', border: 1, borderColor: 'divider', borderRadius: 1 }}>
        <Table size="small" aria-label={translate('danvan.scoring.gridLabel')} sx={{ '& td, & th': { whiteSpace: 'nowrap' } }}>
          <TableHead>
            <TableRow>
              <TableCell rowSpan={2} sx={{ position: 'sticky', left: 0, zIndex: 2, bgcolor: 'background.paper', minWidth: 220 }}>
                {translate('danvan.scoring.unit')}
              </TableCell>
              <TableCell rowSpan={2}>{translate('danvan.scoring.status')}</TableCell>
              {grid.groups.map((group) => (
                <TableCell
                  key={`${group.kind}-${group.code}`}
                  colSpan={group.span}
                  align="center"
                  sx={{ borderLeft: 1, borderColor: 'divider' }}
                >
                  {groupHeading(translate, group.kind, group.code, group.title)}
                </TableCell>
              ))}
              <TableCell rowSpan={2} align="right" sx={{ borderLeft: 1, borderColor: 'divider' }}>
                {translate('danvan.scoring.total')}
              </TableCell>
              <TableCell rowSpan={2}>{translate('danvan.scoring.actions')}</TableCell>
            </TableRow>
            <TableRow>
              {grid.items.map((item) => (
                <TableCell key={item.code} align="center">
                  <Tooltip title={`${item.title} (${translate('danvan.scoring.max', { max: formatScore(item.maxScore) })})`}>
                    <span>{item.code}</span>
                  </Tooltip>
                  <Typography variant="caption" component="div" color="text.secondary">
                    {`/${formatScore(item.maxScore)}`}
                  </Typography>
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {grid.rows.map((row) => {
              const reviewable = isReviewable(pledgeStatus, row.sheet);
              const label = unitLabel(row.unit);
              return (
                <TableRow key={row.unit.id} data-unit-id={row.unit.id} hover>
                  <TableCell component="th" scope="row" sx={{ position: 'sticky', left: 0, zIndex: 1, bgcolor: 'background.paper' }}>
                    <ButtonBase
                      onClick={() => setDetail(row)}
                      sx={{ textAlign: 'left', textDecoration: 'underline dotted' }}
                      aria-label={translate('danvan.scoring.openSheet', { unit: label })}
                    >
                      {label}
                    </ButtonBase>
                    {row.otherCriteriaVersion ? (
                      <Typography variant="caption" component="div" color="warning.main">
                        {translate('danvan.scoring.otherVersion', { number: row.sheet?.criteriaSetNumber ?? '' })}
                      </Typography>
                    ) : null}
                  </TableCell>
                  <TableCell>
                    {row.sheet ? (
                      <>
                        <Chip size="small" color={STATUS_COLORS[row.sheet.status]} label={row.sheet.statusLabel} />
                        {row.sheet.reviewStepLabel ? (
                          <Typography variant="caption" component="div" color="text.secondary">
                            {row.sheet.reviewStepLabel}
                          </Typography>
                        ) : null}
                      </>
                    ) : (
                      <Chip size="small" variant="outlined" label={translate('danvan.scoring.notStarted')} />
                    )}
                  </TableCell>
                  {grid.items.map((item) => {
                    const cell = row.cells[item.code];
                    return (
                      <TableCell key={item.code} align="center" sx={{ p: 0.5 }}>
                        {reviewable ? (
                          <ButtonBase
                            onClick={(event) => setEditing({ anchor: event.currentTarget, row, item })}
                            aria-label={translate('danvan.scoring.editCell', { code: item.code, unit: label })}
                            sx={{ px: 1, py: 0.5, borderRadius: 1, '&:hover': { bgcolor: 'action.hover' } }}
                          >
                            <CellContent cell={cell} />
                          </ButtonBase>
                        ) : (
                          <CellContent cell={cell} />
                        )}
                      </TableCell>
                    );
                  })}
                  <TableCell align="right" sx={{ borderLeft: 1, borderColor: 'divider' }} data-role="total">
                    {row.totals ? (
                      <>
                        <Typography variant="body2" sx={{ fontWeight: 700 }}>
                          {formatScore(row.totals.total)}
                        </Typography>
                        <Typography variant="caption" color="text.secondary">
                          {`${formatScore(row.totals.criteria)} + ${formatScore(row.totals.bonus)} − ${formatScore(row.totals.deduction)}`}
                        </Typography>
                      </>
                    ) : (
                      '—'
                    )}
                  </TableCell>
                  <TableCell>
                    {reviewable && row.sheet ? (
                      <DecisionButtons pledgeId={pledgeId} sheet={row.sheet} onDecided={onSheetChanged} onConflict={onConflict} />
                    ) : null}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </TableContainer>

      {editing ? (
        <ReviewCellEditor
          anchor={editing.anchor}
          pledgeId={pledgeId}
          unit={editing.row.unit}
          item={editing.item}
          cell={editing.row.cells[editing.item.code]}
          onClose={() => setEditing(null)}
          onSaved={(sheet) => {
            setEditing(null);
            onSheetChanged(sheet);
          }}
          onConflict={() => {
            setEditing(null);
            onConflict();
          }}
        />
      ) : null}

      <Dialog open={detail !== null} onClose={() => setDetail(null)} fullWidth maxWidth="lg" aria-labelledby="sheet-detail-title">
        <DialogTitle id="sheet-detail-title" sx={{ pr: 6 }}>
          {detail ? translate('danvan.scoring.sheetOf', { unit: unitLabel(detail.unit) }) : ''}
          <IconButton
            aria-label={translate('ra.action.close')}
            onClick={() => setDetail(null)}
            sx={{ position: 'absolute', right: 8, top: 8 }}
          >
            <CloseIcon />
          </IconButton>
        </DialogTitle>
        <DialogContent>
          {detail ? (
            <SheetDetailView pledgeId={pledgeId} unitId={detail.unit.id} items={grid.items} version={detail.sheet?.version} />
          ) : null}
        </DialogContent>
      </Dialog>
    </>
  );
};
