import {
  CRITERIA_LIMITS,
  maximumTotal,
  scorableItems,
  type CriteriaSetContent,
  type CriterionItem,
  type FieldError,
} from '@danvan/contracts';

/** Points are given in steps of a hundredth at most (numeric(7,2) in the database). */
function isScore(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.round(value * 100) === value * 100;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Checks a criteria set is usable: codes unique, scores positive and bounded,
 * a criterion's maximum equal to the sum of its sub-criteria, caps within what
 * the items can give, bands distinct and reachable. Returns field errors (empty: valid).
 */
export function checkCriteriaSet(set: CriteriaSetContent): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: string, code: string, message: string) => errors.push({ field, code, message });
  const codes = new Map<string, string>();
  const code = (field: string, value: string) => {
    if (!value || value.length > CRITERIA_LIMITS.codeMaxLength)
      add(field, 'code', `Mã tiêu chí phải có từ 1 đến ${CRITERIA_LIMITS.codeMaxLength} ký tự.`);
    else if (codes.has(value)) add(field, 'duplicate', `Mã "${value}" đã dùng ở ${codes.get(value)}.`);
    else codes.set(value, field);
  };
  const item = (field: string, it: CriterionItem) => {
    code(`${field}.code`, it.code);
    if (!it.title?.trim()) add(`${field}.title`, 'required', 'Tên tiêu chí không được để trống.');
    if (!isScore(it.maxScore) || it.maxScore <= 0 || it.maxScore > CRITERIA_LIMITS.maxScore) {
      add(`${field}.maxScore`, 'range', `Điểm tối đa phải lớn hơn 0, không quá ${CRITERIA_LIMITS.maxScore}, tối đa 2 chữ số thập phân.`);
    }
  };

  if (!set.groups.length) add('groups', 'required', 'Bảng tiêu chí cần ít nhất một nhóm tiêu chí.');
  set.groups.forEach((group, g) => {
    code(`groups[${g}].code`, group.code);
    if (!group.title?.trim()) add(`groups[${g}].title`, 'required', 'Tên nhóm tiêu chí không được để trống.');
    if (!group.criteria.length) add(`groups[${g}].criteria`, 'required', `Nhóm "${group.title}" chưa có tiêu chí nào.`);
    group.criteria.forEach((criterion, c) => {
      const field = `groups[${g}].criteria[${c}]`;
      item(field, criterion);
      const subs = criterion.subCriteria ?? [];
      subs.forEach((sub, s) => item(`${field}.subCriteria[${s}]`, sub));
      if (subs.length) {
        const sum = round2(subs.reduce((total, sub) => total + (isScore(sub.maxScore) ? sub.maxScore : 0), 0));
        if (isScore(criterion.maxScore) && sum !== criterion.maxScore) {
          add(
            `${field}.maxScore`,
            'sum',
            `Điểm tối đa của tiêu chí ${criterion.code} (${criterion.maxScore}) phải bằng tổng điểm các tiêu chí thành phần (${sum}).`,
          );
        }
      }
    });
  });
  set.bonusItems.forEach((it, i) => item(`bonusItems[${i}]`, it));
  set.deductionItems.forEach((it, i) => item(`deductionItems[${i}]`, it));
  if (!isScore(set.bonusCap) || set.bonusCap < 0) add('bonusCap', 'range', 'Mức cộng điểm tối đa phải từ 0 trở lên.');
  if (!isScore(set.deductionCap) || set.deductionCap < 0) add('deductionCap', 'range', 'Mức trừ điểm tối đa phải từ 0 trở lên.');
  if (set.bonusCap > 0 && !set.bonusItems.length) add('bonusCap', 'noItems', 'Có mức cộng điểm nhưng chưa có khoản cộng điểm nào.');
  if (set.deductionCap > 0 && !set.deductionItems.length)
    add('deductionCap', 'noItems', 'Có mức trừ điểm nhưng chưa có khoản trừ điểm nào.');
  if (scorableItems(set).length > CRITERIA_LIMITS.itemsMax)
    add('groups', 'tooMany', `Bảng tiêu chí có tối đa ${CRITERIA_LIMITS.itemsMax} dòng chấm điểm.`);

  const top = maximumTotal(set);
  const names = new Set<string>();
  set.bands.forEach((band, b) => {
    if (!band.name?.trim()) add(`bands[${b}].name`, 'required', 'Tên mức xếp loại không được để trống.');
    else if (names.has(band.name.trim())) add(`bands[${b}].name`, 'duplicate', `Mức xếp loại "${band.name}" bị trùng.`);
    names.add(band.name?.trim());
    if (!isScore(band.minScore) || band.minScore < 0 || band.minScore > top) {
      add(`bands[${b}].minScore`, 'range', `Ngưỡng điểm của mức "${band.name}" phải từ 0 đến ${top} (tổng điểm tối đa).`);
    }
    if (b > 0 && band.minScore >= set.bands[b - 1].minScore) {
      add(`bands[${b}].minScore`, 'order', 'Các mức xếp loại phải xếp từ cao xuống thấp, ngưỡng điểm giảm dần.');
    }
  });
  return errors;
}

/** The band a total falls in: the first (highest) whose threshold it reaches, or null. */
export function classify(bands: CriteriaSetContent['bands'], total: number): string | null {
  return bands.find((band) => total >= band.minScore)?.name ?? null;
}
