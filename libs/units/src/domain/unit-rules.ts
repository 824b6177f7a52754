import type { FieldError, UnitLevel, UnitStatus } from '@danvan/contracts';

/** Rank of a level: a unit may sit under a unit of the same or a higher level only. */
const LEVEL_RANK: Record<UnitLevel, number> = { CENTRAL: 0, PROVINCE: 1, DISTRICT: 2, COMMUNE: 3 };

/** Digits of the GSO administrative-area code at each level (QĐ 19/2025/QĐ-TTg; districts had 3). */
const AREA_CODE_DIGITS: Record<UnitLevel, number | null> = { CENTRAL: null, PROVINCE: 2, DISTRICT: 3, COMMUNE: 5 };

/** The fields the cross-field rules look at, as they will be after the change. */
export interface UnitState {
  id?: string;
  level: UnitLevel;
  adminAreaCode: string | null;
  status: UnitStatus;
  validFrom: string | null;
  validTo: string | null;
  successorIds: string[];
}

/**
 * Cross-field rules of a unit, checked after each field is well-formed. Returns
 * every broken rule (empty when the state is acceptable). Pure: no I/O.
 */
export function checkUnitRules(unit: UnitState): FieldError[] {
  const errors: FieldError[] = [];
  const digits = AREA_CODE_DIGITS[unit.level];
  if (unit.adminAreaCode !== null) {
    if (digits === null) {
      errors.push({ field: 'adminAreaCode', code: 'areaCodeForLevel', message: 'Đơn vị cấp Trung ương không có mã đơn vị hành chính.' });
    } else if (!new RegExp(`^\\d{${digits}}$`).test(unit.adminAreaCode)) {
      errors.push({
        field: 'adminAreaCode',
        code: 'areaCodeForLevel',
        message: `Mã đơn vị hành chính cấp này phải gồm đúng ${digits} chữ số.`,
      });
    }
  }
  if (unit.validFrom && unit.validTo && unit.validFrom > unit.validTo) {
    errors.push({ field: 'validTo', code: 'validityOrder', message: 'Ngày kết thúc hiệu lực phải sau hoặc trùng ngày bắt đầu.' });
  }
  if (unit.status !== 'ACTIVE' && !unit.validTo) {
    errors.push({
      field: 'validTo',
      code: 'endDateRequired',
      message: 'Đơn vị đã hợp nhất hoặc giải thể phải có ngày kết thúc hiệu lực.',
    });
  }
  if (unit.status === 'MERGED' && unit.successorIds.length === 0) {
    errors.push({ field: 'successorIds', code: 'successorRequired', message: 'Đơn vị đã hợp nhất phải chỉ rõ (các) đơn vị kế thừa.' });
  }
  if (unit.status === 'ACTIVE' && unit.successorIds.length > 0) {
    errors.push({ field: 'successorIds', code: 'successorOfActive', message: 'Đơn vị đang hoạt động không có đơn vị kế thừa.' });
  }
  if (unit.id && unit.successorIds.includes(unit.id)) {
    errors.push({ field: 'successorIds', code: 'selfSuccessor', message: 'Đơn vị không thể kế thừa chính nó.' });
  }
  return errors;
}

/** A unit of `childLevel` may be placed under a parent of `parentLevel`. */
export function levelFitsUnder(childLevel: UnitLevel, parentLevel: UnitLevel): boolean {
  return LEVEL_RANK[childLevel] >= LEVEL_RANK[parentLevel];
}
