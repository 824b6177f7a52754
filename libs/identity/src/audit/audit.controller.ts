import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page } from '@danvan/contracts';
import { Ctx, RequestContext, RequirePermission } from '@danvan/core';
import { AuditEventView } from '../dto/identity.views.js';
import { AUDIT_EVENT_LIST, AuditEventListQuery } from '../identity.lists.js';
import { AuditService } from './audit.service.js';
import { AUDIT_POLICY } from './audit.policy.js';

type RestAuditEventList = Omit<Page<AuditEventView>, 'items'> & {
  items: Array<Omit<AuditEventView, 'changes'> & { changes: Record<string, { before: unknown; after: unknown }> }>;
};

/** The audit trail for integrators' and auditors' tools; read-only by design (there is no write route). */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/audit-events')
export class AuditController {
  constructor(private readonly auditTrail: AuditService) {}

  @Get()
  @RequirePermission(AUDIT_POLICY.readPermission)
  @ApiOperation({ summary: 'Audit events, newest first, within the caller’s scope (filters: entity, entityId, action, actorId, from, to)' })
  @ApiOkResponse({ type: AUDIT_EVENT_LIST.page(AuditEventView) })
  async list(@Ctx() ctx: RequestContext, @Query() query: AuditEventListQuery): Promise<RestAuditEventList> {
    const page = await this.auditTrail.list(ctx, AUDIT_EVENT_LIST.fromRest(query));
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
