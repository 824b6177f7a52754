import { useState } from 'react';
import CheckIcon from '@mui/icons-material/Check';
import UndoIcon from '@mui/icons-material/Undo';
import { Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { Button, Confirm, useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../dataProvider';
import { notifyError } from '../data/submitErrors';
import { unitLabel } from '../emulation/refs';
import { SHEET_CONFLICT_MESSAGE, type ScoreSheet } from './scoringData';

interface Props {
  pledgeId: string;
  sheet: ScoreSheet;
  onDecided: (sheet: ScoreSheet) => void;
  onConflict: () => void;
}

/** "Chấp nhận" (up one review step; done after the last) and "Trả lại" with the reason the unit will read. */
export const DecisionButtons = ({ pledgeId, sheet, onDecided, onConflict }: Props) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const translate = useTranslate();
  const [accepting, setAccepting] = useState(false);
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const unit = unitLabel(sheet.unit);

  const decide = async (decision: 'ACCEPT' | 'RETURN') => {
    setBusy(true);
    try {
      const decided = await dataProvider.decideScoreSheet(
        pledgeId,
        sheet.unit.id,
        sheet.version,
        decision,
        decision === 'RETURN' ? reason.trim() : null,
      );
      notify(decision === 'ACCEPT' ? 'danvan.scoring.accepted' : 'danvan.scoring.returned', { type: 'success', messageArgs: { unit } });
      setAccepting(false);
      setReturning(false);
      setReason('');
      onDecided(decided);
    } catch (error) {
      notifyError(error, notify, [SHEET_CONFLICT_MESSAGE]);
      if (error instanceof Error && error.message === SHEET_CONFLICT_MESSAGE) onConflict();
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        label="danvan.scoring.accept"
        onClick={() => setAccepting(true)}
        disabled={busy}
        aria-label={translate('danvan.scoring.acceptUnit', { unit })}
      >
        <CheckIcon />
      </Button>
      <Button
        label="danvan.scoring.return"
        onClick={() => setReturning(true)}
        disabled={busy}
        color="warning"
        aria-label={translate('danvan.scoring.returnUnit', { unit })}
      >
        <UndoIcon />
      </Button>
      <Confirm
        isOpen={accepting}
        title="danvan.scoring.acceptTitle"
        content="danvan.scoring.acceptContent"
        translateOptions={{ unit, step: sheet.reviewStepLabel ?? '' }}
        confirm="danvan.scoring.accept"
        onConfirm={() => void decide('ACCEPT')}
        onClose={() => setAccepting(false)}
      />
      <Dialog open={returning} onClose={() => setReturning(false)} fullWidth maxWidth="sm" aria-labelledby="return-sheet-title">
        <DialogTitle id="return-sheet-title">{translate('danvan.scoring.returnTitle', { unit })}</DialogTitle>
        <DialogContent>
          <TextField
            autoFocus
            fullWidth
            multiline
            minRows={3}
            margin="dense"
            label={translate('danvan.scoring.returnReason')}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            required
            slotProps={{ htmlInput: { maxLength: 2000 } }}
          />
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={() => setReturning(false)} />
          <Button
            label="danvan.scoring.return"
            variant="contained"
            color="warning"
            disabled={busy || reason.trim() === ''}
            onClick={() => void decide('RETURN')}
          />
        </DialogActions>
      </Dialog>
    </>
  );
};
