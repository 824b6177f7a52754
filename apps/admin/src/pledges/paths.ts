/** The pledge's own pages (children routes of the `pledges` resource). */
export const PLEDGE_PAGES = { criteria: 'criteria', scoring: 'scoring', selfScore: 'self-score', ranking: 'ranking' } as const;
export type PledgePage = (typeof PLEDGE_PAGES)[keyof typeof PLEDGE_PAGES];

export const pledgePagePath = (pledgeId: string, page: PledgePage): string => `/pledges/${encodeURIComponent(pledgeId)}/${page}`;
export const pledgeShowPath = (pledgeId: string): string => `/pledges/${encodeURIComponent(pledgeId)}/show`;
