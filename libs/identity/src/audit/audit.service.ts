import { Injectable } from '@nestjs/common';
import type { Page } from '@danvan/contracts';
import type { RequestContext, SqlParams } from '@danvan/core';
import { Database, managerOf } from '@danvan/database';
import type { ListInput } from '@danvan/kit';
import type { AuditEventView } from '../dto/identity.views.js';
import { AUDIT_EVENT_LIST, type AuditEventFilter } from '../identity.lists.js';
import { AUDIT_POLICY } from './audit.policy.js';

/** Events a caller may read (AUDIT_POLICY): all for administrators, else those about records of units in their subtree. */
function auditScope(ctx: RequestContext, params: SqlParams): string | null {
  return AUDIT_POLICY.visibleSql(ctx, params);
}

/** Reading the audit trail (writing is recordAudit, inside each change's transaction). */
@Injectable()
export class AuditService {
  constructor(private readonly database: Database) {}

  list(ctx: RequestContext, request: ListInput<'at', AuditEventFilter>): Promise<Page<AuditEventView>> {
    return AUDIT_EVENT_LIST.fetch<AuditEventView>(managerOf(this.database, ctx), request, (params) => auditScope(ctx, params));
  }
}
