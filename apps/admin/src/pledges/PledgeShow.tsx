import { useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, AlertTitle, Box, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import DrawIcon from '@mui/icons-material/Draw';
import ChecklistIcon from '@mui/icons-material/Checklist';
import GradingIcon from '@mui/icons-material/Grading';
import LeaderboardIcon from '@mui/icons-material/Leaderboard';
import EditNoteIcon from '@mui/icons-material/EditNote';
import {
  Button,
  EditButton,
  Labeled,
  Link,
  Show,
  useCreatePath,
  useGetIdentity,
  useRecordContext,
  useShowContext,
  useTranslate,
} from 'react-admin';
import { PLEDGE_STATUSES, type PledgeStatus } from '@danvan/contracts';
import { VnDateField } from '../fields/VnDateField';
import { DocumentRefsField, UnitRefsField } from '../emulation/RefFields';
import { unitLabel } from '../emulation/refs';
import { usePermission } from '../emulation/usePermission';
import type { AccountIdentity } from '../auth/authProvider';
import { AdvancePledgeButton } from './AdvancePledgeButton';
import { pledgePagePath, PLEDGE_PAGES } from './paths';
import type { PledgeRecord } from './pledgeData';
import { PledgeStepper } from './PledgeStepper';
import { RegistrationsPanel } from './RegistrationsPanel';
import { SignPledgeDialog } from './SignPledgeDialog';

/** Whether the pledge has reached `step` (or gone past it). */
export const reached = (status: PledgeStatus, step: PledgeStatus): boolean =>
  PLEDGE_STATUSES.indexOf(status) >= PLEDGE_STATUSES.indexOf(step);

/** A value under a Labeled label (Labeled shows no label over a plain DOM element). */
const Value = ({ children }: { children: ReactNode }) => (
  <Typography variant="body2" component="span">
    {children}
  </Typography>
);

const Section = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" component="section" aria-label={translate(title)}>
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {translate(title)}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
};

