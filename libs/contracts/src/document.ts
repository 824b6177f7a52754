/**
 * Legal and Party documents (văn bản) as they are cited: by number. Shared by
 * the API (validation, storage of the parsed parts) and the admin (preview).
 *
 * Shapes (domain.md, "Legal document reference"):
 * - Party:  `<số>-<loại>/<cơ quan>`, e.g. `151-KH/BDVTU`, `25-NQ/TW`; a joint
 *   document lists its issuers, the lead first: `02-CTr/BDVTU-BCHQST-CAT-BCHBPT`.
 * - State:  `<số>[/<năm>]/<loại>-<cơ quan>`, e.g. `708/QĐ-BNV`, `98/2023/NĐ-CP`,
 *   `19/2025/QĐ-TTg`, `04/2021/TT-BNV`.
 * - Law:    `<số>/<năm>/QH<khóa>`, e.g. `06/2022/QH15`.
 */

export const DOCUMENT_FORMS = ['PARTY', 'STATE', 'LAW'] as const;
export type DocumentForm = (typeof DOCUMENT_FORMS)[number];
export const DOCUMENT_FORM_LABELS: Record<DocumentForm, string> = { PARTY: 'Văn bản của Đảng', STATE: 'Văn bản nhà nước', LAW: 'Luật' };

/** Document types of Party documents (Hướng dẫn 36-HD/VPTW), by their abbreviation in a number. */
export const PARTY_DOCUMENT_TYPES = {
  NQ: 'Nghị quyết',
  CT: 'Chỉ thị',
  KL: 'Kết luận',
  KH: 'Kế hoạch',
  CTr: 'Chương trình',
  QĐ: 'Quyết định',
  QĐi: 'Quy định',
  QC: 'Quy chế',
  HD: 'Hướng dẫn',
  TB: 'Thông báo',
  BC: 'Báo cáo',
  TTr: 'Tờ trình',
  ĐA: 'Đề án',
  TT: 'Thông tri',
  CV: 'Công văn',
} as const satisfies Record<string, string>;

/** Types of state legal documents by their abbreviation (Nghị định 30/2020/NĐ-CP). */
export const STATE_DOCUMENT_TYPES = {
  NĐ: 'Nghị định',
  QĐ: 'Quyết định',
  TT: 'Thông tư',
  TTLT: 'Thông tư liên tịch',
  NQ: 'Nghị quyết',
  CT: 'Chỉ thị',
  KH: 'Kế hoạch',
  HD: 'Hướng dẫn',
  TB: 'Thông báo',
  BC: 'Báo cáo',
  QC: 'Quy chế',
  CV: 'Công văn',
} as const satisfies Record<string, string>;

export const DOCUMENT_LIMITS = {
  numberMaxLength: 80,
  titleMaxLength: 500,
  issuersMax: 8,
} as const;

/** The parts of a well-formed document number. */
export interface DocumentNumber {
  /** The number as it should be written (spaces removed). */
  canonical: string;
  form: DocumentForm;
  /** The sequence number as written (leading zeros kept: `02`). */
  sequence: string;
  /** Type abbreviation (`KH`, `CTr`, `QĐ` …); `Luật` for a law. */
  type: string;
  /** The type in words (`Kế hoạch`). */
  typeName: string;
  /** Issuing bodies, the lead first (`BDVTU`, `BCHQST` …). */
  issuers: string[];
  /** Year written in a state or law number (`98/2023/NĐ-CP` → 2023), else null. */
  year: number | null;
}

export type DocumentNumberResult = { ok: true; value: DocumentNumber } | { ok: false; message: string };

/** An issuer: upper-case letters (Vietnamese Đ included) and digits, mixed case allowed after the first letter (`TTg`). */
const ISSUER = '[A-ZĐ][A-Za-zĐđ0-9]*';
const PARTY = new RegExp(`^(\\d{1,4})-([A-Za-zĐđ]{2,5})/(${ISSUER}(?:-${ISSUER})*)$`, 'u');
const STATE = new RegExp(`^(\\d{1,5})(?:/(\\d{4}))?/([A-Za-zĐđ]{2,5})-(${ISSUER}(?:-${ISSUER})*)$`, 'u');
const LAW = /^(\d{1,3})\/(\d{4})\/(QH\d{1,2})$/u;

