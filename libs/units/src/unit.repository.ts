import { UNIT_POLICY } from './unit.policy.js';
import { Injectable } from '@nestjs/common';
import type { Page, UnitKind, UnitLevel, UnitSortField, UnitStatus } from '@danvan/contracts';
import { rowCount, SqlParams, type Queryable, type RequestContext } from '@danvan/core';
import { Database, managerOf } from '@danvan/database';
import type { UnitLeaderView } from './dto/unit-leader.js';
import { UNIT_COLUMNS, UNIT_LIST, type UnitFilterValues } from './unit.list.js';
import { updateVersioned, type ListInput } from '@danvan/kit';
import type { UnitView } from './dto/unit.view.js';

interface UnitRow {
  id: string;
  code: string;
  name: string;
  short_name: string | null;
  kind: UnitKind;
  level: UnitLevel;
  parent_id: string | null;
  path: string;
  admin_area_code: string | null;
  leaders: UnitLeaderView[];
  status: UnitStatus;
  valid_from: string | null;
  valid_to: string | null;
  successor_ids: string[];
  version: number;
  created_at: Date;
  updated_at: Date;
}

function toView(row: UnitRow): UnitView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    shortName: row.short_name,
    kind: row.kind,
    level: row.level,
    parentId: row.parent_id,
    path: row.path,
    adminAreaCode: row.admin_area_code,
    leaders: row.leaders ?? [],
    status: row.status,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    successorIds: row.successor_ids ?? [],
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The stored fields of a unit, as the service writes them. */
export interface UnitRecord {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  kind: UnitKind;
  level: UnitLevel;
  parentId: string | null;
  path: string;
  adminAreaCode: string | null;
  leaders: UnitLeaderView[];
  status: UnitStatus;
  validFrom: string | null;
  validTo: string | null;
}

/** The written columns of a unit after its id, in the order of the INSERT and UPDATE statements below ($2… and $3…). */
const unitColumnValues = (unit: UnitRecord) => [
  unit.code,
  unit.name,
  unit.shortName,
  unit.kind,
  unit.level,
  unit.parentId,
  unit.path,
  depthOf(unit.path),
  unit.adminAreaCode,
  JSON.stringify(unit.leaders),
  unit.status,
  unit.validFrom,
  unit.validTo,
];

/**
 * The caller's row scope on units: their unit's subtree, as a range of the
 * "C"-collated path (null when unrestricted). Everything outside is invisible:
 * reads miss it (404), writes cannot reach it.
 */
export function unitScope(ctx: RequestContext, params: SqlParams): string | null {
  return UNIT_POLICY.visibleSql(ctx, params);
}

/** SQL of the unit register. Every method takes the request context: its transaction and its caller's scope. */
@Injectable()
export class UnitRepository {
  constructor(private readonly database: Database) {}

  private db(ctx: RequestContext): Queryable {
    return managerOf(this.database, ctx);
  }

  /** Units matching `condition` (SQL over alias u, parameters from `params`) within the caller's scope. */
  private async rows(ctx: RequestContext, condition: (params: SqlParams) => string, suffix = ''): Promise<UnitView[]> {
    const params = new SqlParams();
    const where = [condition(params), unitScope(ctx, params)].filter(Boolean).join(' AND ');
    return ((await this.db(ctx).query(`SELECT ${UNIT_COLUMNS} FROM unit u WHERE ${where}${suffix}`, params.values)) as UnitRow[]).map(
      toView,
    );
  }

  async findById(ctx: RequestContext, id: string, lock = false): Promise<UnitView | undefined> {
    const [unit] = await this.rows(ctx, (p) => `u.id = ${p.add(id)}`, lock ? ' FOR UPDATE OF u' : '');
    return unit;
  }

  async findByIds(ctx: RequestContext, ids: readonly string[]): Promise<UnitView[]> {
    if (!ids.length) return [];
    return this.rows(ctx, (p) => `u.id = ANY(${p.add(ids)})`);
  }

  async findByCode(ctx: RequestContext, code: string): Promise<UnitView | undefined> {
    const [unit] = await this.rows(ctx, (p) => `u.code = ${p.add(code)}`);
    return unit;
  }

