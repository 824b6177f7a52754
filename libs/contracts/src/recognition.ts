/**
 * The vocabulary of awards (khen thưởng) and "Dân vận khéo" model practices:
 * values on the wire (REST, GraphQL), in the database, in the Excel exports and
 * in the admin, with their Vietnamese labels.
 */

/** An entry of the award catalogue: an emulation title (danh hiệu thi đua) or a form of commendation (hình thức khen thưởng). */
export const AWARD_ENTRY_KINDS = ['TITLE', 'FORM'] as const;
export type AwardEntryKind = (typeof AWARD_ENTRY_KINDS)[number];
export const AWARD_ENTRY_KIND_LABELS: Record<AwardEntryKind, string> = {
  TITLE: 'Danh hiệu thi đua',
  FORM: 'Hình thức khen thưởng',
};

/** Who receives an award, or holds a model: a collective (a unit) or a named person of a unit. */
export const RECIPIENT_KINDS = ['COLLECTIVE', 'INDIVIDUAL'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];
export const RECIPIENT_KIND_LABELS: Record<RecipientKind, string> = {
  COLLECTIVE: 'Tập thể',
  INDIVIDUAL: 'Cá nhân',
};

/** Whom a catalogue entry may be given to. */
export const AWARD_TITLE_RECIPIENTS = ['COLLECTIVE', 'INDIVIDUAL', 'BOTH'] as const;
export type AwardTitleRecipients = (typeof AWARD_TITLE_RECIPIENTS)[number];
export const AWARD_TITLE_RECIPIENTS_LABELS: Record<AwardTitleRecipients, string> = {
  COLLECTIVE: 'Tập thể',
  INDIVIDUAL: 'Cá nhân',
  BOTH: 'Tập thể và cá nhân',
};

/** Rank of a ranked award (cờ thi đua to the units ranked first, second, third). */
export const AWARD_RANKS = ['FIRST', 'SECOND', 'THIRD'] as const;
export type AwardRank = (typeof AWARD_RANKS)[number];
export const AWARD_RANK_LABELS: Record<AwardRank, string> = { FIRST: 'Nhất', SECOND: 'Nhì', THIRD: 'Ba' };

/** Field of a model practice. */
export const MODEL_FIELDS = ['ECONOMY', 'CULTURE_SOCIETY', 'DEFENCE_SECURITY', 'POLITICAL_SYSTEM'] as const;
export type ModelField = (typeof MODEL_FIELDS)[number];
export const MODEL_FIELD_LABELS: Record<ModelField, string> = {
  ECONOMY: 'Kinh tế',
  CULTURE_SOCIETY: 'Văn hóa - xã hội',
  DEFENCE_SECURITY: 'Quốc phòng - an ninh',
  POLITICAL_SYSTEM: 'Xây dựng hệ thống chính trị',
};

/** Recognition of a model, from registration up: đăng ký → tiêu biểu → tiêu biểu xuất sắc. */
export const MODEL_RECOGNITIONS = ['REGISTERED', 'TYPICAL', 'EXCELLENT'] as const;
export type ModelRecognition = (typeof MODEL_RECOGNITIONS)[number];
export const MODEL_RECOGNITION_LABELS: Record<ModelRecognition, string> = {
  REGISTERED: 'Đăng ký',
  TYPICAL: 'Tiêu biểu',
  EXCELLENT: 'Tiêu biểu xuất sắc',
};

/** Fields the model list may be sorted by (allow-list of REST and GraphQL). */
export const MODEL_SORT_FIELDS = ['name', 'firstYear', 'recognition', 'createdAt', 'updatedAt'] as const;
export type ModelSortField = (typeof MODEL_SORT_FIELDS)[number];

/** Fields the award list may be sorted by. */
export const AWARD_SORT_FIELDS = ['decidedOn', 'year', 'createdAt'] as const;
export type AwardSortField = (typeof AWARD_SORT_FIELDS)[number];

export const RECOGNITION_LIMITS = {
  nameMaxLength: 500,
  personNameMaxLength: 255,
  positionMaxLength: 255,
  descriptionMaxLength: 8000,
  citationMaxLength: 2000,
  reasonMaxLength: 2000,
  resultsMax: 50,
  indicatorMaxLength: 255,
  measureUnitMaxLength: 32,
  /** Largest value of a measurable result (m², households, km …). */
  resultValueMax: 1_000_000_000_000,
  evidenceMax: 30,
  evidenceTextMaxLength: 1000,
  urlMaxLength: 2000,
  proposalsMax: 200,
  titlesMax: 200,
  titleCodeMaxLength: 40,
  titleNameMaxLength: 255,
  legalBasisMaxLength: 500,
  minYear: 1945,
  maxYear: 2100,
} as const;
