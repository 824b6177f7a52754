export * from './demo-units.js';
export * from './load-demo-data.js';
