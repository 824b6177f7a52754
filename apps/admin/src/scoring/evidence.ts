/**
 * Evidence files of a unit's own sheet, over REST: uploaded one at a time to a line
 * (POST /api/v1/pledges/:id/score-sheets/:unitId/evidence?itemCode=…&filename=…, the raw file as the body
 * with its Content-Type), downloaded from their `url` (GET /api/v1/evidence/:id) and removed while the
 * sheet is with the unit (DELETE /api/v1/evidence/:id, 204). What the server accepts (types, 10 MB, 5 files
 * a line) is checked here first, from EVIDENCE_LIMITS, so that a wrong file is never sent.
 */
import { HttpError } from 'react-admin';
import { EVIDENCE_LIMITS } from '@danvan/contracts';
import type { AccessTokenSource } from '../dataProvider';
import { randomUuid, refusalError, sendFile, type UploadRequest } from '../data/upload';
import type { Problem } from './scoringGrid';
import { scoreSheetPath, type EvidenceFile } from './sheetDetail';

export const evidenceUploadPath = (pledgeId: string, unitId: string, itemCode: string, filename: string): string =>
  `${scoreSheetPath(pledgeId, unitId)}/evidence?${new URLSearchParams({ itemCode, filename }).toString()}`;

export const evidencePath = (id: string): string => `/api/v1/evidence/${encodeURIComponent(id)}`;

/** The types the server takes, by file extension (a browser may not know the type of a .docx). */
const TYPES_BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** What the file input accepts: the allowed types and their extensions. */
export const EVIDENCE_ACCEPT = [
  ...Object.keys(EVIDENCE_LIMITS.contentTypes),
  ...Object.keys(TYPES_BY_EXTENSION).map((extension) => `.${extension}`),
].join(',');

/** The allowed type of a file: the browser's when allowed, else the one of its extension; null when neither is allowed. */
export const evidenceContentType = (file: { name: string; type: string }): string | null => {
  const declared = file.type.split(';')[0].trim().toLowerCase();
  if (EVIDENCE_LIMITS.contentTypes[declared]) return declared;
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
  return TYPES_BY_EXTENSION[extension] ?? null;
};

/** 10 485 760 → "10 MB", 1 536 → "1,5 kB" (Vietnamese decimal comma). */
export const formatFileSize = (bytes: number): string => {
  const format = (value: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(value);
  if (bytes >= 1024 * 1024) return `${format(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${format(bytes / 1024)} kB`;
  return `${bytes} B`;
};

/** Why a file cannot go to a line that already holds `existing` files, or null when it can. */
export const evidenceFileProblem = (file: { name: string; type: string; size: number }, existing: number): Problem | null => {
  if (existing >= EVIDENCE_LIMITS.perItemMax) return { message: 'danvan.evidence.tooMany', args: { max: EVIDENCE_LIMITS.perItemMax } };
  if (!evidenceContentType(file))
    return { message: 'danvan.evidence.badType', args: { name: file.name, types: Object.values(EVIDENCE_LIMITS.contentTypes).join(', ') } };
  if (file.size === 0) return { message: 'danvan.evidence.empty', args: { name: file.name } };
  if (file.size > EVIDENCE_LIMITS.maxBytes) {
    return {
      message: 'danvan.evidence.tooLarge',
      args: { name: file.name, size: formatFileSize(file.size), max: formatFileSize(EVIDENCE_LIMITS.maxBytes) },
    };
  }
  return null;
};

/**
 * How long the access token must still be valid when an upload starts: the server checks the token only once
 * the whole body (up to 10 MB, minutes on a slow line) has arrived, and a refusal then means sending it all again.
 */
export const UPLOAD_MIN_TOKEN_VALIDITY_MS = 5 * 60_000;

export interface UploadEvidenceOptions {
  pledgeId: string;
  unitId: string;
  itemCode: string;
  file: File;
  /** The session (the token, renewed first when it has less than UPLOAD_MIN_TOKEN_VALIDITY_MS left, and the upload sent again once on a 401). */
  auth: AccessTokenSource;
  /**
   * `Idempotency-Key` of this upload (one per file the user chose; a new random UUID by default): every attempt
   * sends it, so that a retry of an upload the server did store gets the stored file back instead of a second copy.
   */
  idempotencyKey?: string;
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  createRequest?: () => UploadRequest;
}

/** Uploads one file to a line; answers the file as stored, or fails with the server's reasons (HttpError). */
export const uploadEvidence = async ({
  pledgeId,
  unitId,
  itemCode,
  file,
  auth,
  idempotencyKey = randomUuid(),
  onProgress,
  signal,
  createRequest,
}: UploadEvidenceOptions): Promise<EvidenceFile> => {
  const problem = evidenceFileProblem(file, 0);
  const contentType = evidenceContentType(file);
  if (problem || !contentType) throw new HttpError(problem?.message ?? 'danvan.evidence.badType', 400, { args: problem?.args });
  const url = evidenceUploadPath(pledgeId, unitId, itemCode, file.name);
  const answer = await auth.withAccessToken(
    (token) => sendFile(url, file, { contentType, token, idempotencyKey, onProgress, signal, createRequest }),
    (sent) => sent.status === 401,
    { minValidityMs: UPLOAD_MIN_TOKEN_VALIDITY_MS },
  );
  if (answer.status < 200 || answer.status >= 300) throw refusalError(answer.status, answer.text, 'danvan.evidence.uploadFailed');
  try {
    return JSON.parse(answer.text) as EvidenceFile;
  } catch {
    throw new HttpError('danvan.errors.invalidResponse', answer.status);
  }
};

/** Removes a file (204); fails with the server's reason (HttpError). */
export const deleteEvidence = async (id: string, fetchImpl: typeof fetch): Promise<void> => {
  let response: Response;
  try {
    response = await fetchImpl(evidencePath(id), {
      method: 'DELETE',
      credentials: 'same-origin',
      headers: { accept: 'application/problem+json' },
    });
  } catch {
    throw new HttpError('danvan.errors.network', 0);
  }
  if (!response.ok) throw refusalError(response.status, await response.text(), 'danvan.evidence.removeFailed');
};
