import { defineLifecycle } from '@danvan/kit';
import {
  type FieldError,
  MODEL_FIELDS,
  MODEL_RECOGNITION_LABELS,
  MODEL_RECOGNITIONS,
  type ModelField,
  type ModelRecognition,
  type RecipientKind,
  UNIT_LEVELS,
  type UnitLevel,
} from '@danvan/contracts';

/** Rules of "Dân vận khéo" model practices that need no I/O. */

/** The years a model runs: a first year and, once it ended, a last year (inclusive). */
export function yearsRefusal(firstYear: number, lastYear: number | null | undefined): FieldError | null {
  if (lastYear === null || lastYear === undefined || lastYear >= firstYear) return null;
  return { field: 'lastYear', code: 'beforeFirstYear', message: `Năm kết thúc (${lastYear}) không được trước năm bắt đầu (${firstYear}).` };
}

/** A model of an individual names the person; a collective's does not. */
export function holderRefusal(kind: RecipientKind, personName: string | null | undefined): FieldError | null {
  const named = Boolean(personName?.trim());
  if (kind === 'INDIVIDUAL' && !named)
    return { field: 'personName', code: 'required', message: 'Mô hình của cá nhân phải ghi họ và tên người thực hiện.' };
  if (kind === 'COLLECTIVE' && named)
    return { field: 'personName', code: 'collective', message: 'Mô hình của tập thể không ghi tên cá nhân.' };
  return null;
}

/** True when the model runs during `year`. */
export function activeInYear(model: { firstYear: number; lastYear: number | null }, year: number): boolean {
  return model.firstYear <= year && (model.lastYear === null || model.lastYear >= year);
}

/** What a recognition change is checked against. */
export interface RecognitionFacts {
  current: ModelRecognition;
  firstYear: number;
  /** Date of the latest recorded change (yyyy-MM-dd), if any. */
  lastRecognisedOn: string | null;
}

export interface RecognitionChange {
  to: ModelRecognition;
  recognisedOn: string;
  note?: string | null;
}

/**
 * A change of recognition (đăng ký → tiêu biểu → tiêu biểu xuất sắc, or back
 * down). It must change something, come after the model began and after the
 * previous change, and a step down needs its reason.
 */
export function recognitionChangeRefusals(facts: RecognitionFacts, change: RecognitionChange): FieldError[] {
  const errors: FieldError[] = [];
  if (change.to === facts.current) {
    errors.push({ field: 'recognition', code: 'unchanged', message: `Mô hình đang ở mức "${MODEL_RECOGNITION_LABELS[facts.current]}".` });
  }
  if (Number(change.recognisedOn.slice(0, 4)) < facts.firstYear) {
    errors.push({
      field: 'recognisedOn',
      code: 'beforeModel',
      message: `Ngày công nhận không được trước năm bắt đầu của mô hình (${facts.firstYear}).`,
    });
  }
  if (facts.lastRecognisedOn && change.recognisedOn < facts.lastRecognisedOn) {
    errors.push({
      field: 'recognisedOn',
      code: 'beforePrevious',
      message: `Ngày công nhận không được trước lần thay đổi trước (${vnDate(facts.lastRecognisedOn)}).`,
    });
  }
  const down = MODEL_RECOGNITIONS.indexOf(change.to) < MODEL_RECOGNITIONS.indexOf(facts.current);
  if (down && !change.note?.trim()) {
    errors.push({ field: 'note', code: 'reasonRequired', message: 'Hạ mức công nhận phải ghi lý do.' });
  }
  return errors;
}

/** What a recognition transition is checked against: the model's facts and the change asked for. */
export interface RecognitionMove {
  facts: RecognitionFacts;
  change: RecognitionChange;
}

/**
 * A model's recognition as a lifecycle: from any level to any other
 * (`recognise:<LEVEL>`), guarded by `recognitionChangeRefusals`; asking for the
 * current level is refused with every problem of the change at once. Audited as
 * `recognise`.
 */
