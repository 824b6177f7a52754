import {
  AWARD_ENTRY_KIND_LABELS,
  AWARD_TITLE_RECIPIENTS_LABELS,
  type AwardEntryKind,
  type AwardRank,
  type AwardTitleRecipients,
  type FieldError,
  RECIPIENT_KIND_LABELS,
  RECOGNITION_LIMITS,
  type RecipientKind,
} from '@danvan/contracts';

/**
 * Rules of awards that need no I/O. Which titles exist, whom they suit and
 * whether they are ranked is data (the award_title table), never code: these
 * functions only compare an award with the catalogue entry it names.
 */

/** A catalogue entry as the rules need it. */
export interface AwardTitleFacts {
  name: string;
  kind: AwardEntryKind;
  recipients: AwardTitleRecipients;
  ranked: boolean;
  active: boolean;
}

/** Which catalogue entry an input names: `awardTitleId` (a title) or `formId` (a form), exactly one. */
export type CatalogueChoice =
  { ok: true; id: string; kind: AwardEntryKind; field: 'awardTitleId' | 'formId' } | { ok: false; error: FieldError };

export function catalogueChoice(input: { awardTitleId?: string | null; formId?: string | null }): CatalogueChoice {
  const title = input.awardTitleId ?? null;
  const form = input.formId ?? null;
  if (title && form) {
    const message = 'Chỉ chọn một: danh hiệu thi đua (awardTitleId) hoặc hình thức khen thưởng (formId).';
    return { ok: false, error: { field: 'formId', code: 'exactlyOne', message } };
  }
  if (!title && !form) {
    const message = 'Hãy chọn danh hiệu thi đua (awardTitleId) hoặc hình thức khen thưởng (formId).';
    return { ok: false, error: { field: 'awardTitleId', code: 'exactlyOne', message } };
  }
  return title
    ? { ok: true, id: title, kind: 'TITLE', field: 'awardTitleId' }
    : { ok: true, id: form as string, kind: 'FORM', field: 'formId' };
}

/** The entry named through `choice.field` is of the kind that field expects. */
export function entryKindRefusal(choice: { kind: AwardEntryKind; field: string }, entry: AwardTitleFacts): FieldError | null {
  if (entry.kind === choice.kind) return null;
  return {
    field: choice.field,
    code: 'kind',
    message: `"${entry.name}" là ${AWARD_ENTRY_KIND_LABELS[entry.kind].toLowerCase()}, không phải ${AWARD_ENTRY_KIND_LABELS[choice.kind].toLowerCase()}: hãy dùng ${entry.kind === 'TITLE' ? 'awardTitleId' : 'formId'}.`,
  };
}

/** One recipient of an award, as the rules see it. */
export interface RecipientFacts {
  kind: RecipientKind;
  personName?: string | null;
  personPosition?: string | null;
  rank?: AwardRank | null;
}

/** Whether the entry may be given to this recipient; field paths under `prefix` (e.g. `proposals.2.`). */
export function recipientRefusals(entry: AwardTitleFacts, recipient: RecipientFacts, titleField: string, prefix = ''): FieldError[] {
  const errors: FieldError[] = [];
  if (!entry.active) {
    errors.push({ field: titleField, code: 'inactive', message: `"${entry.name}" đã ngừng áp dụng: không thể khen thưởng mới.` });
  }
  if (entry.recipients !== 'BOTH' && entry.recipients !== recipient.kind) {
    errors.push({
      field: `${prefix}recipientKind`,
      code: 'recipients',
      message: `"${entry.name}" chỉ dành cho ${AWARD_TITLE_RECIPIENTS_LABELS[entry.recipients].toLowerCase()}, không dành cho ${RECIPIENT_KIND_LABELS[recipient.kind].toLowerCase()}.`,
    });
  }
  const named = Boolean(recipient.personName?.trim());
  if (recipient.kind === 'INDIVIDUAL' && !named) {
    errors.push({ field: `${prefix}personName`, code: 'required', message: 'Khen thưởng cá nhân phải ghi họ và tên người được khen.' });
  }
  if (recipient.kind === 'COLLECTIVE' && (named || recipient.personPosition)) {
    errors.push({ field: `${prefix}personName`, code: 'collective', message: 'Khen thưởng tập thể không ghi tên, chức vụ cá nhân.' });
  }
  if (recipient.rank && !entry.ranked) {
    errors.push({ field: `${prefix}rank`, code: 'notRanked', message: `"${entry.name}" không xếp hạng nhất, nhì, ba.` });
  }
  return errors;
}

