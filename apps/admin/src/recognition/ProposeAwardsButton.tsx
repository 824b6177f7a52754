import { useMemo, useState } from 'react';
import { Alert, Dialog, DialogActions, DialogContent, DialogTitle, List, ListItem, ListItemText, Tooltip, Typography } from '@mui/material';
import EmojiEventsIcon from '@mui/icons-material/EmojiEvents';
import {
  Button,
  Form,
  HttpError,
  SaveButton,
  TextInput,
  maxLength,
  required,
  useDataProvider,
  useGetOne,
  useNotify,
  useRedirect,
  useTranslate,
} from 'react-admin';
import type { AppDataProvider, FormErrors } from '../dataProvider';
import { RESOURCES } from '../auth/access';
import type { BlocRecord } from '../blocs/blocData';
import { VnDateInput } from '../fields/VnDateInput';
import { todayIso } from '../fields/localDay';
import { DocumentInput } from '../emulation/DocumentsInput';
import { unitLabel } from '../emulation/refs';
import type { PledgeRecord } from '../pledges/pledgeData';
import type { Ranking } from '../scoring/scoringData';
import { UnitReferenceInput } from '../units/UnitReferenceInput';
import { AwardTitleInput, useAwardTitles } from './AwardTitleInput';
import { toCreateAwardsInput, topThreeProposals, type AwardTitle } from './recognitionData';
import { AWARD_RANK_LABELS } from '@danvan/contracts';

/** Entries that can go to the units ranked first, second, third: ranked, for collectives, still in use. */
const forRanking = (title: AwardTitle) => title.active && title.ranked && title.recipients !== 'INDIVIDUAL';

/**
 * "Đề nghị khen thưởng": the units ranked first, second and third become awards of the chosen title (cờ thi
 * đua …) with their rank (nhất, nhì, ba), in one decision: the server creates all of them or none. Offered
 * once the pledge is finalised (before that the ranking is provisional).
 */
export const ProposeAwardsButton = ({ pledgeId, ranking }: { pledgeId: string; ranking: Ranking }) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const redirect = useRedirect();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const proposals = useMemo(() => topThreeProposals(ranking.rows), [ranking.rows]);
  const titles = useAwardTitles();
  const { data: pledge } = useGetOne<PledgeRecord>(RESOURCES.pledges, { id: pledgeId }, { enabled: open });
  const { data: bloc } = useGetOne<BlocRecord>(RESOURCES.blocs, { id: pledge?.blocId ?? '' }, { enabled: open && Boolean(pledge?.blocId) });
  if (proposals.length === 0) return null;

  const units = new Map(ranking.rows.map((row) => [row.unit.id, row.unit]));
  const usable = (titles.data ?? []).filter(forRanking);
  const defaultTitle = usable.find((title) => title.code === 'CO_THI_DUA_BO_TINH') ?? usable[0];

  const submit = async (values: Record<string, unknown>) => {
    setRefusal(null);
    const entry = usable.find((title) => title.id === values.titleId);
    try {
      const created = await dataProvider.createAwards(toCreateAwardsInput(pledgeId, values, entry, proposals));
      notify('danvan.awards.created', { type: 'success', messageArgs: { smart_count: created.length } });
      setOpen(false);
      redirect(`/${RESOURCES.awards}?filter=${encodeURIComponent(JSON.stringify({ pledgeId }))}`);
      return undefined;
    } catch (error) {
      const message = error instanceof Error && error.message ? error.message : 'ra.notification.http_error';
      setRefusal(translate(message, { _: message }));
      const errors = error instanceof HttpError ? (error.body?.errors as FormErrors | undefined) : undefined;
      if (!errors) return undefined;
      // The catalogue entry travels as awardTitleId or formId; both are the one "titleId" input here.
      const { awardTitleId, formId, ...rest } = errors;
      const titleError = awardTitleId ?? formId;
      return titleError ? { ...rest, titleId: titleError } : rest;
    }
  };

  return (
    <>
      <Tooltip title={ranking.final ? '' : translate('danvan.awards.notFinal')}>
        <span>
          <Button label="danvan.awards.propose" onClick={() => setOpen(true)} disabled={!ranking.final}>
            <EmojiEventsIcon />
          </Button>
        </span>
      </Tooltip>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="md" aria-labelledby="propose-awards-title">
        <DialogTitle id="propose-awards-title">{translate('danvan.awards.propose')}</DialogTitle>
        {open && titles.data && pledge && (bloc || !pledge.blocId) ? (
          <Form
            onSubmit={submit}
            defaultValues={{
              titleId: defaultTitle?.id ?? null,
              issuerUnitId: bloc?.owner.id ?? null,
              decidedOn: todayIso(),
              decisionDocumentId: null,
              citation: '',
            }}
          >
            <DialogContent>
              {refusal ? (
                <Alert severity="error" sx={{ mb: 2 }} role="alert">
                  {refusal}
                </Alert>
              ) : null}
              <Typography variant="body2" gutterBottom>
                {translate('danvan.awards.proposals')}
              </Typography>
              <List dense aria-label={translate('danvan.awards.proposals')}>
                {proposals.map((proposal) => (
                  <ListItem key={proposal.unitId}>
                    <ListItemText primary={`${AWARD_RANK_LABELS[proposal.rank]}: ${unitLabel(units.get(proposal.unitId))}`} />
                  </ListItem>
                ))}
              </List>
              <AwardTitleInput source="titleId" resource={RESOURCES.awards} only={forRanking} validate={required()} fullWidth />
              <UnitReferenceInput
                source="issuerUnitId"
                label="resources.awards.fields.issuerUnitId"
                validate={required()}
                sx={{ minWidth: 420 }}
              />
              <VnDateInput source="decidedOn" resource={RESOURCES.awards} validate={required()} />
              <DocumentInput source="decisionDocumentId" label="resources.awards.fields.decisionDocument" />
              <TextInput source="citation" resource={RESOURCES.awards} validate={maxLength(2000)} multiline fullWidth />
            </DialogContent>
            <DialogActions>
              <Button label="ra.action.cancel" onClick={() => setOpen(false)} />
              <SaveButton label="danvan.awards.confirm" alwaysEnable />
            </DialogActions>
          </Form>
        ) : (
          <DialogContent>
            <Typography variant="body2">{translate('ra.page.loading')}</Typography>
          </DialogContent>
        )}
      </Dialog>
    </>
  );
};
