/**
 * The vocabulary of awards and "Dân vận khéo" models as the API sends it, with Vietnamese labels. The server
 * keeps it in libs/recognition (domain/recognition-vocabulary.ts) until it moves to @danvan/contracts; this
 * copy holds only what the admin shows and must follow it.
 */
import { UNIT_LEVEL_LABELS, UNIT_LEVELS } from '@danvan/contracts';

export const RECIPIENT_KINDS = ['COLLECTIVE', 'INDIVIDUAL'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];
export const RECIPIENT_KIND_LABELS: Record<RecipientKind, string> = { COLLECTIVE: 'Tập thể', INDIVIDUAL: 'Cá nhân' };

export const AWARD_ENTRY_KINDS = ['TITLE', 'FORM'] as const;
export type AwardEntryKind = (typeof AWARD_ENTRY_KINDS)[number];
export const AWARD_ENTRY_KIND_LABELS: Record<AwardEntryKind, string> = { TITLE: 'Danh hiệu thi đua', FORM: 'Hình thức khen thưởng' };

export const AWARD_RANKS = ['FIRST', 'SECOND', 'THIRD'] as const;
export type AwardRank = (typeof AWARD_RANKS)[number];
export const AWARD_RANK_LABELS: Record<AwardRank, string> = { FIRST: 'Nhất', SECOND: 'Nhì', THIRD: 'Ba' };

export const MODEL_FIELDS = ['ECONOMY', 'CULTURE_SOCIETY', 'DEFENCE_SECURITY', 'POLITICAL_SYSTEM'] as const;
export type ModelField = (typeof MODEL_FIELDS)[number];
export const MODEL_FIELD_LABELS: Record<ModelField, string> = {
  ECONOMY: 'Kinh tế',
  CULTURE_SOCIETY: 'Văn hóa - xã hội',
  DEFENCE_SECURITY: 'Quốc phòng - an ninh',
  POLITICAL_SYSTEM: 'Xây dựng hệ thống chính trị',
};

export const MODEL_RECOGNITIONS = ['REGISTERED', 'TYPICAL', 'EXCELLENT'] as const;
export type ModelRecognition = (typeof MODEL_RECOGNITIONS)[number];
export const MODEL_RECOGNITION_LABELS: Record<ModelRecognition, string> = { REGISTERED: 'Đăng ký', TYPICAL: 'Tiêu biểu', EXCELLENT: 'Tiêu biểu xuất sắc' };

export const MODEL_SORT_FIELDS = ['name', 'firstYear', 'recognition', 'createdAt', 'updatedAt'] as const;
export const AWARD_SORT_FIELDS = ['decidedOn', 'year', 'createdAt'] as const;

const choices = <T extends string>(values: readonly T[], labels: Record<T, string>) => values.map((id) => ({ id, name: labels[id] }));
export const RECIPIENT_KIND_CHOICES = choices(RECIPIENT_KINDS, RECIPIENT_KIND_LABELS);
export const AWARD_RANK_CHOICES = choices(AWARD_RANKS, AWARD_RANK_LABELS);
export const MODEL_FIELD_CHOICES = choices(MODEL_FIELDS, MODEL_FIELD_LABELS);
export const MODEL_RECOGNITION_CHOICES = choices(MODEL_RECOGNITIONS, MODEL_RECOGNITION_LABELS);
export const LEVEL_CHOICES = choices(UNIT_LEVELS, UNIT_LEVEL_LABELS);
