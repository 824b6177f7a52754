export * from './factories.js';
export * from './test-database.js';
export * from './test-server.js';
export * from './fixtures.js';