export const MODEL_RECOGNITION = defineLifecycle<ModelRecognition, RecognitionMove>({
  entity: 'model-practice',
  field: 'recognition',
  noTransition: (from, _action, move) =>
    move
      ? recognitionChangeRefusals(move.facts, move.change)
      : { field: 'recognition', code: 'unchanged', message: `Mô hình đang ở mức "${MODEL_RECOGNITION_LABELS[from]}".` },
  transitions: MODEL_RECOGNITIONS.map((to) => ({
    action: `recognise:${to}`,
    from: MODEL_RECOGNITIONS.filter((from) => from !== to),
    to,
    audit: 'recognise',
    guard: (move: RecognitionMove) => recognitionChangeRefusals(move.facts, move.change),
  })),
});

/** One row of the GROUPING SETS statement of model counts: null keys are the rolled-up ones. */
export interface ModelCountRow {
  level: UnitLevel | null;
  field: ModelField | null;
  recognition: ModelRecognition | null;
  /** GROUPING() bits: 1 when the column is rolled up in this row. */
  groupedLevel: number;
  groupedField: number;
  groupedRecognition: number;
  count: number;
}

/** Counts of one group (a level or a field), split by recognition. */
export interface RecognitionSplit {
  total: number;
  registered: number;
  typical: number;
  excellent: number;
}

export interface ModelCounts extends RecognitionSplit {
  year: number;
  byLevel: Array<RecognitionSplit & { level: UnitLevel }>;
  byField: Array<RecognitionSplit & { field: ModelField }>;
  byRecognition: Array<{ recognition: ModelRecognition; count: number }>;
  /** "1.432 mô hình …": the figure as a year-end report prints it. */
  summary: string;
}

const EMPTY_SPLIT = (): RecognitionSplit => ({ total: 0, registered: 0, typical: 0, excellent: 0 });
const SPLIT_KEY: Record<ModelRecognition, keyof RecognitionSplit> = {
  REGISTERED: 'registered',
  TYPICAL: 'typical',
  EXCELLENT: 'excellent',
};

/**
 * Turns the rows of `GROUP BY GROUPING SETS ((), (level), (field),
 * (recognition), (level, recognition), (field, recognition))` into totals and
 * breakdowns, with a zero for every level, field and recognition nobody has.
 */
export function assembleModelCounts(year: number, rows: ModelCountRow[]): ModelCounts {
  const total = EMPTY_SPLIT();
  const byLevel = new Map(UNIT_LEVELS.map((level) => [level, EMPTY_SPLIT()]));
  const byField = new Map(MODEL_FIELDS.map((field) => [field, EMPTY_SPLIT()]));
  for (const row of rows) {
    const count = Number(row.count);
    const levelKey = row.groupedLevel ? null : row.level;
    const fieldKey = row.groupedField ? null : row.field;
    const recognitionKey = row.groupedRecognition ? null : row.recognition;
    const target = levelKey ? byLevel.get(levelKey) : fieldKey ? byField.get(fieldKey) : total;
    if (!target) continue;
    if (recognitionKey) target[SPLIT_KEY[recognitionKey]] += count;
    else target.total += count;
  }
  const counts = {
    year,
    ...total,
    byLevel: UNIT_LEVELS.map((level) => ({ level, ...(byLevel.get(level) as RecognitionSplit) })),
    byField: MODEL_FIELDS.map((field) => ({ field, ...(byField.get(field) as RecognitionSplit) })),
    byRecognition: MODEL_RECOGNITIONS.map((recognition) => ({ recognition, count: total[SPLIT_KEY[recognition]] })),
  };
  return { ...counts, summary: modelCountsSummary(counts) };
}

/** 1432 → "1.432": Vietnamese thousands separator, independent of the server's locale data. */
export function formatCount(n: number): string {
  const digits = String(Math.trunc(Math.abs(n)));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return n < 0 ? `-${grouped}` : grouped;
}

/** "1.432 mô hình "Dân vận khéo" năm 2023, trong đó 106 tiêu biểu, 9 tiêu biểu xuất sắc." */
export function modelCountsSummary(counts: RecognitionSplit & { year: number }): string {
  return `${formatCount(counts.total)} mô hình "Dân vận khéo" năm ${counts.year}, trong đó ${formatCount(counts.typical)} tiêu biểu, ${formatCount(counts.excellent)} tiêu biểu xuất sắc.`;
}

/** `yyyy-MM-dd` → `dd/MM/yyyy`. */
function vnDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}
