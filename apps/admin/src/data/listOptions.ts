import type { PaginationPayload } from 'react-admin';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@danvan/contracts';

/** react-admin pagination → `{ page, pageSize }` of an identity list (at most MAX_PAGE_SIZE rows). */
export const toPageOptions = (pagination: PaginationPayload | undefined): { page: number; pageSize: number } => ({
  page: Math.max(1, Math.floor(pagination?.page ?? 1) || 1),
  pageSize: Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(pagination?.perPage ?? DEFAULT_PAGE_SIZE) || DEFAULT_PAGE_SIZE)),
});

/** Trimmed text, or undefined when blank or not text. */
export const optionalText = (value: unknown): string | undefined => {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
};

/** Drops the keys whose value is undefined; undefined when nothing is left. */
export const compact = <T extends object>(value: T): T | undefined => {
  const entries = Object.entries(value).filter(([, item]) => item !== undefined);
  return entries.length > 0 ? (Object.fromEntries(entries) as T) : undefined;
};