const EXPECTED =
  'Số văn bản phải có dạng "151-KH/BDVTU" (văn bản của Đảng), "708/QĐ-BNV" hoặc "98/2023/NĐ-CP" (văn bản nhà nước), "06/2022/QH15" (luật).';

function lookup<T extends Record<string, string>>(types: T, written: string): string | undefined {
  return (types as Record<string, string>)[written];
}

function checkYear(year: number): string | null {
  return year < 1945 || year > 2100 ? `Năm ${year} trong số văn bản không hợp lệ.` : null;
}

function checkIssuers(issuers: string[]): string | null {
  if (issuers.length > DOCUMENT_LIMITS.issuersMax) return `Một văn bản liên tịch có tối đa ${DOCUMENT_LIMITS.issuersMax} cơ quan ban hành.`;
  if (new Set(issuers).size !== issuers.length) return 'Một cơ quan ban hành được ghi hai lần trong số văn bản.';
  return null;
}

/** Parses and validates a document number; the message says what is wrong, in Vietnamese. */
export function parseDocumentNumber(input: string): DocumentNumberResult {
  const text = input.normalize('NFC').replace(/\s+/g, '');
  if (!text) return { ok: false, message: 'Số văn bản không được để trống.' };
  if (text.length > DOCUMENT_LIMITS.numberMaxLength)
    return { ok: false, message: `Số văn bản không được dài quá ${DOCUMENT_LIMITS.numberMaxLength} ký tự.` };

  const law = LAW.exec(text);
  if (law) {
    const year = Number(law[2]);
    const bad = checkYear(year);
    if (bad) return { ok: false, message: bad };
    return { ok: true, value: { canonical: text, form: 'LAW', sequence: law[1], type: 'Luật', typeName: 'Luật', issuers: [law[3]], year } };
  }
  const party = PARTY.exec(text);
  if (party) {
    const typeName = lookup(PARTY_DOCUMENT_TYPES, party[2]);
    if (!typeName) {
      return {
        ok: false,
        message: `"${party[2]}" không phải loại văn bản của Đảng (dùng: ${Object.keys(PARTY_DOCUMENT_TYPES).join(', ')}).`,
      };
    }
    const issuers = party[3].split('-');
    const badIssuers = checkIssuers(issuers);
    if (badIssuers) return { ok: false, message: badIssuers };
    return { ok: true, value: { canonical: text, form: 'PARTY', sequence: party[1], type: party[2], typeName, issuers, year: null } };
  }
  const state = STATE.exec(text);
  if (state) {
    const typeName = lookup(STATE_DOCUMENT_TYPES, state[3]);
    if (!typeName) {
      return {
        ok: false,
        message: `"${state[3]}" không phải loại văn bản nhà nước (dùng: ${Object.keys(STATE_DOCUMENT_TYPES).join(', ')}).`,
      };
    }
    const year = state[2] ? Number(state[2]) : null;
    const bad = year === null ? null : checkYear(year);
    if (bad) return { ok: false, message: bad };
    const issuers = state[4].split('-');
    const badIssuers = checkIssuers(issuers);
    if (badIssuers) return { ok: false, message: badIssuers };
    return { ok: true, value: { canonical: text, form: 'STATE', sequence: state[1], type: state[3], typeName, issuers, year } };
  }
  if (/^\d+$/.test(text)) return { ok: false, message: `Số văn bản thiếu loại và cơ quan ban hành. ${EXPECTED}` };
  if (!/^\d/.test(text)) return { ok: false, message: `Số văn bản phải bắt đầu bằng số thứ tự. ${EXPECTED}` };
  return { ok: false, message: EXPECTED };
}

/** Fields a document list may be sorted by. */
export const DOCUMENT_SORT_FIELDS = ['number', 'issuedOn', 'title', 'createdAt'] as const;
export type DocumentSortField = (typeof DOCUMENT_SORT_FIELDS)[number];

/** A registered document as REST returns it. */
export interface DocumentDto {
  id: string;
  number: string;
  form: DocumentForm;
  type: string;
  typeName: string;
  issuers: string[];
  /** yyyy-MM-dd */
  issuedOn: string;
  title: string;
  /** The unit that registered it (edits stay with that unit's subtree). */
  ownerUnitId: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** What the caller may do to the document now (DOCUMENT_POLICY): `update`, `delete`. */
  allowedActions: string[];
}
