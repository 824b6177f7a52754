export * from './app.module.js';
export * from './create-app.js';
export * from './migrations.js';
export * from './api-schemas.js';
export * from './endpoint-inventory.js';
export * from './demo.js';