  /** Children of many parents in one statement, at most `limit` per parent, by name. */
  async findChildren(ctx: RequestContext, parentIds: readonly string[], limit: number): Promise<UnitView[]> {
    if (!parentIds.length) return [];
    const params = new SqlParams();
    const where = [`u.parent_id = ANY(${params.add(parentIds)})`, unitScope(ctx, params)].filter(Boolean).join(' AND ');
    const rows = (await this.db(ctx).query(
      `SELECT * FROM (
         SELECT ${UNIT_COLUMNS}, row_number() OVER (PARTITION BY u.parent_id ORDER BY u.name, u.id) AS position
         FROM unit u WHERE ${where}
       ) c WHERE c.position <= ${params.add(limit)} ORDER BY c.name, c.id`,
      params.values,
    )) as UnitRow[];
    return rows.map(toView);
  }

  async list(ctx: RequestContext, request: ListInput<UnitSortField, UnitFilterValues>): Promise<Page<UnitView>> {
    const page = await UNIT_LIST.fetch<UnitRow>(this.db(ctx), request, (params) => unitScope(ctx, params), ctx);
    return { ...page, items: page.items.map(toView) };
  }

  /** Serialises changes of the tree's shape (create under a parent, move, delete) for the current transaction. */
  async lockTree(ctx: RequestContext): Promise<void> {
    await this.db(ctx).query(`SELECT pg_advisory_xact_lock(hashtext('danvan:unit-tree'))`);
  }

  async insert(ctx: RequestContext, unit: UnitRecord): Promise<void> {
    await this.db(ctx).query(
      `INSERT INTO unit (id, code, name, short_name, kind, level, parent_id, path, depth, admin_area_code, leaders, status, valid_from, valid_to)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12, $13, $14)`,
      [unit.id, ...unitColumnValues(unit)],
    );
  }

  /** Writes a unit only if it still has `expectedVersion`, bumping the version; versionConflict (with the current version) otherwise. */
  async updateIfVersion(ctx: RequestContext, unit: UnitRecord, expectedVersion: number): Promise<void> {
    await updateVersioned(this.db(ctx), {
      table: 'unit',
      id: unit.id,
      expectedVersion,
      entityLabel: 'đơn vị',
      set: `code = $3, name = $4, short_name = $5, kind = $6, level = $7, parent_id = $8, path = $9,
         depth = $10, admin_area_code = $11, leaders = $12::jsonb, status = $13, valid_from = $14, valid_to = $15`,
      values: unitColumnValues(unit),
    });
  }

  /** Rewrites the paths below a moved unit (its own row is written by updateIfVersion). */
  async movePathsBelow(ctx: RequestContext, oldPath: string, newPath: string): Promise<void> {
    await this.db(ctx).query(
      `UPDATE unit SET path = $2 || substr(path, length($1) + 1), depth = depth + ($3)::int
       WHERE path > $1 AND path < $1 || '~'`,
      [oldPath, newPath, depthOf(newPath) - depthOf(oldPath)],
    );
  }

  async replaceSuccessors(ctx: RequestContext, unitId: string, successorIds: string[]): Promise<void> {
    await this.db(ctx).query(`DELETE FROM unit_successor WHERE unit_id = $1`, [unitId]);
    if (!successorIds.length) return;
    await this.db(ctx).query(
      `INSERT INTO unit_successor (unit_id, successor_id, position)
       SELECT $1, s.id, s.position FROM unnest($2::uuid[]) WITH ORDINALITY AS s(id, position)`,
      [unitId, successorIds],
    );
  }

  /** How many rows refer to a unit, by kind of reference: what blocks its deletion. */
  async countReferences(ctx: RequestContext, id: string): Promise<{ children: number; predecessors: number }> {
    const [row] = (await this.db(ctx).query(
      `SELECT (SELECT count(*) FROM unit WHERE parent_id = $1)::int AS children,
              (SELECT count(*) FROM unit_successor WHERE successor_id = $1)::int AS predecessors`,
      [id],
    )) as Array<{ children: number; predecessors: number }>;
    return row;
  }

  async deleteIfVersion(ctx: RequestContext, id: string, expectedVersion: number | null): Promise<boolean> {
    const result = (await this.db(ctx).query(`DELETE FROM unit WHERE id = $1 AND ($2::int IS NULL OR version = $2) RETURNING id`, [
      id,
      expectedVersion,
    ])) as unknown[];
    return rowCount(result) === 1;
  }
}

function depthOf(path: string): number {
  return path.split('/').filter(Boolean).length;
}

/** TypeORM returns `[rows, count]` for UPDATE/DELETE … RETURNING on PostgreSQL, rows for SELECT. */
