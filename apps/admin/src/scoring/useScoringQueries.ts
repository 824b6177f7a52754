import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { AppDataProvider } from '../dataProvider';
import { authClient } from '../providers';
import type { PledgeScoring, ScoreSheet } from './scoringData';
import { replaceSheet } from './scoringGrid';
import { fetchSheetDetail } from './sheetDetail';

/** Cache keys of a pledge's pages (all under 'danvan', which a change of the pledge invalidates at once). */
export const scoringKeys = {
  criteria: (pledgeId: string) => ['danvan', 'pledgeCriteria', pledgeId] as const,
  scoring: (pledgeId: string) => ['danvan', 'pledgeScoring', pledgeId] as const,
  ranking: (pledgeId: string) => ['danvan', 'pledgeRanking', pledgeId] as const,
  /** One unit's sheet in full (REST); with the sheet's version, so that a saved sheet is read again. */
  sheetDetail: (pledgeId: string, unitId: string, version?: number) =>
    version === undefined
      ? (['danvan', 'scoreSheetDetail', pledgeId, unitId] as const)
      : (['danvan', 'scoreSheetDetail', pledgeId, unitId, version] as const),
};

/** One unit's sheet with comments, evidence and review log (null while the unit has none). */
export const useSheetDetail = (pledgeId: string, unitId: string, version: number | undefined, enabled = true) =>
  useQuery({
    queryKey: scoringKeys.sheetDetail(pledgeId, unitId, version ?? 0),
    queryFn: ({ signal }) => fetchSheetDetail(pledgeId, unitId, authClient.fetch, signal),
    enabled: enabled && unitId !== '',
  });

export const useCriteriaQuery = (pledgeId: string) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  return useQuery({ queryKey: scoringKeys.criteria(pledgeId), queryFn: ({ signal }) => dataProvider.getPledgeCriteria(pledgeId, signal) });
};

export const useScoringQuery = (pledgeId: string) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  return useQuery({ queryKey: scoringKeys.scoring(pledgeId), queryFn: ({ signal }) => dataProvider.getPledgeScoring(pledgeId, signal) });
};

export const useRankingQuery = (pledgeId: string) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  return useQuery({ queryKey: scoringKeys.ranking(pledgeId), queryFn: ({ signal }) => dataProvider.getPledgeRanking(pledgeId, signal) });
};

/** After a sheet changed: put the server's copy in the grid at once, and recompute the ranking. */
export const useSheetChanged = (pledgeId: string) => {
  const queryClient = useQueryClient();
  return {
    changed: async (sheet: ScoreSheet) => {
      queryClient.setQueryData<PledgeScoring>(scoringKeys.scoring(pledgeId), (old) =>
        old ? { ...old, scoreSheets: replaceSheet(old.scoreSheets, sheet) } : old,
      );
      await queryClient.invalidateQueries({ queryKey: scoringKeys.ranking(pledgeId) });
    },
    /** Someone else changed it first: read everything again. */
    reload: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: scoringKeys.scoring(pledgeId) }),
        queryClient.invalidateQueries({ queryKey: scoringKeys.ranking(pledgeId) }),
      ]);
    },
  };
};
