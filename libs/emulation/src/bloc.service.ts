import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type Page } from '@danvan/contracts';
import {
  DomainError,
  recordAudit,
  writeUnlessUnchanged,
  SqlParams,
  translatePgErrors,
  visibleUnit,
  type Queryable,
  type RequestContext,
} from '@danvan/core';
import { Database, inTransaction, managerOf } from '@danvan/database';
import { type ListInput, assertVersion } from '@danvan/kit';
import { BLOC_COLUMNS, BLOC_FROM, BLOC_LIST, type BlocFilter, type BlocSortField } from './emulation.lists.js';
import type { CreateBlocInput, UpdateBlocInput } from './dto/emulation.inputs.js';
import type { BlocView } from './dto/emulation.views.js';
import { BLOC_POLICY } from './blocs/bloc.policy.js';
import { pathInScope, rowCount } from './sql-refs.js';

const BLOC = 'khối thi đua';

const CONSTRAINT_ERRORS = {
  emulation_bloc_name_key: () => DomainError.duplicate('name', 'Đơn vị này đã có khối thi đua cùng tên trong năm.'),
};

/** Emulation blocs (khối, cụm thi đua): the units that compete together in a year, with a head and a deputy. */
@Injectable()
export class BlocService {
  constructor(private readonly database: Database) {}

  async get(ctx: RequestContext, id: string): Promise<BlocView> {
    const params = new SqlParams();
    const where = [`b.id = ${params.add(id)}`, BLOC_POLICY.visibleSql(ctx, params)].filter(Boolean).join(' AND ');
    const [row] = (await managerOf(this.database, ctx).query(
      `SELECT ${BLOC_COLUMNS} FROM ${BLOC_FROM} WHERE ${where}`,
      params.values,
    )) as BlocView[];
    if (!row) throw DomainError.notFound(BLOC, id);
    return withBlocActions(ctx, row);
  }

  async list(ctx: RequestContext, options: ListInput<BlocSortField, BlocFilter>): Promise<Page<BlocView>> {
    const page = await BLOC_LIST.fetch<BlocView>(
      managerOf(this.database, ctx),
      options,
      (params) => BLOC_POLICY.visibleSql(ctx, params),
      ctx,
    );
    return { ...page, items: page.items.map((bloc) => withBlocActions(ctx, bloc)) };
  }

  async create(ctx: RequestContext, input: CreateBlocInput): Promise<BlocView> {
    return inTransaction(this.database, ctx, async (tx) => {
      const db = managerOf(this.database, tx);
      await visibleUnit(tx, input.ownerUnitId, 'ownerUnitId', 'Đơn vị quản lý khối');
      if (input.movementId) await assertMovementExists(db, input.movementId);
      const id = randomUUID();
      await translatePgErrors(
        () =>
          db.query(`INSERT INTO emulation_bloc (id, year, name, owner_unit_id, movement_id) VALUES ($1, $2, $3, $4, $5)`, [
            id,
            input.year,
            input.name,
            input.ownerUnitId,
            input.movementId ?? null,
          ]),
        CONSTRAINT_ERRORS,
      );
      await this.writeMembers(tx, db, id, input.memberIds, input.headUnitId ?? null, input.deputyUnitId ?? null);
      const created = await this.get(tx, id);
      await this.audit(tx, 'create', null, created);
      return created;
    });
  }

  async update(ctx: RequestContext, id: string, expectedVersion: number, input: UpdateBlocInput): Promise<BlocView> {
    return inTransaction(this.database, ctx, async (tx) => {
      const db = managerOf(this.database, tx);
      const current = await this.editable(tx, id);
      assertVersion(BLOC, expectedVersion, current.version);
      if (input.movementId) await assertMovementExists(db, input.movementId);
      const { after: updated, changed } = await writeUnlessUnchanged(tx, current, async () => {
        const result = (await translatePgErrors(
          () =>
            db.query(
              `UPDATE emulation_bloc SET name = $3, movement_id = $4, version = version + 1, updated_at = now() WHERE id = $1 AND version = $2 RETURNING id`,
              [id, expectedVersion, input.name ?? current.name, input.movementId === undefined ? current.movementId : input.movementId],
            ),
          CONSTRAINT_ERRORS,
        )) as unknown[];
        if (rowCount(result) !== 1) throw DomainError.versionConflict(BLOC, expectedVersion);
        const memberIds = input.memberIds ?? current.members.map((m) => m.id);
        const removed = current.members.filter((m) => !memberIds.includes(m.id)).map((m) => m.id);
        if (removed.length) {
          const [signed] = (await db.query(
            `SELECT count(*)::int AS n FROM pledge_signatory s JOIN pledge p ON p.id = s.pledge_id WHERE p.bloc_id = $1 AND s.unit_id = ANY($2)`,
            [id, removed],
          )) as Array<{ n: number }>;
          if (signed.n) throw DomainError.rule('memberIds', 'signatory', 'Không thể bỏ đơn vị đã ký giao ước của khối ra khỏi khối.');
        }
        await this.writeMembers(
          tx,
          db,
          id,
          memberIds,
          input.headUnitId === undefined ? (current.head?.id ?? null) : input.headUnitId,
          input.deputyUnitId === undefined ? (current.deputy?.id ?? null) : input.deputyUnitId,
        );
        return this.get(tx, id);
      });
      if (changed) await this.audit(tx, 'update', current, updated);
      return updated;
    });
  }

