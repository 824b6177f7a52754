export * from './document-links.js';
export * from './document.service.js';
export * from './documents.module.js';
export * from './dto/document-list.options.js';
export * from './dto/document.inputs.js';
export * from './dto/document.view.js';
export * from './migrations/1764000000300-create-document.js';
export * from './rest/documents.controller.js';
