import { Injectable } from '@nestjs/common';
import type { Page } from '@danvan/contracts';
import { equals, fetchPage, pathInScope, type ListQuerySpec, type RequestContext, type SqlParams } from '@danvan/core';
import { Database, managerOf } from '@danvan/database';
import type { AuditEventListOptions, AuditEventView } from '../dto/identity.views.js';

type AuditFilter = { entity?: string; entityId?: string; action?: string; actorId?: string; from?: string; to?: string };

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date is a day in Vietnam (UTC+07:00 all year, no daylight saving): it starts at 00:00 there. */
function startOfDayOrInstant(value: string): string {
  return DATE_ONLY.test(value) ? `${value}T00:00:00+07:00` : value;
}

function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

const AUDIT_LIST: ListQuerySpec<'at', AuditFilter> = {
  from: 'audit_event e',
  select: `e.id::text AS id, e.at, e.actor_type AS "actorType", e.actor_id AS "actorId", e.actor_label AS "actorLabel",
    e.actor_unit_id AS "actorUnitId", e.entity, e.entity_id AS "entityId", e.action, e.changes::text AS changes, e.request_id AS "requestId"`,
  sortColumns: { at: 'e.at' },
  tieBreaker: 'e.id',
  defaultSort: { field: 'at', order: 'desc' },
  filters: {
    entity: equals('e.entity'),
    entityId: equals('e.entity_id'),
    action: equals('e.action'),
    actorId: equals('e.actor_id'),
    from: (value, params) => `e.at >= ${params.add(startOfDayOrInstant(value))}::timestamptz`,
    // A calendar date as `to` is inclusive: the whole day, as people read "đến ngày 31/01/2024".
    to: (value, params) =>
      DATE_ONLY.test(value)
        ? `e.at < ${params.add(startOfDayOrInstant(nextDay(value)))}::timestamptz`
        : `e.at <= ${params.add(value)}::timestamptz`,
  },
};

/** Events a caller may read: all for administrators, else those about records of units in their subtree. */
function auditScope(ctx: RequestContext, params: SqlParams): string | null {
  return pathInScope(ctx, params, 'e.scope_path');
}

/** Reading the audit trail (writing is recordAudit, inside each change's transaction). */
@Injectable()
export class AuditService {
  constructor(private readonly database: Database) {}

  list(ctx: RequestContext, options: AuditEventListOptions): Promise<Page<AuditEventView>> {
    const { page, pageSize, ...filter } = options;
    return fetchPage<AuditEventView, 'at', AuditFilter>(
      managerOf(this.database, ctx),
      AUDIT_LIST,
      { page: page ?? 1, pageSize: pageSize ?? 20, filter },
      (params) => auditScope(ctx, params),
    );
  }
}
