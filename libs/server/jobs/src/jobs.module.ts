import { Global, Inject, Module, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@danvan/core';
import { Database } from '@danvan/database';
import { JobRunner } from './job-runner.js';

/**
 * The process's `JobRunner`, injectable everywhere: capability modules `define` their jobs in
 * `onModuleInit`; it starts polling once the application is bootstrapped (after migrations, which
 * run before Nest starts) when `JOBS` is on, and stops when the application closes, before the
 * database is closed.
 */
@Global()
@Module({
  providers: [
    {
      provide: JobRunner,
      inject: [Database, APP_CONFIG],
      useFactory: (database: Database, config: AppConfig) =>
        new JobRunner(database, { pollIntervalMs: config.jobs.pollIntervalMs, concurrency: config.jobs.concurrency }),
    },
  ],
  exports: [JobRunner],
})
export class JobsModule implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(
    private readonly runner: JobRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.jobs.enabled) this.runner.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.runner.stop();
  }
}
