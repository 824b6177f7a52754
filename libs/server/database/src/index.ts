export * from './data-folder-lock.js';
export * from './database.js';
export * from './embedded-postgres.js';
export * from './statement-counter.js';
export * from './transactions.js';
export * from './migrations/1764000000000-search-functions.js';
export * from './migrations/1764000000050-create-data-load.js';
export * from './database.module.js';
