/**
 * One unit's score sheet in full, over REST (GET /api/v1/pledges/:id/score-sheets/:unitId): every line
 * with both comments and its evidence files (each with the `url` to download it), and the review log.
 * The grid's GraphQL query leaves these out (see scoringData.ts). The fetch is the session's, injected.
 */
import { HttpError } from 'react-admin';
import { readProblemDetail } from '../units/unitExport';
import type { ScoreSheet } from './scoringData';

export interface EvidenceFile {
  id: string;
  itemCode: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  /** Where the API serves the file (needs the Bearer token, so it is fetched, not linked). */
  url: string;
  uploadedBy: string;
  uploadedAt: string;
}

export interface SheetDetailLine {
  itemCode: string;
  itemKind: string;
  selfScore: number | null;
  selfComment: string | null;
  reviewedScore: number | null;
  reviewComment: string | null;
  version: number;
  updatedBy: string;
  updatedAt: string;
  evidence: EvidenceFile[];
}

export interface ReviewEvent {
  step: number;
  stepLabel: string;
  action: 'SUBMIT' | 'ACCEPT' | 'RETURN' | string;
  reason: string | null;
  actorLabel: string;
  at: string;
}

export interface SheetDetail extends Omit<ScoreSheet, 'lines'> {
  lines: SheetDetailLine[];
  events: ReviewEvent[];
}

export const scoreSheetPath = (pledgeId: string, unitId: string): string =>
  `/api/v1/pledges/${encodeURIComponent(pledgeId)}/score-sheets/${encodeURIComponent(unitId)}`;

export const rankingWorkbookPath = (pledgeId: string): string => `/api/v1/pledges/${encodeURIComponent(pledgeId)}/ranking.xlsx`;

/** Only the API's own paths are fetched with the session's token (a url from elsewhere would receive it). */
export const isApiPath = (url: string): boolean => /^\/api\/v1\/[\w\-./%]+$/.test(url) && !url.includes('..');

/** The unit's sheet, or null when it has none yet (404); other failures are HttpErrors with the server's reason. */
export const fetchSheetDetail = async (
  pledgeId: string,
  unitId: string,
  fetchImpl: typeof fetch,
  signal?: AbortSignal,
): Promise<SheetDetail | null> => {
  let response: Response;
  try {
    response = await fetchImpl(scoreSheetPath(pledgeId, unitId), {
      method: 'GET',
      credentials: 'same-origin',
      headers: { accept: 'application/json, application/problem+json' },
      signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new HttpError('danvan.errors.network', 0);
  }
  if (response.status === 404) return null;
  if (!response.ok) throw new HttpError((await readProblemDetail(response)) ?? 'ra.notification.http_error', response.status);
  try {
    return (await response.json()) as SheetDetail;
  } catch {
    throw new HttpError('danvan.errors.invalidResponse', response.status);
  }
};
