import { Global, Module, type DynamicModule } from '@nestjs/common';
import { Database } from './database.js';

/** Makes the process's open Database injectable everywhere (opened before Nest starts, to migrate first). */
@Global()
@Module({})
export class DatabaseModule {
  static forDatabase(database: Database): DynamicModule {
    return { module: DatabaseModule, providers: [{ provide: Database, useValue: database }], exports: [Database] };
  }
}
