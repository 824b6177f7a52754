import { UNIT_KIND_LABELS, UNIT_KINDS, UNIT_LEVEL_LABELS, UNIT_LEVELS, UNIT_STATUS_LABELS, UNIT_STATUSES } from '@danvan/contracts';

/** SelectInput/SelectField choices with the contract's Vietnamese labels (use with translateChoice={false}). */
export const UNIT_KIND_CHOICES = UNIT_KINDS.map((id) => ({ id, name: UNIT_KIND_LABELS[id] }));
export const UNIT_LEVEL_CHOICES = UNIT_LEVELS.map((id) => ({ id, name: UNIT_LEVEL_LABELS[id] }));
export const UNIT_STATUS_CHOICES = UNIT_STATUSES.map((id) => ({ id, name: UNIT_STATUS_LABELS[id] }));
