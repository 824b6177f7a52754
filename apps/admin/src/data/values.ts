/**
 * Small conversions of form and filter values shared by the data files of the documents and emulation
 * resources. Pure, unit-tested through the mappings that use them.
 */
import { HttpError, type Identifier, type RaRecord } from 'react-admin';
import { optionalText } from './listOptions';

/** Trimmed text ('' when absent): required text is sent even empty, so that the server names the field. */
export const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : value == null ? '' : String(value));

/** Trimmed text, or null when blank (an optional field left empty clears it). */
export const nullableText = (value: unknown): string | null => optionalText(value) ?? null;

/** A yyyy-MM-dd date (a timestamp is cut to its date), or null when empty or not a date. */
export const nullableDate = (value: unknown): string | null => {
  if (typeof value !== 'string') return null;
  const match = /^\d{4}-\d{2}-\d{2}/.exec(value.trim());
  return match ? match[0] : null;
};

/** A whole number (NumberInput gives numbers; a filter from the URL may give text), else undefined. */
export const optionalInt = (value: unknown): number | undefined => {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  return Number.isInteger(number) ? number : undefined;
};

/** A number with at most two decimals as the server stores scores; null when empty or not a number. */
export const score = (value: unknown): number | null => {
  const number =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && value.trim() !== ''
        ? Number(value.trim().replace(',', '.'))
        : Number.NaN;
  return Number.isFinite(number) ? Math.round(number * 100) / 100 : null;
};

/** Ids from an array input (blank entries dropped, each once, in order). */
export const idList = (value: unknown): string[] =>
  Array.isArray(value) ? [...new Set(value.map((id) => optionalText(id)).filter((id): id is string => id !== undefined))] : [];

/** Values of an enum from a SelectInput (one value) or a SelectArrayInput (several); undefined when none is valid. */
export const enumValues = <T extends string>(value: unknown, allowed: readonly T[]): T[] | undefined => {
  const values = (Array.isArray(value) ? value : [value]).filter(
    (item): item is T => typeof item === 'string' && (allowed as readonly string[]).includes(item),
  );
  return values.length > 0 ? [...new Set(values)] : undefined;
};

/** The version read with the record (expectedVersion of an update); an HttpError when the record has none. */
export const versionOf = (previousData: unknown): number => {
  const version: unknown =
    typeof previousData === 'object' && previousData !== null ? (previousData as { version?: unknown }).version : undefined;
  if (typeof version !== 'number') throw new HttpError('danvan.errors.versionMissing', 400);
  return version;
};

/** Whether two id lists hold the same ids in the same order. */
export const sameIds = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((id, index) => id === b[index]);

/** Adapts an app record to the generic record type react-admin asks each method for. */
export const asRecord = <RecordType extends RaRecord>(record: { id: Identifier }): RecordType => record as unknown as RecordType;