const PledgeShowContent = () => {
  const record = useRecordContext<PledgeRecord>();
  const { refetch } = useShowContext<PledgeRecord>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  const queryClient = useQueryClient();
  const manage = usePermission('emulation:manage');
  const submit = usePermission('emulation:submit');
  const { identity } = useGetIdentity();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [signing, setSigning] = useState(false);
  if (!record) return null;

  const changed = () => {
    setRefusal(null);
    void refetch();
    void queryClient.invalidateQueries({ queryKey: ['danvan'] });
  };
  const ownUnitId = (identity as AccountIdentity | undefined)?.unitId;
  const ownUnitSigned = record.signatories.some((unit) => unit.id === ownUnitId);
  const scoring = reached(record.status, 'SCORING_OPEN');
  const range =
    record.breakthroughMin === null && record.breakthroughMax === null
      ? '—'
      : translate('danvan.pledges.breakthroughRange', {
          min: record.breakthroughMin ?? 0,
          max: record.breakthroughMax ?? record.breakthroughMin ?? 0,
        });

  return (
    <Box sx={{ p: 2 }}>
      <Typography variant="h5" component="h1">
        {record.title}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        <Link to={createPath({ resource: 'blocs', id: record.blocId, type: 'show' })}>{record.blocName}</Link>
        {` · ${translate('resources.pledges.fields.year')} ${record.year}`}
      </Typography>

      <PledgeStepper status={record.status} />

      {refusal ? (
        <Alert severity="error" onClose={() => setRefusal(null)} sx={{ mb: 2 }} role="alert">
          <AlertTitle>{translate('danvan.pledges.refused')}</AlertTitle>
          {refusal}
        </Alert>
      ) : null}

      <Stack direction="row" spacing={1} sx={{ mb: 2, flexWrap: 'wrap' }} useFlexGap>
        {manage && record.status !== 'FINALISED' ? <EditButton /> : null}
        <Button component={Link} to={pledgePagePath(record.id, PLEDGE_PAGES.criteria)} label="danvan.pledges.criteria">
          <ChecklistIcon />
        </Button>
        {manage && record.status === 'DRAFT' ? (
          <Button label="danvan.pledges.sign" onClick={() => setSigning(true)}>
            <DrawIcon />
          </Button>
        ) : null}
        {manage ? <AdvancePledgeButton pledge={record} onAdvanced={changed} onRefused={setRefusal} /> : null}
        {manage && scoring ? (
          <Button component={Link} to={pledgePagePath(record.id, PLEDGE_PAGES.scoring)} label="danvan.pledges.scoring">
            <GradingIcon />
          </Button>
        ) : null}
        {submit && scoring && (ownUnitSigned || !manage) ? (
          <Button component={Link} to={pledgePagePath(record.id, PLEDGE_PAGES.selfScore)} label="danvan.pledges.selfScore">
            <EditNoteIcon />
          </Button>
        ) : null}
        {scoring ? (
          <Button component={Link} to={pledgePagePath(record.id, PLEDGE_PAGES.ranking)} label="danvan.pledges.ranking">
            <LeaderboardIcon />
          </Button>
        ) : null}
      </Stack>

      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' } }}>
        <Section title="danvan.pledges.sections.general">
          <Stack spacing={1}>
            <Labeled label="resources.pledges.fields.breakthrough">
              <Value>{range}</Value>
            </Labeled>
            <Labeled label="resources.pledges.fields.criteriaSet">
              <Value>
                {record.criteriaSet
                  ? translate('danvan.pledges.criteriaVersion', { number: record.criteriaSet.number, max: record.criteriaSet.maxTotal })
                  : translate('danvan.pledges.noCriteria')}
              </Value>
            </Labeled>
          </Stack>
        </Section>
        <Section title="danvan.pledges.sections.signing">
          <Stack spacing={1}>
            <Labeled>
              <VnDateField source="signedOn" emptyText="—" />
            </Labeled>
            <Labeled label="resources.pledges.fields.signingEvent">
              <Value>{record.signingEvent ?? '—'}</Value>
            </Labeled>
            <Labeled label="resources.pledges.fields.signingPlace">
              <Value>{record.signingPlace ?? '—'}</Value>
            </Labeled>
          </Stack>
        </Section>
        <Section title="danvan.pledges.sections.documents">
          <DocumentRefsField source="documents" />
        </Section>
        <Section title="danvan.pledges.sections.signatories">
          <UnitRefsField source="signatories" emptyText={translate('danvan.pledges.noSignatories')} />
        </Section>
        <Section title="danvan.pledges.sections.progress">
          <Typography variant="body2" gutterBottom>
            {translate('danvan.pledges.progress', { registered: record.progress.registered, signatories: record.progress.signatories })}
          </Typography>
          {record.progress.notRegistered.length > 0 ? (
            <>
              <Typography variant="body2" color="text.secondary">
                {translate('danvan.pledges.notRegistered')}
              </Typography>
              <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, mt: 0.5 }}>
                {record.progress.notRegistered.map((unit) => (
                  <Chip key={unit.id} size="small" color="warning" variant="outlined" label={unitLabel(unit)} />
                ))}
              </Box>
            </>
          ) : null}
        </Section>
        <Section title="danvan.pledges.sections.registrations">
          <RegistrationsPanel pledge={record} onChanged={changed} />
        </Section>
      </Box>

      {signing ? (
        <SignPledgeDialog
          pledge={record}
          open
          onClose={() => setSigning(false)}
          onSigned={() => {
            setSigning(false);
            changed();
          }}
        />
      ) : null}
    </Box>
  );
};

/** A pledge: its steps, the actions of the current step, documents, signatories, progress, registrations. */
export const PledgeShow = () => (
  <Show actions={false}>
    <PledgeShowContent />
  </Show>
);
