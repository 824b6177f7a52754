import { useEffect, useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Card, CardContent, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import SaveIcon from '@mui/icons-material/Save';
import SendIcon from '@mui/icons-material/Send';
import { Button, Confirm, Loading, useDataProvider, useGetIdentity, useNotify, useParams, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../dataProvider';
import type { AccountIdentity } from '../auth/authProvider';
import { notifyError } from '../data/submitErrors';
import { PledgePageHeader } from '../emulation/PledgePageHeader';
import { unitLabel } from '../emulation/refs';
import { usePermission } from '../emulation/usePermission';
import { EvidenceCell } from './EvidenceCell';
import { SHEET_CONFLICT_MESSAGE, type ScoreSheet } from './scoringData';
import { formatScore, isSelfScorable, scorableItems, SELF_COMMENT_MAX_LENGTH, selfCommentDraft, selfScoreDraft, sheetCells, toSelfScores, type Problem } from './scoringGrid';
import { SheetDetailView } from './SheetDetailView';
import { scoringKeys, useCriteriaQuery, useScoringQuery, useSheetChanged, useSheetDetail } from './useScoringQueries';

/**
 * A signatory's own sheet (route /pledges/:id/self-score, emulation:submit): a self-score and a comment
 * (giải trình) per item, saved (saveSelfScores) while scoring is open or the sheet is returned, evidence files
 * per line (uploaded, downloaded, removed over REST), then submitted for review (every criterion scored).
 * The reviewers' scores, comments and the review log (a returned sheet says why) are shown beside. The
 * comments and files come from the sheet read in full (REST), so nothing is saved until it has been read.
 */
export const SelfScorePage = () => {
  const { id = '' } = useParams<{ id: string }>();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const translate = useTranslate();
  const allowed = usePermission('emulation:submit');
  const manage = usePermission('emulation:manage');
  const { identity } = useGetIdentity();
  const criteria = useCriteriaQuery(id);
  const scoring = useScoringQuery(id);
  const { changed, reload } = useSheetChanged(id);
  const queryClient = useQueryClient();
  const ownUnitId = (identity as AccountIdentity | undefined)?.unitId ?? '';

  // The units this account scores for: its own unit, or (without the manager's view of every sheet) any signatory whose sheet it sees.
  const candidates = useMemo(() => {
    const data = scoring.data;
    if (!data) return [];
    return data.signatories.filter((unit) => unit.id === ownUnitId || (!manage && data.scoreSheets.some((sheet) => sheet.unit.id === unit.id)));
  }, [scoring.data, ownUnitId, manage]);
  const [chosen, setChosen] = useState<string>('');
  const unitId = candidates.some((unit) => unit.id === chosen) ? chosen : (candidates[0]?.id ?? '');
  const sheet: ScoreSheet | null = scoring.data?.scoreSheets.find((item) => item.unit.id === unitId) ?? null;
  const items = useMemo(() => scorableItems(criteria.data?.criteriaSet), [criteria.data]);

  // The sheet in full (comments, evidence), read again whenever its version changes.
  const detail = useSheetDetail(id, unitId, sheet?.version, sheet !== null);
  const detailLines = detail.data && sheet && detail.data.version === sheet.version ? detail.data.lines : null;
  // Without a sheet there is nothing to read; with one, nothing is saved before its comments are known.
  const ready = sheet === null || detailLines !== null;

  const [draft, setDraft] = useState<Record<string, string>>({});
  const [comments, setComments] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Record<string, Problem>>({});
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [confirmingSubmit, setConfirmingSubmit] = useState(false);
  const sheetKey = `${unitId}:${sheet?.version ?? 0}:${items.length}:${ready ? 'read' : 'reading'}`;
  useEffect(() => {
    setDraft(selfScoreDraft(items, sheet));
    setComments(selfCommentDraft(items, detailLines));
    setProblems({});
    setDirty(false);
    // The draft follows the sheet the server holds whenever it changes (saved, returned, another unit chosen),
    // keyed on its version rather than on the objects, which every refetch renews.
  }, [sheetKey]);
  /** After a file was added or removed (the sheet's version does not change): read its files again. */
  const evidenceChanged = () => queryClient.invalidateQueries({ queryKey: scoringKeys.sheetDetail(id, unitId) });

  if (criteria.isPending || scoring.isPending) return <Loading />;
  const error = criteria.error ?? scoring.error;
  if (error || !criteria.data || !scoring.data) {
    const message = error?.message ?? 'ra.notification.http_error';
    return <Alert severity="error">{translate(message, { _: message })}</Alert>;
  }

  const editable = allowed && unitId !== '' && isSelfScorable(scoring.data.status, sheet);
  const cells = sheetCells(items, sheet);
  const linesByCode = new Map((detailLines ?? []).map((line) => [line.itemCode, line]));

  /** Saves what was typed; answers the sheet as saved (or null when nothing could be saved). */
  const save = async (): Promise<ScoreSheet | null> => {
    const checked = toSelfScores(items, draft, comments);
    if (!checked.ok) {
      setProblems(checked.problems);
      notify('danvan.scoring.fixScores', { type: 'error' });
      return null;
    }
    if (checked.scores.length === 0) {
      notify('danvan.scoring.nothingToSave', { type: 'info' });
      return sheet;
    }
    const saved = await dataProvider.saveSelfScores(id, unitId, sheet?.version ?? null, checked.scores);
    await changed(saved);
    return saved;
  };

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (failure) {
      notifyError(failure, notify, [SHEET_CONFLICT_MESSAGE]);
      if (failure instanceof Error && failure.message === SHEET_CONFLICT_MESSAGE) await reload();
    } finally {
      setBusy(false);
    }
  };

  const saveOnly = () =>
    run(async () => {
      const saved = await save();
      if (saved && saved !== sheet) notify('danvan.scoring.selfSaved', { type: 'success' });
    });

  const submit = () =>
    run(async () => {
      setConfirmingSubmit(false);
      const saved = dirty || !sheet ? await save() : sheet;
      if (!saved) return;
      const submitted = await dataProvider.submitScoreSheet(id, unitId, saved.version);
      await changed(submitted);
      notify('danvan.scoring.submitted', { type: 'success' });
    });

  return (
    <Card sx={{ mt: 1 }}>
      <CardContent>
        <PledgePageHeader
          pledgeId={id}
          title="danvan.scoring.selfTitle"
          pledgeTitle={criteria.data.title}
          actions={
            editable ? (
              <>
                <Button label="danvan.scoring.saveSelf" onClick={() => void saveOnly()} disabled={busy || !ready}>
                  <SaveIcon />
                </Button>
                <Button label="danvan.scoring.submit" onClick={() => setConfirmingSubmit(true)} disabled={busy || !ready} variant="contained">
                  <SendIcon />
                </Button>
              </>
            ) : null
          }
        />
        {!allowed ? <Alert severity="info">{translate('danvan.scoring.submitOnly')}</Alert> : null}
        {allowed && candidates.length === 0 ? <Alert severity="info">{translate('danvan.scoring.notSignatory')}</Alert> : null}
        {candidates.length > 1 ? (
          <TextField select size="small" label={translate('danvan.scoring.unit')} value={unitId} onChange={(event) => setChosen(event.target.value)} sx={{ minWidth: 360, mb: 2 }}>
            {candidates.map((unit) => (
              <MenuItem key={unit.id} value={unit.id}>
                {unitLabel(unit)}
              </MenuItem>
            ))}
          </TextField>
        ) : null}
        {unitId ? (
          <Stack spacing={2}>
            <Typography variant="body2">
              {translate('danvan.scoring.sheetState', {
                unit: unitLabel(candidates.find((unit) => unit.id === unitId)),
                status: sheet ? sheet.statusLabel : translate('danvan.scoring.notStarted'),
                total: sheet ? formatScore(sheet.totals.total) : '—',
              })}
            </Typography>
            {!editable && allowed ? (
              <Alert severity="info">
                {scoring.data.status !== 'SCORING_OPEN' && scoring.data.status !== 'UNDER_REVIEW'
                  ? translate('danvan.scoring.selfClosed', { step: scoring.data.statusLabel })
                  : translate('danvan.scoring.sheetLocked', { status: sheet?.statusLabel ?? '' })}
              </Alert>
            ) : null}
            {detail.error ? <Alert severity="error">{translate(detail.error.message, { _: detail.error.message })}</Alert> : null}
            <Table size="small" aria-label={translate('danvan.scoring.selfTitle')}>
              <TableHead>
                <TableRow>
                  <TableCell>{translate('danvan.scoring.item')}</TableCell>
                  <TableCell align="right">{translate('danvan.scoring.maxScore')}</TableCell>
                  <TableCell>{translate('danvan.scoring.selfScore')}</TableCell>
                  <TableCell>{translate('danvan.scoring.selfComment')}</TableCell>
                  <TableCell>{translate('danvan.scoring.evidence')}</TableCell>
                  <TableCell align="right">{translate('danvan.scoring.reviewedScore')}</TableCell>
                  <TableCell>{translate('danvan.scoring.reviewComment')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {items.map((item) => {
                  const problem = problems[item.code];
                  const kind = item.kind === 'BONUS' ? ` (${translate('danvan.scoring.bonus')})` : item.kind === 'DEDUCTION' ? ` (${translate('danvan.scoring.deduction')})` : '';
                  return (
                    <TableRow key={item.code}>
                      <TableCell>{`${item.code}. ${item.title}${kind}`}</TableCell>
                      <TableCell align="right">{formatScore(item.maxScore)}</TableCell>
                      <TableCell>
                        <TextField
                          size="small"
                          hiddenLabel
                          value={draft[item.code] ?? ''}
                          onChange={(event) => {
                            setDraft((old) => ({ ...old, [item.code]: event.target.value }));
                            setDirty(true);
                          }}
                          disabled={!editable || busy || !ready}
                          error={problem !== undefined}
                          helperText={problem ? translate(problem.message, problem.args) : undefined}
                          slotProps={{ htmlInput: { inputMode: 'decimal', 'aria-label': translate('danvan.scoring.selfScoreOf', { code: item.code }) } }}
                          sx={{ width: 120 }}
                        />
                      </TableCell>
                      <TableCell>
                        <TextField
                          size="small"
                          hiddenLabel
                          multiline
                          maxRows={6}
                          value={comments[item.code] ?? ''}
                          onChange={(event) => {
                            setComments((old) => ({ ...old, [item.code]: event.target.value }));
                            setDirty(true);
                          }}
                          disabled={!editable || busy || !ready}
                          slotProps={{ htmlInput: { maxLength: SELF_COMMENT_MAX_LENGTH, 'aria-label': translate('danvan.scoring.selfCommentOf', { code: item.code }) } }}
                          sx={{ minWidth: 220 }}
                        />
                      </TableCell>
                      <TableCell>
                        <EvidenceCell
                          pledgeId={id}
                          unitId={unitId}
                          itemCode={item.code}
                          files={linesByCode.get(item.code)?.evidence ?? []}
                          editable={editable && ready}
                          lineSaved={linesByCode.has(item.code)}
                          onChanged={evidenceChanged}
                        />
                      </TableCell>
                      <TableCell align="right">{formatScore(cells[item.code]?.reviewedScore)}</TableCell>
                      <TableCell>{cells[item.code]?.reviewComment ?? ''}</TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
            {sheet ? (
              <>
                <Typography variant="h6" component="h2">
                  {translate('danvan.scoring.detail')}
                </Typography>
                <SheetDetailView pledgeId={id} unitId={unitId} items={items} version={sheet.version} showLines={false} />
              </>
            ) : null}
          </Stack>
        ) : null}
        <Confirm
          isOpen={confirmingSubmit}
          title="danvan.scoring.submitTitle"
          content="danvan.scoring.submitContent"
          confirm="danvan.scoring.submit"
          onConfirm={() => void submit()}
          onClose={() => setConfirmingSubmit(false)}
        />
      </CardContent>
    </Card>
  );
};
