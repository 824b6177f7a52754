/**
 * Emulation (thi đua): movements, blocs, pledges and their criteria sets.
 * Shared by the API (rules) and the admin (forms, previews).
 */

export const MOVEMENT_KINDS = ['REGULAR', 'THEMED'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];
export const MOVEMENT_KIND_LABELS: Record<MovementKind, string> = { REGULAR: 'Thường xuyên', THEMED: 'Theo chuyên đề' };

/**
 * Lifecycle of a pledge (giao ước thi đua). Each step has its rule
 * (see PLEDGE_TRANSITIONS and libs/emulation/src/domain/pledge-lifecycle.ts).
 */
export const PLEDGE_STATUSES = ['DRAFT', 'SIGNED', 'REGISTRATION_OPEN', 'SCORING_OPEN', 'UNDER_REVIEW', 'FINALISED'] as const;
export type PledgeStatus = (typeof PLEDGE_STATUSES)[number];

export const PLEDGE_STATUS_LABELS: Record<PledgeStatus, string> = {
  DRAFT: 'Dự thảo',
  SIGNED: 'Đã ký kết',
  REGISTRATION_OPEN: 'Đang đăng ký chỉ tiêu',
  SCORING_OPEN: 'Đang tự chấm điểm',
  UNDER_REVIEW: 'Đang thẩm định',
  FINALISED: 'Đã tổng kết',
};

/** The only moves a pledge may make, forward one step at a time. */
export const PLEDGE_TRANSITIONS: Record<PledgeStatus, PledgeStatus | null> = {
  DRAFT: 'SIGNED',
  SIGNED: 'REGISTRATION_OPEN',
  REGISTRATION_OPEN: 'SCORING_OPEN',
  SCORING_OPEN: 'UNDER_REVIEW',
  UNDER_REVIEW: 'FINALISED',
  FINALISED: null,
};

/** One scored item: a criterion without sub-criteria, a sub-criterion, a bonus or a deduction item. */
export interface CriterionItem {
  /** Short code unique within the set, e.g. `1.2`, `1.2.a`, `T1`, `TR1`. */
  code: string;
  title: string;
  maxScore: number;
}

export interface Criterion extends CriterionItem {
  /** When present, the criterion is scored through these; its maxScore is their sum. */
  subCriteria?: CriterionItem[];
}

export interface CriteriaGroup {
  code: string;
  title: string;
  criteria: Criterion[];
}

/** A classification band: a total at or above `minScore` earns `name` (the highest band that fits). */
export interface ClassificationBand {
  name: string;
  minScore: number;
}

/** The scoring rules adopted with a pledge (bảng tiêu chí chấm điểm). */
export interface CriteriaSetContent {
  groups: CriteriaGroup[];
  bonusItems: CriterionItem[];
  /** Most bonus points one unit can get in all (cộng tối đa). */
  bonusCap: number;
  deductionItems: CriterionItem[];
  /** Most points one unit can lose in all (trừ tối đa). */
  deductionCap: number;
  /** Thresholds of xuất sắc / tốt / khá / chưa đạt …, stored with the pledge, never in code. */
  bands: ClassificationBand[];
}

export const CRITERIA_LIMITS = {
  groupsMax: 30,
  criteriaPerGroupMax: 50,
  subCriteriaMax: 20,
  itemsMax: 150,
  maxScore: 1000,
  codeMaxLength: 16,
  titleMaxLength: 500,
  bandsMax: 10,
} as const;

/** A unit's score sheet: with the unit (draft, returned), with the reviewers (submitted), done (accepted). */
export const SCORE_SHEET_STATUSES = ['DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED'] as const;
export type ScoreSheetStatus = (typeof SCORE_SHEET_STATUSES)[number];

export const SCORE_SHEET_STATUS_LABELS: Record<ScoreSheetStatus, string> = {
  DRAFT: 'Đang tự chấm',
  SUBMITTED: 'Đã nộp, đang thẩm định',
  RETURNED: 'Bị trả lại',
  ACCEPTED: 'Đã thẩm định xong',
};

/** The review chain a submitted sheet goes up, step 1 first; accepted at the last step, it is done. */
export const REVIEW_STEPS = [
  { step: 1, label: 'Chuyên viên cơ quan thường trực' },
  { step: 2, label: 'Lãnh đạo cơ quan thường trực' },
  { step: 3, label: 'Khối thi đua' },
] as const;

/** Evidence files: what may be uploaded, and how big. */
export const EVIDENCE_LIMITS = {
  maxBytes: 10 * 1024 * 1024,
  contentTypes: {
    'application/pdf': 'PDF',
    'image/jpeg': 'Ảnh JPEG',
    'image/png': 'Ảnh PNG',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (.docx)',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel (.xlsx)',
  } as Record<string, string>,
  perItemMax: 5,
} as const;

/** How ties in a ranking are broken (shown with the ranking; RANKING_SQL in libs/emulation/src/scoring/score-sheet.repository.ts follows it). */
export const RANKING_TIE_RULE =
  'Xếp theo tổng điểm giảm dần; bằng điểm thì đơn vị bị trừ ít điểm hơn xếp trên; vẫn bằng thì đơn vị có điểm tiêu chí (trước cộng, trừ) cao hơn xếp trên; vẫn bằng thì đồng hạng.';

/**
 * What a ranking shows before the pledge is finalised. A draft or returned sheet
 * is still with its unit, so only submitted sheets are ranked; and results are
 * published at finalisation, so a member unit sees only its own row, unranked.
 */
export const RANKING_NOTES = {
  final: 'Kết quả chính thức: giao ước đã tổng kết.',
  provisionalReviewer:
    'Tạm tính: chỉ xếp hạng các bảng điểm đã nộp (bảng nháp, bảng bị trả lại chưa được tính); điểm thẩm định thay điểm tự chấm khi đã có.',
  provisionalMember: 'Tạm tính: kết quả xếp hạng của khối được công bố khi giao ước tổng kết; trước đó đơn vị chỉ thấy điểm của mình.',
} as const;

export const BLOC_LIMITS = {
  /** Members of one bloc (and so signatories, sheets and ranking rows of its pledge). */
  membersMax: 200,
} as const;
