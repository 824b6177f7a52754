/**
 * The capability kit: what every resource declares itself with (lists, audit, versioned
 * writes, access policies, lifecycles), built on the mechanisms of @danvan/core and
 * @danvan/database. See docs/architecture.md, "The capability kit".
 */
export * from './policy/index.js';
export * from './lifecycle/index.js';
export * from './lists/define-list.js';
export * from './lists/list-filters.js';
export * from './versioned-writes/expected-version.js';
export * from './versioned-writes/versioned-rest.js';
export * from './exports/workbook-answer.js';
export * from './audit/define-audit.js';
export * from './views/versioned-record.view.js';
