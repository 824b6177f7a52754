import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext, RequirePermission } from '@danvan/core';
import { AuditEventList, AuditEventListOptions, type AuditEventView } from '../dto/identity.views.js';
import { AuditService } from './audit.service.js';

type RestAuditEventList = Omit<AuditEventList, 'items'> & {
  items: Array<Omit<AuditEventView, 'changes'> & { changes: Record<string, { before: unknown; after: unknown }> }>;
};

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
  async list(@Ctx() ctx: RequestContext, @Query() options: AuditEventListOptions): Promise<RestAuditEventList> {
    const page = await this.auditTrail.list(ctx, options);
    // GraphQL carries `changes` as JSON text (no JSON scalar); REST answers it as the object it is.
    return {
      ...page,
      items: page.items.map((event) => ({
        ...event,
        changes: JSON.parse(event.changes) as Record<string, { before: unknown; after: unknown }>,
      })),
    };
  }
}
