import { useState, type FormEvent } from 'react';
import { Popover, Stack, TextField, Typography } from '@mui/material';
import { Button, HttpError, useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../dataProvider';
import { unitLabel } from '../emulation/refs';
import type { UnitRef } from '../emulation/refs';
import { LINE_CONFLICT_MESSAGE, type ScoreSheet } from './scoringData';
import type { ScorableItem } from '@danvan/contracts';
import { formatScore, toReviewScoreVariables, type GridCell } from './scoringGrid';

interface Props {
  anchor: HTMLElement;
  pledgeId: string;
  unit: UnitRef;
  item: ScorableItem;
  cell: GridCell | undefined;
  onClose: () => void;
  onSaved: (sheet: ScoreSheet) => void;
  /** Another reviewer scored the line first: the grid reloads. */
  onConflict: () => void;
}

/**
 * A reviewer's score (and comment) on one cell, sent with the line's version. A refusal (out of range, caps)
 * is said under the input; a version conflict closes the editor and reloads the grid.
 */
export const ReviewCellEditor = ({ anchor, pledgeId, unit, item, cell, onClose, onSaved, onConflict }: Props) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const translate = useTranslate();
  const [typed, setTyped] = useState(cell?.reviewedScore === null || cell?.reviewedScore === undefined ? '' : String(cell.reviewedScore));
  const [comment, setComment] = useState(cell?.reviewComment ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = toReviewScoreVariables(pledgeId, unit.id, item, cell, typed, comment);
    if (!checked.ok) {
      setProblem(translate(checked.problem.message, checked.problem.args));
      return;
    }
    setBusy(true);
    try {
      const sheet = await dataProvider.reviewScore(checked.value);
      notify('danvan.scoring.reviewSaved', { type: 'success', messageArgs: { code: item.code, unit: unit.name } });
      onSaved(sheet);
    } catch (error) {
      if (error instanceof HttpError && error.message === LINE_CONFLICT_MESSAGE) {
        notify(LINE_CONFLICT_MESSAGE, { type: 'warning', autoHideDuration: null });
        onConflict();
        return;
      }
      const message = error instanceof Error && error.message ? error.message : 'ra.notification.http_error';
      setProblem(translate(message, { _: message }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Popover open anchorEl={anchor} onClose={onClose} anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}>
      <form
        onSubmit={(event) => void submit(event)}
        aria-label={translate('danvan.scoring.reviewTitle', { code: item.code, unit: unitLabel(unit) })}
      >
        <Stack spacing={1.5} sx={{ p: 2, width: 340 }}>
          <Typography variant="subtitle2">{`${item.code}. ${item.title}`}</Typography>
          <Typography variant="body2" color="text.secondary">
            {translate('danvan.scoring.selfScoreWas', {
              score: cell?.selfScore === null || cell?.selfScore === undefined ? '—' : formatScore(cell.selfScore),
            })}
          </Typography>
          <TextField
            autoFocus
            size="small"
            label={translate('danvan.scoring.reviewedScoreMax', { max: formatScore(item.maxScore) })}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            error={problem !== null}
            helperText={problem ?? ' '}
            slotProps={{ htmlInput: { inputMode: 'decimal' } }}
          />
          <TextField
            size="small"
            label={translate('danvan.scoring.reviewComment')}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
            multiline
            maxRows={4}
          />
          <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
            <Button label="ra.action.cancel" onClick={onClose} />
            <Button label="ra.action.save" type="submit" variant="contained" disabled={busy} />
          </Stack>
        </Stack>
      </form>
    </Popover>
  );
};
