/** Choices for the award and model screens, labelled from the shared vocabulary in @danvan/contracts (use with translateChoice={false}). */
import {
  AWARD_RANK_LABELS,
  AWARD_RANKS,
  MODEL_FIELD_LABELS,
  MODEL_FIELDS,
  MODEL_RECOGNITION_LABELS,
  MODEL_RECOGNITIONS,
  RECIPIENT_KIND_LABELS,
  RECIPIENT_KINDS,
  UNIT_LEVEL_LABELS,
  UNIT_LEVELS,
} from '@danvan/contracts';

const choices = <T extends string>(values: readonly T[], labels: Record<T, string>) => values.map((id) => ({ id, name: labels[id] }));
export const RECIPIENT_KIND_CHOICES = choices(RECIPIENT_KINDS, RECIPIENT_KIND_LABELS);
export const AWARD_RANK_CHOICES = choices(AWARD_RANKS, AWARD_RANK_LABELS);
export const MODEL_FIELD_CHOICES = choices(MODEL_FIELDS, MODEL_FIELD_LABELS);
export const MODEL_RECOGNITION_CHOICES = choices(MODEL_RECOGNITIONS, MODEL_RECOGNITION_LABELS);
export const LEVEL_CHOICES = choices(UNIT_LEVELS, UNIT_LEVEL_LABELS);
