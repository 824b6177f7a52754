export * from './job-runner.js';
export * from './jobs.module.js';
export * from './migrations/1764000000700-create-job.js';
export * from './migrations/1764000000930-job-lease.js';
