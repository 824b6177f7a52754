import { Fragment, useEffect, useMemo, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Card,
  CardContent,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import SaveIcon from '@mui/icons-material/Save';
import SendIcon from '@mui/icons-material/Send';
import { Button, Confirm, Loading, useDataProvider, useGetIdentity, useNotify, useParams, useTranslate } from 'react-admin';
import { SCORE_COMMENT_MAX_LENGTH, scorableItems, type CappedKind } from '@danvan/contracts';
import type { AppDataProvider } from '../dataProvider';
import type { AccountIdentity } from '../auth/authProvider';
import { notifyError } from '../data/submitErrors';
import { isVersionConflict } from '../emulation/useSaveErrorHandler';
import { PledgePageHeader } from '../emulation/PledgePageHeader';
import { unitLabel } from '../emulation/refs';
import { usePermission } from '../emulation/usePermission';
import { EvidenceCell } from './EvidenceCell';
import { selfScoreRefusalOf, type ScoreSheet } from './scoringData';
import {
  editedItems,
  formatScore,
  isSelfScorable,
  rebaseSelfDraft,
  savedSelfScoreCodes,
  selfCommentDraft,
  selfScoreDraft,
  serverProblem,
  sheetCells,
  toSelfScores,
  type Problem,
  type SectionProblems,
  type SelfDraft,
} from './scoringGrid';
import { SheetDetailView } from './SheetDetailView';
import { scoringKeys, useCriteriaQuery, useScoringQuery, useSheetChanged, useSheetDetail } from './useScoringQueries';

/**
 * A signatory's own sheet (route /pledges/:id/self-score, emulation:submit): a self-score and a comment
 * (giải trình) per item, saved (saveSelfScores) while scoring is open or the sheet is returned, evidence files
 * per line (uploaded, downloaded, removed over REST), then submitted for review (every criterion scored).
 * The reviewers' scores, comments and the review log (a returned sheet says why) are shown beside. The
 * comments and files come from the sheet read in full (REST), so nothing is saved until it has been read.
 *
 * A newer version of the sheet (saved by another person or tab, read again on a refetch or after a refused
 * save) never wipes what the user typed: the inputs changed since the sheet was last read keep their text,
 * the others take the newer sheet's, and a lasting alert says so; the next save goes on the newer version.
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
    return data.signatories.filter(
      (unit) => unit.id === ownUnitId || (!manage && data.scoreSheets.some((sheet) => sheet.unit.id === unit.id)),
    );
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
  // The sheet as last read (or as last saved from here): what the inputs are compared with to know what the user
  // changed. Also in a ref, which the effect below reads whatever the order React applies the updates in.
  const [base, setBaseState] = useState<SelfDraft>({ scores: {}, comments: {} });
  const baseRef = useRef(base);
  const setBase = (next: SelfDraft) => {
    baseRef.current = next;
    setBaseState(next);
  };
  const [problems, setProblems] = useState<Record<string, Problem>>({});
  const [sections, setSections] = useState<SectionProblems>({});
  // Items whose unsaved input was kept when a newer sheet was read (null: nothing to tell).
  const [keptOverNewer, setKeptOverNewer] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmingSubmit, setConfirmingSubmit] = useState(false);
  // The unit whose sheet the inputs hold, and the sheet key last applied to them (an effect run twice, as
  // StrictMode does, must not merge the same sheet again with the inputs of the render before).
  const shownUnit = useRef<string | null>(null);
  const appliedKey = useRef<string | null>(null);
  const sheetKey = `${unitId}:${sheet?.version ?? 0}:${items.length}:${ready ? 'read' : 'reading'}`;
  useEffect(() => {
    if (appliedKey.current === sheetKey) return;
    const latest: SelfDraft = { scores: selfScoreDraft(items, sheet), comments: selfCommentDraft(items, detailLines) };
    if (shownUnit.current !== unitId) {
      // Another unit chosen (or the first read): its sheet as the server holds it.
      shownUnit.current = unitId;
      appliedKey.current = sheetKey;
      setBase(latest);
      setDraft(latest.scores);
      setComments(latest.comments);
      setProblems({});
      setSections({});
      setKeptOverNewer(null);
      return;
    }
    // A newer version: wait for its comments before merging, the inputs stay as typed (and disabled) meanwhile.
    if (!ready) return;
    appliedKey.current = sheetKey;
    const merged = rebaseSelfDraft(items, baseRef.current, { scores: draft, comments }, latest);
    setBase(latest);
    setDraft(merged.draft.scores);
    setComments(merged.draft.comments);
    setProblems((old) => Object.fromEntries(Object.entries(old).filter(([code]) => merged.kept.includes(code))));
    setSections({});
    if (merged.kept.length > 0) setKeptOverNewer((old) => [...new Set([...(old ?? []), ...merged.kept])]);
    // Keyed on the sheet's version (and the unit, the items, whether its comments are read) rather than on
    // the objects, which every refetch renews.
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

  const typed: SelfDraft = { scores: draft, comments };
  const dirty = editedItems(items, base, typed).length > 0;

  /** Saves what was typed; answers the sheet as saved (or null when nothing could be saved). */
  const save = async (): Promise<ScoreSheet | null> => {
    const checked = toSelfScores(items, draft, comments, {
      saved: savedSelfScoreCodes(sheet),
      caps: criteria.data?.criteriaSet ?? undefined,
    });
    if (!checked.ok) {
      setProblems(checked.problems);
      setSections(checked.sections);
      notify('danvan.scoring.fixScores', { type: 'error' });
      return null;
    }
    setProblems({});
    setSections({});
    if (checked.scores.length === 0) {
      notify('danvan.scoring.nothingToSave', { type: 'info' });
      return sheet;
    }
    const saved = await dataProvider.saveSelfScores(id, unitId, sheet?.version ?? null, checked.scores);
    // What was sent is now the sheet: the newer version read next is this save, not someone else's change.
    setBase(typed);
    setKeptOverNewer(null);
    await changed(saved);
    return saved;
  };

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (failure) {
      const refusal = selfScoreRefusalOf(failure);
      if (refusal) {
        // The server's reasons beside the lines (and the bonus or deduction section) they concern.
        setProblems(Object.fromEntries(Object.entries(refusal.lines).map(([code, message]) => [code, serverProblem(message)])));
        setSections(Object.fromEntries(Object.entries(refusal.sections).map(([kind, message]) => [kind, serverProblem(message)])));
      }
      if (isVersionConflict(failure)) {
        // Saved elsewhere meanwhile: read the newer sheet; what was typed is kept (see the effect above).
        notify('danvan.scoring.selfConflict', { type: 'warning', multiLine: true });
        await reload();
      } else {
        notifyError(failure, notify);
      }
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
                <Button
                  label="danvan.scoring.submit"
                  onClick={() => setConfirmingSubmit(true)}
                  disabled={busy || !ready}
                  variant="contained"
                >
                  <SendIcon />
                </Button>
              </>
            ) : null
          }
        />
        {!allowed ? <Alert severity="info">{translate('danvan.scoring.submitOnly')}</Alert> : null}
        {allowed && candidates.length === 0 ? <Alert severity="info">{translate('danvan.scoring.notSignatory')}</Alert> : null}
        {candidates.length > 1 ? (
          <TextField
            select
            size="small"
            label={translate('danvan.scoring.unit')}
            value={unitId}
            onChange={(event) => setChosen(event.target.value)}
            sx={{ minWidth: 360, mb: 2 }}
          >
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
            {keptOverNewer ? (
              <Alert
                severity="warning"
                onClose={() => setKeptOverNewer(null)}
                aria-label={translate('danvan.scoring.changedElsewhereTitle')}
              >
                {translate('danvan.scoring.changedElsewhere', { codes: keptOverNewer.join(', ') })}
              </Alert>
            ) : null}
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
                {items.map((item, index) => {
                  const problem = problems[item.code];
                  const kind =
                    item.kind === 'BONUS'
                      ? ` (${translate('danvan.scoring.bonus')})`
                      : item.kind === 'DEDUCTION'
                        ? ` (${translate('danvan.scoring.deduction')})`
                        : '';
                  // A capped section's problem goes under its last line.
                  const sectionProblem =
                    item.kind !== 'CRITERION' && items[index + 1]?.kind !== item.kind ? sections[item.kind as CappedKind] : undefined;
                  return (
                    <Fragment key={item.code}>
                      <TableRow>
                        <TableCell>{`${item.code}. ${item.title}${kind}`}</TableCell>
                        <TableCell align="right">{formatScore(item.maxScore)}</TableCell>
                        <TableCell>
                          <TextField
                            size="small"
                            hiddenLabel
                            value={draft[item.code] ?? ''}
                            onChange={(event) => setDraft((old) => ({ ...old, [item.code]: event.target.value }))}
                            disabled={!editable || busy || !ready}
                            error={problem !== undefined}
                            helperText={problem ? translate(problem.message, problem.args) : undefined}
                            slotProps={{
                              htmlInput: {
                                inputMode: 'decimal',
                                'aria-label': translate('danvan.scoring.selfScoreOf', { code: item.code }),
                              },
                            }}
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
                            onChange={(event) => setComments((old) => ({ ...old, [item.code]: event.target.value }))}
                            disabled={!editable || busy || !ready}
                            slotProps={{
                              htmlInput: {
                                maxLength: SCORE_COMMENT_MAX_LENGTH,
                                'aria-label': translate('danvan.scoring.selfCommentOf', { code: item.code }),
                              },
                            }}
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
                      {sectionProblem ? (
                        <TableRow>
                          <TableCell colSpan={7}>
                            <Alert severity="error">{translate(sectionProblem.message, sectionProblem.args)}</Alert>
                          </TableCell>
                        </TableRow>
                      ) : null}
                    </Fragment>
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
