import { registerEnumType } from '@nestjs/graphql';
import { describedBy } from '@danvan/core';
import {
  AWARD_ENTRY_KIND_LABELS,
  AWARD_RANK_LABELS,
  AWARD_TITLE_RECIPIENTS_LABELS,
  MODEL_FIELD_LABELS,
  MODEL_RECOGNITION_LABELS,
  RECIPIENT_KIND_LABELS,
  AWARD_ENTRY_KINDS,
  AWARD_RANKS,
  AWARD_TITLE_RECIPIENTS,
  MODEL_FIELDS,
  MODEL_RECOGNITIONS,
  RECIPIENT_KINDS,
} from '@danvan/contracts';

function enumObject<T extends string>(values: readonly T[]): Record<T, T> {
  return Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;
}

/** GraphQL enums of recognition; values are the strings REST and the database use. */
export const AwardEntryKindEnum = enumObject(AWARD_ENTRY_KINDS);
export const RecipientKindEnum = enumObject(RECIPIENT_KINDS);
export const AwardTitleRecipientsEnum = enumObject(AWARD_TITLE_RECIPIENTS);
export const AwardRankEnum = enumObject(AWARD_RANKS);
export const ModelFieldEnum = enumObject(MODEL_FIELDS);
export const ModelRecognitionEnum = enumObject(MODEL_RECOGNITIONS);

registerEnumType(AwardEntryKindEnum, {
  name: 'AwardEntryKind',
  description: 'Danh hiệu thi đua (TITLE) hoặc hình thức khen thưởng (FORM).',
  valuesMap: describedBy(AWARD_ENTRY_KIND_LABELS),
});
registerEnumType(RecipientKindEnum, {
  name: 'RecipientKind',
  description: 'Tập thể (một đơn vị) hoặc cá nhân (người có tên, chức vụ, đơn vị).',
  valuesMap: describedBy(RECIPIENT_KIND_LABELS),
});
registerEnumType(AwardTitleRecipientsEnum, {
  name: 'AwardTitleRecipients',
  description: 'Dành cho tập thể, cá nhân hoặc cả hai.',
  valuesMap: describedBy(AWARD_TITLE_RECIPIENTS_LABELS),
});
registerEnumType(AwardRankEnum, {
  name: 'AwardRank',
  description: 'Hạng: nhất, nhì, ba (cờ thi đua).',
  valuesMap: describedBy(AWARD_RANK_LABELS, (label) => `Hạng ${label}`),
});
registerEnumType(ModelFieldEnum, {
  name: 'ModelField',
  description: 'Lĩnh vực: kinh tế, văn hóa - xã hội, quốc phòng - an ninh, xây dựng hệ thống chính trị.',
  valuesMap: describedBy(MODEL_FIELD_LABELS),
});
registerEnumType(ModelRecognitionEnum, {
  name: 'ModelRecognition',
  description: 'Mức công nhận: đăng ký → tiêu biểu → tiêu biểu xuất sắc.',
  valuesMap: describedBy(MODEL_RECOGNITION_LABELS),
});
