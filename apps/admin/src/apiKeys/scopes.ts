import { API_KEY_SCOPES, PERMISSION_LABELS, type ApiKeyScope } from '@danvan/contracts';

/** Checkbox choices of the scopes a key may get: those the signed-in account holds (the server refuses others). */
export const scopeChoices = (permissions: readonly string[]) =>
  API_KEY_SCOPES.filter((scope) => permissions.includes(scope)).map((id) => ({ id, name: PERMISSION_LABELS[id] }));

export const scopeLabel = (scope: string): string =>
  Object.hasOwn(PERMISSION_LABELS, scope) ? PERMISSION_LABELS[scope as ApiKeyScope] : scope;
