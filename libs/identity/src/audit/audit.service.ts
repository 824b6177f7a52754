import { Injectable } from '@nestjs/common';
import type { Page } from '@danvan/contracts';
import { pathInScope, type RequestContext, type SqlParams } from '@danvan/core';
import { Database, managerOf } from '@danvan/database';
import type { ListInput } from '@danvan/kit';
import type { AuditEventView } from '../dto/identity.views.js';
import { AUDIT_EVENT_LIST, type AuditEventFilter } from '../identity.lists.js';

/** Events a caller may read: all for administrators, else those about records of units in their subtree. */
function auditScope(ctx: RequestContext, params: SqlParams): string | null {
  return pathInScope(ctx, params, 'e.scope_path');
}

/** Reading the audit trail (writing is recordAudit, inside each change's transaction). */
@Injectable()
export class AuditService {
  constructor(private readonly database: Database) {}

  list(ctx: RequestContext, request: ListInput<'at', AuditEventFilter>): Promise<Page<AuditEventView>> {
    return AUDIT_EVENT_LIST.fetch<AuditEventView>(managerOf(this.database, ctx), request, (params) => auditScope(ctx, params));
  }
}