  /** The bloc, locked, if the caller may take `action` on it (BLOC_POLICY: it manages the bloc). */
  async editable(tx: RequestContext, id: string, action: 'update' | 'createPledge' = 'update'): Promise<BlocView> {
    const bloc = await this.get(tx, id);
    await managerOf(this.database, tx).query(`SELECT 1 FROM emulation_bloc WHERE id = $1 FOR UPDATE`, [id]);
    BLOC_POLICY.assert(tx, action, bloc);
    return bloc;
  }

  /** Members first, then head and deputy (the database checks they are members). */
  private async writeMembers(
    tx: RequestContext,
    db: Queryable,
    blocId: string,
    memberIds: string[],
    headId: string | null,
    deputyId: string | null,
  ): Promise<void> {
    if (headId && !memberIds.includes(headId))
      throw DomainError.rule('headUnitId', 'notMember', 'Trưởng khối phải là một đơn vị thành viên của khối.');
    if (deputyId && !memberIds.includes(deputyId))
      throw DomainError.rule('deputyUnitId', 'notMember', 'Phó khối phải là một đơn vị thành viên của khối.');
    if (headId && headId === deputyId)
      throw DomainError.rule('deputyUnitId', 'sameAsHead', 'Trưởng khối và phó khối phải là hai đơn vị khác nhau.');
    const params = new SqlParams();
    const where = [`u.id = ANY(${params.add(memberIds)})`, pathInScope(tx, params, 'u.path')].filter(Boolean).join(' AND ');
    const units = (await db.query(`SELECT u.id FROM unit_directory u WHERE ${where}`, params.values)) as Array<{ id: string }>;
    const found = new Set(units.map((u) => u.id));
    const missing = memberIds.filter((id) => !found.has(id));
    if (missing.length)
      throw DomainError.rule(
        'memberIds',
        'notFound',
        `Không tìm thấy (hoặc ngoài phạm vi của bạn) đơn vị thành viên: ${missing.join(', ')}.`,
      );
    await db.query(`UPDATE emulation_bloc SET head_unit_id = NULL, deputy_unit_id = NULL WHERE id = $1`, [blocId]);
    await db.query(`DELETE FROM emulation_bloc_member WHERE bloc_id = $1 AND NOT (unit_id = ANY($2))`, [blocId, memberIds]);
    await db.query(`INSERT INTO emulation_bloc_member (bloc_id, unit_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`, [
      blocId,
      memberIds,
    ]);
    await db.query(`UPDATE emulation_bloc SET head_unit_id = $2, deputy_unit_id = $3 WHERE id = $1`, [blocId, headId, deputyId]);
  }

  private async audit(tx: RequestContext, action: 'create' | 'update', before: BlocView | null, after: BlocView): Promise<void> {
    const fields = (b: BlocView) => ({
      year: b.year,
      name: b.name,
      owner: b.owner.id,
      movementId: b.movementId,
      head: b.head?.id ?? null,
      deputy: b.deputy?.id ?? null,
      members: b.members.map((m) => m.id),
    });
    await recordAudit(tx, {
      entity: 'emulation-bloc',
      entityId: after.id,
      action,
      scopePath: after.ownerPath,
      before: before && fields(before),
      after: fields(after),
    });
  }
}

async function assertMovementExists(db: Queryable, id: string): Promise<void> {
  const rows = (await db.query(`SELECT 1 FROM emulation_movement WHERE id = $1`, [id])) as unknown[];
  if (!rows.length) throw DomainError.rule('movementId', 'notFound', 'Không tìm thấy phong trào thi đua.');
}

/** The bloc with the actions the caller may take on it (BLOC_POLICY). */
function withBlocActions(ctx: RequestContext, bloc: BlocView): BlocView {
  return { ...bloc, allowedActions: BLOC_POLICY.allowedActions(ctx, bloc) };
}
