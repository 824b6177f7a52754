/**
 * The criteria-set editor's form values ↔ the server's CriteriaSetInput, and the server's field errors →
 * the editor's nested inputs. Pure, unit-tested.
 *
 * The form holds the set as the server answers it (groups → criteria → sub-criteria, bonus and deduction
 * items with their caps, classification bands), with `subCriteria` always a list. Saving sends a whole
 * new version: texts trimmed, scores as numbers with at most two decimals, a criterion's maximum the sum
 * of its sub-criteria when it has any (the server requires that), and no `subCriteria` when there are none.
 */
import {
  maximumTotal as maximumTotalOf,
  type ClassificationBand,
  type CriteriaSetContent,
  type CriterionItem,
  type FieldError,
} from '@danvan/contracts';
import type { FormErrors } from '../dataProvider';
import { score, text } from '../data/values';

/** What setPledgeCriteria takes. */
export type CriteriaSetInput = CriteriaSetContent;

export interface CriterionItemValues {
  code: string;
  title: string;
  maxScore: number | null;
}

export interface CriterionValues extends CriterionItemValues {
  subCriteria: CriterionItemValues[];
}

export interface CriteriaGroupValues {
  code: string;
  title: string;
  criteria: CriterionValues[];
}

export interface CriteriaFormValues {
  groups: CriteriaGroupValues[];
  bonusItems: CriterionItemValues[];
  bonusCap: number | null;
  deductionItems: CriterionItemValues[];
  deductionCap: number | null;
  bands: { name: string; minScore: number | null }[];
}

const round2 = (value: number): number => Math.round(value * 100) / 100;

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
const list = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? value.map(record) : []);

const itemValues = (item: Record<string, unknown>): CriterionItemValues => ({
  code: text(item.code),
  title: text(item.title),
  maxScore: score(item.maxScore),
});

/** An empty set for a pledge that has none yet: no groups, no caps, no bands. */
export const emptyCriteriaValues = (): CriteriaFormValues => ({
  groups: [],
  bonusItems: [],
  bonusCap: 0,
  deductionItems: [],
  deductionCap: 0,
  bands: [],
});

/** The server's set (or none) → the editor's values; extra fields of the answer (id, number, …) are dropped. */
export const toCriteriaFormValues = (set: Partial<CriteriaSetContent> | null | undefined): CriteriaFormValues => {
  if (!set) return emptyCriteriaValues();
  return {
    groups: list(set.groups).map((group) => ({
      code: text(group.code),
      title: text(group.title),
      criteria: list(group.criteria).map((criterion) => ({
        ...itemValues(criterion),
        subCriteria: list(criterion.subCriteria).map(itemValues),
      })),
    })),
    bonusItems: list(set.bonusItems).map(itemValues),
    bonusCap: score(set.bonusCap) ?? 0,
    deductionItems: list(set.deductionItems).map(itemValues),
    deductionCap: score(set.deductionCap) ?? 0,
    bands: list(set.bands).map((band) => ({ name: text(band.name), minScore: score(band.minScore) })),
  };
};

/** A criterion's maximum: the sum of its sub-criteria when it has any, else its own. */
export const criterionMaxScore = (criterion: { maxScore?: unknown; subCriteria?: unknown }): number => {
  const subs = list(criterion.subCriteria);
  if (subs.length > 0) return round2(subs.reduce((sum, sub) => sum + (score(sub.maxScore) ?? 0), 0));
  return score(criterion.maxScore) ?? 0;
};

/** The highest total a unit can reach, by the server's rule (`maximumTotal` of @danvan/contracts), of the set the form would save. */
export const maximumTotal = (values: unknown): number => maximumTotalOf(toCriteriaSetInput(values));

// Empty scores go to the server as 0 so that it names the item ("phải lớn hơn 0"); the form requires them anyway.
const toItem = (item: Record<string, unknown>): CriterionItem => ({
  code: text(item.code),
  title: text(item.title),
  maxScore: score(item.maxScore) ?? 0,
});

/** The editor's values → CriteriaSetInput (see the module comment). */
export const toCriteriaSetInput = (values: unknown): CriteriaSetInput => {
  const set = record(values);
  return {
    groups: list(set.groups).map((group) => ({
      code: text(group.code),
      title: text(group.title),
      criteria: list(group.criteria).map((criterion) => {
        const subCriteria = list(criterion.subCriteria).map(toItem);
        return subCriteria.length > 0
          ? { code: text(criterion.code), title: text(criterion.title), maxScore: criterionMaxScore(criterion), subCriteria }
          : toItem(criterion);
      }),
    })),
    bonusItems: list(set.bonusItems).map(toItem),
    bonusCap: score(set.bonusCap) ?? 0,
    deductionItems: list(set.deductionItems).map(toItem),
    deductionCap: score(set.deductionCap) ?? 0,
    bands: list(set.bands).map((band): ClassificationBand => ({ name: text(band.name), minScore: score(band.minScore) ?? 0 })),
  };
};

/** The lists of the set: an error on a list itself goes to its `root` (where ArrayInput shows it). */
const LISTS = new Set(['groups', 'criteria', 'subCriteria', 'bonusItems', 'deductionItems', 'bands']);
/** The inputs of one element of those lists, and of the set itself. */
const LEAVES = new Set(['code', 'title', 'maxScore', 'name', 'minScore', 'bonusCap', 'deductionCap']);

/**
 * A server field path → the form path, or undefined when no input shows it. The server writes the rules'
 * paths `criteria.groups[0].criteria[1].maxScore` and the validation pipe's `groups.0.title`.
 */
export const toCriteriaFormPath = (field: string): string[] | undefined => {
  const parts = field
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((part) => part !== '');
  // `criteria.` is the mutation's argument; a set has no top-level `criteria` of its own (those are in groups).
  if (parts[0] === 'criteria' && parts.length > 1 && !/^\d+$/.test(parts[1])) parts.shift();
  // Alternate list name, index, list name, index … and end on an input or on a list.
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index];
    const last = index === parts.length - 1;
    if (index % 2 === 1) {
      if (!/^\d+$/.test(part) || last) return undefined;
    } else if (last) {
      if (LEAVES.has(part)) return parts;
      if (LISTS.has(part)) return [...parts, 'root'];
      return undefined;
    } else if (!LISTS.has(part)) {
      return undefined;
    }
  }
  return undefined;
};

/**
 * Server field errors → the editor's form errors, nested like its inputs (`{ groups: { 0: { criteria: { 1:
 * { maxScore: '…' } } } } }`). Every message also appears in `root.serverError`, which react-admin notifies.
 */
export const toCriteriaFormErrors = (fields: readonly FieldError[], summary: string): FormErrors => {
  const errors: FormErrors = {};
  const unplaced: string[] = [];
  for (const { field, message } of fields) {
    const path = toCriteriaFormPath(field);
    let node: FormErrors | undefined = errors;
    for (const key of path?.slice(0, -1) ?? []) {
      const next: string | FormErrors | undefined = node[key];
      if (typeof next === 'string') {
        node = undefined;
        break;
      }
      node = next ?? (node[key] = {});
    }
    const leaf = path?.[path.length - 1];
    if (!path || !node || leaf === undefined || typeof node[leaf] === 'object') {
      unplaced.push(message);
    } else if (node[leaf] === undefined) {
      node[leaf] = message;
    }
  }
  const serverError = [summary, ...unplaced.filter((message) => !summary.includes(message))].join(' ');
  return { ...errors, root: { serverError } };
};
