import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import type { GraphQLFormattedError } from 'graphql';
import {
  AppConfigModule,
  AppExceptionFilter,
  createValidationPipe,
  DataLoaders,
  GRAPHQL_LIMITS,
  graphqlLimitRules,
  hideSuggestionsPlugin,
  queryCostPlugin,
  IsoDateTimeScalar,
  type AppConfig,
  type GraphQLRequestContext,
} from '@danvan/core';
import { Database, DatabaseModule } from '@danvan/database';
import { DocumentsModule } from '@danvan/documents';
import { EmulationModule, PledgeOutcomesModule } from '@danvan/emulation';
import { AccessGuard, IdempotencyInterceptor, IdentityModule } from '@danvan/identity';
import { JobsModule } from '@danvan/jobs';
import { RecognitionModule } from '@danvan/recognition';
import { UnitsModule } from '@danvan/units';
import { HealthController } from './health/health.controller.js';

/**
 * Last line of defence for GraphQL errors: anything not already mapped by
 * AppExceptionFilter (which sets `reason`) loses its internal message.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const extensions = { ...(formatted.extensions ?? {}) };
  delete extensions.stacktrace;
  if (extensions.code === 'INTERNAL_SERVER_ERROR' && !extensions.reason) {
    return { message: 'Đã có lỗi hệ thống. Vui lòng thử lại sau.', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  }
  return { ...formatted, extensions };
}

/** The API: one Nest module tree for REST and GraphQL, over the Database opened by the caller. */
@Module({})
export class AppModule {
  static register(config: AppConfig, database: Database): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forConfig(config),
        DatabaseModule.forDatabase(database),
        JobsModule,
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          // Date fields are read by the strict DateTime scalar (real calendar dates only), not Nest's.
          buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: IsoDateTimeScalar }] },
          // Off in production unless configured: reporting tools read docs/api/schema.graphql instead.
          introspection: config.graphqlIntrospection,
          graphiql: !config.production,
          allowBatchedHttpRequests: false,
          parseOptions: { maxTokens: GRAPHQL_LIMITS.maxTokens },
          validationRules: graphqlLimitRules(GRAPHQL_LIMITS),
          // The cost needs the variables' values: priced once the operation is resolved, before it runs.
          // Without introspection, "Did you mean …" suggestions would disclose the schema name by name.
          plugins: [queryCostPlugin(GRAPHQL_LIMITS.maxCost), ...(config.graphqlIntrospection ? [] : [hideSuggestionsPlugin()])],
          includeStacktraceInErrorResponses: false,
          // Field resolvers (parent, children …) get the same filters, guards and interceptors as operations.
          fieldResolverEnhancers: ['guards', 'interceptors', 'filters'],
          context: (request: FastifyRequest): GraphQLRequestContext => ({ req: request, loaders: new DataLoaders() }),
          formatError: formatGraphQLError,
        }),
        IdentityModule,
        UnitsModule,
        DocumentsModule,
        EmulationModule,
        PledgeOutcomesModule,
        RecognitionModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_FILTER, useClass: AppExceptionFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_GUARD, useExisting: AccessGuard },
        { provide: APP_INTERCEPTOR, useExisting: IdempotencyInterceptor },
      ],
    };
  }
}
