import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PublicEndpoint } from '@danvan/core';
import { Database } from '@danvan/database';

/** Liveness and readiness for load balancers and compose health checks. */
@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(private readonly database: Database) {}

  @Get()
  @PublicEndpoint('load balancers and orchestrators probe it without credentials; it reveals no data')
  @ApiOperation({ summary: 'Checks that the process answers and the database responds' })
  @ApiOkResponse({ schema: { example: { status: 'ok', database: 'ok', databaseKind: 'embedded' } } })
  @ApiServiceUnavailableResponse({ schema: { example: { status: 'error', database: 'unreachable' } } })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<Record<string, string>> {
    try {
      await this.database.ping();
      return { status: 'ok', database: 'ok', databaseKind: this.database.kind };
    } catch {
      void reply.status(503);
      return { status: 'error', database: 'unreachable', databaseKind: this.database.kind };
    }
  }
}
