export * from './scope-rule.js';
export * from './policy.js';
export * from './allowed-actions.field.js';
