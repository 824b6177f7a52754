import { useState } from 'react';
import NavigateNextIcon from '@mui/icons-material/NavigateNext';
import { Button, Confirm, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { PLEDGE_STATUS_LABELS, PLEDGE_TRANSITIONS } from '@danvan/contracts';
import type { AppDataProvider } from '../dataProvider';
import type { PledgeRecord } from './pledgeData';

interface Props {
  pledge: PledgeRecord;
  onAdvanced: (pledge: PledgeRecord) => void;
  /** The server's reason when it refuses the step (shown on the page, not only in a passing notification). */
  onRefused: (message: string) => void;
}

/** "Chuyển sang bước …": the next step after a confirmation. Signing has its own dialog. */
export const AdvancePledgeButton = ({ pledge, onAdvanced, onRefused }: Props) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const translate = useTranslate();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const next = PLEDGE_TRANSITIONS[pledge.status];
  if (!next || next === 'SIGNED') return null;

  const advance = async () => {
    setConfirming(false);
    setBusy(true);
    try {
      const moved = await dataProvider.advancePledge(pledge.id, pledge.version, next);
      notify('danvan.pledges.advanced', { type: 'success', messageArgs: { step: PLEDGE_STATUS_LABELS[next] } });
      onAdvanced(moved);
    } catch (error) {
      const message = error instanceof Error && error.message ? error.message : 'ra.notification.http_error';
      onRefused(translate(message, { _: message }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        label={translate('danvan.pledges.advanceTo', { step: PLEDGE_STATUS_LABELS[next] })}
        onClick={() => setConfirming(true)}
        disabled={busy}
      >
        <NavigateNextIcon />
      </Button>
      <Confirm
        isOpen={confirming}
        title="danvan.pledges.advanceTitle"
        content="danvan.pledges.advanceContent"
        translateOptions={{ step: PLEDGE_STATUS_LABELS[next], current: PLEDGE_STATUS_LABELS[pledge.status] }}
        confirm="danvan.pledges.advanceConfirm"
        onConfirm={() => void advance()}
        onClose={() => setConfirming(false)}
      />
    </>
  );
};
