import {
  DOCUMENT_FORM_LABELS,
  DOCUMENT_FORMS,
  MOVEMENT_KIND_LABELS,
  MOVEMENT_KINDS,
  PARTY_DOCUMENT_TYPES,
  PLEDGE_STATUS_LABELS,
  PLEDGE_STATUSES,
  SCORE_SHEET_STATUS_LABELS,
  SCORE_SHEET_STATUSES,
  STATE_DOCUMENT_TYPES,
} from '@danvan/contracts';

/** Choices with Vietnamese labels (use with translateChoice={false}). */
export { DOCUMENT_FORM_LABELS, MOVEMENT_KIND_LABELS };
export const MOVEMENT_KIND_CHOICES = MOVEMENT_KINDS.map((id) => ({ id, name: MOVEMENT_KIND_LABELS[id] }));

export const PLEDGE_STATUS_CHOICES = PLEDGE_STATUSES.map((id) => ({ id, name: PLEDGE_STATUS_LABELS[id] }));
export const SCORE_SHEET_STATUS_CHOICES = SCORE_SHEET_STATUSES.map((id) => ({ id, name: SCORE_SHEET_STATUS_LABELS[id] }));

export const DOCUMENT_FORM_CHOICES = DOCUMENT_FORMS.map((id) => ({ id, name: DOCUMENT_FORM_LABELS[id] }));

/**
 * Type abbreviations of Party and state documents, each once: `KH – Kế hoạch`; an abbreviation both use
 * for different types names both (`TT – Thông tri / Thông tư`).
 */
export const DOCUMENT_TYPE_CHOICES = (() => {
  const names = new Map<string, string[]>();
  for (const types of [PARTY_DOCUMENT_TYPES, STATE_DOCUMENT_TYPES] as Record<string, string>[]) {
    for (const [code, name] of Object.entries(types)) {
      const known = names.get(code) ?? [];
      if (!known.includes(name)) known.push(name);
      names.set(code, known);
    }
  }
  return [...names.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'vi'))
    .map(([id, typeNames]) => ({ id, name: `${id} – ${typeNames.join(' / ')}` }));
})();
