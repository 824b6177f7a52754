import { useRef, useState, type ChangeEvent } from 'react';
import { Box, IconButton, LinearProgress, Stack, Tooltip, Typography } from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Button, Confirm, HttpError, useNotify, useTranslate } from 'react-admin';
import { EVIDENCE_LIMITS } from '@danvan/contracts';
import { authClient } from '../providers';
import { randomUuid } from '../data/upload';
import { EvidenceButton } from './EvidenceButton';
import { deleteEvidence, EVIDENCE_ACCEPT, evidenceFileProblem, formatFileSize, uploadEvidence } from './evidence';
import type { EvidenceFile } from './sheetDetail';

interface Props {
  pledgeId: string;
  unitId: string;
  itemCode: string;
  files: readonly EvidenceFile[];
  /** The sheet is with the unit and scoring is open: files may be added and removed. */
  editable: boolean;
  /** The line has been saved (the server keeps a line's files with its score). */
  lineSaved: boolean;
  /** After a file was added or removed: read the sheet again. */
  onChanged: () => Promise<unknown>;
}

/** A translation key and its arguments out of a failure (uploadEvidence puts the arguments in `body.args`). */
const describe = (error: unknown): { message: string; args: Record<string, unknown> } => {
  const message = error instanceof Error && error.message ? error.message : 'danvan.evidence.uploadFailed';
  const args =
    error instanceof HttpError && typeof error.body === 'object' && error.body?.args ? (error.body.args as Record<string, unknown>) : {};
  return { message, args };
};

/**
 * The evidence files of one line of the unit's own sheet: each downloadable (with the session's token) and,
 * while the sheet is editable, removable after a confirmation; a button to upload one more, with the upload's
 * progress. A file the server would refuse (type, size, count) is refused here before it is sent; the
 * server's own reasons are shown otherwise.
 */
export const EvidenceCell = ({ pledgeId, unitId, itemCode, files, editable, lineSaved, onChanged }: Props) => {
  const translate = useTranslate();
  const notify = useNotify();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<{ name: string; fraction: number } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [removing, setRemoving] = useState<EvidenceFile | null>(null);
  const [busy, setBusy] = useState(false);
  // The Idempotency-Key of each chosen file not stored yet: the same file chosen again after a failure (the
  // answer lost on the way back) is sent with the same key, so the server never stores it twice.
  const pendingKeys = useRef(new Map<string, string>());
  const full = files.length >= EVIDENCE_LIMITS.perItemMax;

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // The same file may be chosen again after a refusal.
    event.target.value = '';
    if (!file) return;
    setProblem(null);
    const refused = evidenceFileProblem(file, files.length);
    if (refused) {
      setProblem(translate(refused.message, refused.args));
      return;
    }
    setProgress({ name: file.name, fraction: 0 });
    const chosen = `${file.name}|${file.size}|${file.lastModified}`;
    const idempotencyKey = pendingKeys.current.get(chosen) ?? randomUuid();
    pendingKeys.current.set(chosen, idempotencyKey);
    try {
      await uploadEvidence({
        pledgeId,
        unitId,
        itemCode,
        file,
        auth: authClient,
        idempotencyKey,
        onProgress: (fraction) => setProgress({ name: file.name, fraction }),
      });
      pendingKeys.current.delete(chosen);
      await onChanged();
      notify('danvan.evidence.uploaded', { type: 'success', messageArgs: { name: file.name, code: itemCode } });
    } catch (error) {
      const { message, args } = describe(error);
      setProblem(translate(message, { _: message, ...args }));
    } finally {
      setProgress(null);
    }
  };

  const remove = async () => {
    const file = removing;
    if (!file) return;
    setBusy(true);
    setProblem(null);
    try {
      await deleteEvidence(file.id, authClient.fetch);
      await onChanged();
      notify('danvan.evidence.removed', { type: 'success', messageArgs: { name: file.filename } });
    } catch (error) {
      const { message, args } = describe(error);
      setProblem(translate(message, { _: message, ...args }));
    } finally {
      setBusy(false);
      setRemoving(null);
    }
  };

  const hint = !editable ? null : !lineSaved ? 'danvan.evidence.saveLineFirst' : full ? 'danvan.evidence.full' : null;

  return (
    <Stack spacing={0.5} sx={{ minWidth: 220 }} role="group" aria-label={translate('danvan.evidence.of', { code: itemCode })}>
      {files.length === 0 && !editable ? <Typography variant="body2">—</Typography> : null}
      {files.map((file) => (
        <Box key={file.id} sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
          <EvidenceButton file={file} />
          <Typography variant="caption" color="text.secondary">
            {formatFileSize(file.sizeBytes)}
          </Typography>
          {editable ? (
            <Tooltip title={translate('danvan.evidence.remove', { name: file.filename })}>
              <span>
                <IconButton
                  size="small"
                  aria-label={translate('danvan.evidence.remove', { name: file.filename })}
                  onClick={() => setRemoving(file)}
                  disabled={busy || progress !== null}
                >
                  <DeleteIcon fontSize="small" />
                </IconButton>
              </span>
            </Tooltip>
          ) : null}
        </Box>
      ))}
      {editable ? (
        <>
          <input ref={input} type="file" accept={EVIDENCE_ACCEPT} hidden onChange={(event) => void upload(event)} />
          <Box>
            <Button
              label="danvan.evidence.add"
              aria-label={translate('danvan.evidence.upload', { code: itemCode })}
              onClick={() => input.current?.click()}
              disabled={!lineSaved || full || progress !== null || busy}
              size="small"
            >
              <UploadFileIcon />
            </Button>
          </Box>
          {hint ? (
            <Typography variant="caption" color="text.secondary">
              {translate(hint, { max: EVIDENCE_LIMITS.perItemMax })}
            </Typography>
          ) : null}
        </>
      ) : null}
      {progress ? (
        <Box>
          <Typography variant="caption">
            {translate('danvan.evidence.uploading', { name: progress.name, percent: Math.round(progress.fraction * 100) })}
          </Typography>
          <LinearProgress
            variant="determinate"
            value={Math.round(progress.fraction * 100)}
            aria-label={translate('danvan.evidence.uploading', { name: progress.name, percent: Math.round(progress.fraction * 100) })}
          />
        </Box>
      ) : null}
      {problem ? (
        <Typography variant="caption" color="error" role="alert">
          {problem}
        </Typography>
      ) : null}
      <Confirm
        isOpen={removing !== null}
        loading={busy}
        title="danvan.evidence.removeTitle"
        content="danvan.evidence.removeContent"
        translateOptions={{ name: removing?.filename ?? '', code: itemCode }}
        confirm="danvan.evidence.removeConfirm"
        confirmColor="warning"
        onConfirm={() => void remove()}
        onClose={() => setRemoving(null)}
      />
    </Stack>
  );
};
