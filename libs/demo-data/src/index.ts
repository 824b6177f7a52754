export * from './demo-units.js';
export * from './load-demo-data.js';
export * from './demo-emulation.js';
export * from './demo-recognition.js';