/** A proposal of the pledge ranking: one unit and its rank. */
export interface ProposalFacts {
  unitId: string;
  rank?: AwardRank | null;
}

/**
 * Checks a whole list of proposals against the entry and the pledge's
 * signatories. Every problem is reported, each on its own field, so nothing is
 * created until all of them are right.
 */
export function proposalRefusals(
  entry: AwardTitleFacts,
  titleField: string,
  proposals: ProposalFacts[],
  signatories: ReadonlySet<string>,
): FieldError[] {
  // The entry's own problems (inactive, not for collectives) are reported once, on the entry's field.
  const errors: FieldError[] = recipientRefusals(entry, { kind: 'COLLECTIVE' }, titleField).map((e) => ({ ...e, field: titleField }));
  if (!proposals.length) errors.push({ field: 'proposals', code: 'empty', message: 'Danh sách đề nghị khen thưởng không được để trống.' });
  const seen = new Set<string>();
  proposals.forEach((proposal, index) => {
    const prefix = `proposals.${index}.`;
    if (seen.has(proposal.unitId)) {
      errors.push({ field: `${prefix}unitId`, code: 'duplicate', message: 'Đơn vị này đã có trong danh sách đề nghị.' });
    }
    seen.add(proposal.unitId);
    if (!signatories.has(proposal.unitId)) {
      errors.push({
        field: `${prefix}unitId`,
        code: 'notSignatory',
        message: 'Đơn vị này không ký giao ước nên không được đề nghị khen thưởng theo giao ước.',
      });
    }
    if (proposal.rank && !entry.ranked) {
      errors.push({ field: `${prefix}rank`, code: 'notRanked', message: `"${entry.name}" không xếp hạng nhất, nhì, ba.` });
    }
  });
  return errors;
}

/** A decision date within the years the register keeps (the award's year may default to it). */
export function decisionDateRefusal(decidedOn: string): FieldError | null {
  const year = Number(decidedOn.slice(0, 4));
  if (year >= RECOGNITION_LIMITS.minYear && year <= RECOGNITION_LIMITS.maxYear) return null;
  return {
    field: 'decidedOn',
    code: 'range',
    message: `Ngày quyết định phải trong các năm ${RECOGNITION_LIMITS.minYear}–${RECOGNITION_LIMITS.maxYear}.`,
  };
}

/** The year an award is for: as given, else the pledge's year, else the year of the decision. */
export function awardYear(explicit: number | null | undefined, pledgeYear: number | null, decidedOn: string): number {
  return explicit ?? pledgeYear ?? Number(decidedOn.slice(0, 4));
}

/** How a catalogue entry is used by awards that are not revoked. */
export interface TitleUsage {
  collective: number;
  individual: number;
  ranked: number;
}

/** A change of a catalogue entry must stay true of the awards already given with it. */
export function titleChangeRefusals(next: { recipients: AwardTitleRecipients; ranked: boolean }, usage: TitleUsage): FieldError[] {
  const errors: FieldError[] = [];
  if (next.recipients === 'COLLECTIVE' && usage.individual > 0) {
    errors.push({
      field: 'recipients',
      code: 'inUse',
      message: `Đã có ${usage.individual} khen thưởng cá nhân theo mục này: không thể chỉ dành cho tập thể.`,
    });
  }
  if (next.recipients === 'INDIVIDUAL' && usage.collective > 0) {
    errors.push({
      field: 'recipients',
      code: 'inUse',
      message: `Đã có ${usage.collective} khen thưởng tập thể theo mục này: không thể chỉ dành cho cá nhân.`,
    });
  }
  if (!next.ranked && usage.ranked > 0) {
    errors.push({
      field: 'ranked',
      code: 'inUse',
      message: `Đã có ${usage.ranked} khen thưởng xếp hạng theo mục này: không thể bỏ xếp hạng.`,
    });
  }
  return errors;
}
