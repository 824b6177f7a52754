import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext, RequirePermission } from '@danvan/core';
import { AuditEventList, AuditEventListOptions } from '../dto/identity.views.js';
import { AuditService } from './audit.service.js';

/** The audit trail for integrators' and auditors' tools; read-only by design (there is no write route). */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/audit-events')
export class AuditController {
  constructor(private readonly auditTrail: AuditService) {}

  @Get()
  @RequirePermission('audit:read')
  @ApiOperation({ summary: 'Audit events, newest first, within the caller’s scope (filters: entity, entityId, action, actorId, from, to)' })
  @ApiOkResponse({ type: AuditEventList })
  list(@Ctx() ctx: RequestContext, @Query() options: AuditEventListOptions): Promise<AuditEventList> {
    return this.auditTrail.list(ctx, options);
  }
}
