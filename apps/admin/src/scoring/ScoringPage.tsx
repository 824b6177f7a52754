import { useMemo } from 'react';
import { Alert, Card, CardContent, Typography } from '@mui/material';
import RefreshIcon from '@mui/icons-material/Refresh';
import LeaderboardIcon from '@mui/icons-material/Leaderboard';
import { Button, Link, Loading, useParams, useTranslate } from 'react-admin';
import { PledgePageHeader } from '../emulation/PledgePageHeader';
import { usePermission } from '../emulation/usePermission';
import { pledgePagePath, PLEDGE_PAGES } from '../pledges/paths';
import { RankingTable } from './RankingTable';
import { buildScoringGrid } from './scoringGrid';
import { ScoringGridTable } from './ScoringGridTable';
import { useCriteriaQuery, useScoringQuery, useSheetChanged } from './useScoringQueries';

/**
 * The reviewers' page of a pledge (route /pledges/:id/scoring, emulation:manage): the scoring grid of every
 * signatory and, under it, the ranking as it stands, recomputed after each change.
 */
export const ScoringPage = () => {
  const { id = '' } = useParams<{ id: string }>();
  const translate = useTranslate();
  const manage = usePermission('emulation:manage');
  const criteria = useCriteriaQuery(id);
  const scoring = useScoringQuery(id);
  const { changed, reload } = useSheetChanged(id);
  const grid = useMemo(
    () =>
      criteria.data && scoring.data
        ? buildScoringGrid(
            criteria.data.criteriaSet,
            scoring.data.scoreSheets,
            scoring.data.signatories,
            criteria.data.criteriaSet?.number ?? null,
          )
        : null,
    [criteria.data, scoring.data],
  );

  if (criteria.isPending || scoring.isPending) return <Loading />;
  const error = criteria.error ?? scoring.error;
  if (error || !grid || !scoring.data || !criteria.data) {
    const message = error?.message ?? 'ra.notification.http_error';
    return <Alert severity="error">{translate(message, { _: message })}</Alert>;
  }

  return (
    <Card sx={{ mt: 1 }}>
      <CardContent>
        <PledgePageHeader
          pledgeId={id}
          title="danvan.scoring.title"
          pledgeTitle={criteria.data.title}
          subtitle={
            <Typography variant="body2" sx={{ mt: 1 }}>
              {`${translate('resources.pledges.fields.status')}: ${scoring.data.statusLabel}. ${translate('danvan.scoring.legend')}`}
            </Typography>
          }
          actions={
            <>
              <Button label="ra.action.refresh" onClick={() => void reload()}>
                <RefreshIcon />
              </Button>
              <Button component={Link} to={pledgePagePath(id, PLEDGE_PAGES.ranking)} label="danvan.pledges.ranking">
                <LeaderboardIcon />
              </Button>
            </>
          }
        />
        {!manage ? (
          <Alert severity="info" sx={{ mb: 2 }}>
            {translate('danvan.scoring.reviewersOnly')}
          </Alert>
        ) : null}
        {grid.items.length === 0 ? (
          <Alert severity="info">{translate('danvan.pledges.noCriteria')}</Alert>
        ) : (
          <ScoringGridTable
            pledgeId={id}
            pledgeStatus={manage ? scoring.data.status : 'READ_ONLY'}
            grid={grid}
            onSheetChanged={(sheet) => void changed(sheet)}
            onConflict={() => void reload()}
          />
        )}
        <Typography variant="h6" component="h2" sx={{ mt: 3, mb: 1 }}>
          {translate('danvan.ranking.title')}
        </Typography>
        <RankingTable pledgeId={id} />
      </CardContent>
    </Card>
  );
};
