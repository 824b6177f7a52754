import { useEffect, useMemo, useState } from 'react';
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
import { SHEET_CONFLICT_MESSAGE, type ScoreSheet } from './scoringData';
import { formatScore, isSelfScorable, scorableItems, selfScoreDraft, sheetCells, toSelfScores, type Problem } from './scoringGrid';
import { SheetDetailView } from './SheetDetailView';
import { useCriteriaQuery, useScoringQuery, useSheetChanged } from './useScoringQueries';

/**
 * A signatory's own sheet (route /pledges/:id/self-score, emulation:submit): a self-score per item, saved
 * (saveSelfScores) while scoring is open, then submitted for review (every criterion scored). The reviewers'
 * scores, comments and the review log (a returned sheet says why) are shown beside.
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

  const [draft, setDraft] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Record<string, Problem>>({});
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [confirmingSubmit, setConfirmingSubmit] = useState(false);
  const sheetKey = `${unitId}:${sheet?.version ?? 0}:${items.length}`;
  useEffect(() => {
    setDraft(selfScoreDraft(items, sheet));
    setProblems({});
    setDirty(false);
    // The draft follows the sheet the server holds whenever it changes (saved, returned, another unit chosen),
    // keyed on its version rather than on the objects, which every refetch renews.
  }, [sheetKey]);

  if (criteria.isPending || scoring.isPending) return <Loading />;
  const error = criteria.error ?? scoring.error;
  if (error || !criteria.data || !scoring.data) {
    const message = error?.message ?? 'ra.notification.http_error';
    return <Alert severity="error">{translate(message, { _: message })}</Alert>;
  }

  const editable = allowed && unitId !== '' && isSelfScorable(scoring.data.status, sheet);
  const cells = sheetCells(items, sheet);

  /** Saves what was typed; answers the sheet as saved (or null when nothing could be saved). */
  const save = async (): Promise<ScoreSheet | null> => {
    const checked = toSelfScores(items, draft);
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
                <Button label="danvan.scoring.saveSelf" onClick={() => void saveOnly()} disabled={busy}>
                  <SaveIcon />
                </Button>
                <Button label="danvan.scoring.submit" onClick={() => setConfirmingSubmit(true)} disabled={busy} variant="contained">
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
                {scoring.data.status !== 'SCORING_OPEN'
                  ? translate('danvan.scoring.selfClosed', { step: scoring.data.statusLabel })
                  : translate('danvan.scoring.sheetLocked', { status: sheet?.statusLabel ?? '' })}
              </Alert>
            ) : null}
            <Table size="small" aria-label={translate('danvan.scoring.selfTitle')}>
              <TableHead>
                <TableRow>
                  <TableCell>{translate('danvan.scoring.item')}</TableCell>
                  <TableCell align="right">{translate('danvan.scoring.maxScore')}</TableCell>
                  <TableCell>{translate('danvan.scoring.selfScore')}</TableCell>
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
                          disabled={!editable || busy}
                          error={problem !== undefined}
                          helperText={problem ? translate(problem.message, problem.args) : undefined}
                          slotProps={{ htmlInput: { inputMode: 'decimal', 'aria-label': translate('danvan.scoring.selfScoreOf', { code: item.code }) } }}
                          sx={{ width: 120 }}
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
                <SheetDetailView pledgeId={id} unitId={unitId} items={items} version={sheet.version} />
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
