import { Alert, Card, CardContent } from '@mui/material';
import { Loading, useParams, useTranslate } from 'react-admin';
import { PledgePageHeader } from '../emulation/PledgePageHeader';
import { usePermission } from '../emulation/usePermission';
import { ProposeAwardsButton } from '../recognition/ProposeAwardsButton';
import { RankingExportButton } from './RankingExportButton';
import { RankingTable } from './RankingTable';
import { useCriteriaQuery, useRankingQuery } from './useScoringQueries';

/**
 * The ranking of a pledge (route /pledges/:id/ranking): rank, unit, points, classification, tie rule, the
 * Excel workbook, and for those who manage emulation the proposal of awards to the first three.
 */
export const RankingPage = () => {
  const { id = '' } = useParams<{ id: string }>();
  const translate = useTranslate();
  const criteria = useCriteriaQuery(id);
  const ranking = useRankingQuery(id);
  const manage = usePermission('emulation:manage');
  if (criteria.isPending) return <Loading />;
  if (criteria.error) return <Alert severity="error">{translate(criteria.error.message, { _: criteria.error.message })}</Alert>;
  return (
    <Card sx={{ mt: 1 }}>
      <CardContent>
        <PledgePageHeader
          pledgeId={id}
          title="danvan.ranking.title"
          pledgeTitle={criteria.data.title}
          actions={
            <>
              <RankingExportButton pledgeId={id} />
              {manage && ranking.data ? <ProposeAwardsButton pledgeId={id} ranking={ranking.data} /> : null}
            </>
          }
        />
        <RankingTable pledgeId={id} />
      </CardContent>
    </Card>
  );
};
