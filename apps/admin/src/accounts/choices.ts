import { ROLE_LABELS, ROLES, type Role } from '@danvan/contracts';

/** SelectInput/SelectField choices with the contract's Vietnamese labels (use with translateChoice={false}). */
export const ROLE_CHOICES = ROLES.map((id) => ({ id, name: ROLE_LABELS[id] }));

/** The roles `role` may grant: only administrators make administrators (the server refuses it otherwise). */
export const assignableRoleChoices = (role: Role | undefined) => ROLE_CHOICES.filter((choice) => choice.id !== 'ADMIN' || role === 'ADMIN');
