export * from './errors.js';
export * from './list.js';
export * from './unit.js';
export * from './identity.js';
export * from './document.js';
export * from './emulation.js';
export * from './recognition.js';
export * from './api-limits.js';
