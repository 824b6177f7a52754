import { Injectable } from '@nestjs/common';
import { type Page } from '@danvan/contracts';
import { DomainError, SqlParams, translatePgErrors, type RequestContext } from '@danvan/core';
import { Database, managerOf } from '@danvan/database';
import { updateVersioned, type ListInput } from '@danvan/kit';
import { pathInScope } from '../shared/sql-refs.js';
import { BLOC_COLUMNS, BLOC_FROM, BLOC_LIST, type BlocFilter, type BlocSortField } from './bloc.list.js';
import { BLOC_POLICY } from './bloc.policy.js';
import type { BlocView } from './dto/bloc.view.js';

const CONSTRAINT_ERRORS = {
  emulation_bloc_name_key: () => DomainError.duplicate('name', 'Đơn vị này đã có khối thi đua cùng tên trong năm.'),
};

/** A new bloc's own fields. */
export interface NewBloc {
  id: string;
  year: number;
  name: string;
  ownerUnitId: string;
  movementId: string | null;
}

/** Who belongs to a bloc and who heads it. */
export interface BlocMembers {
  memberIds: string[];
  headId: string | null;
  deputyId: string | null;
}

/** SQL of emulation blocs (emulation_bloc and its members); reads are limited to what BLOC_POLICY lets the caller see. */
@Injectable()
export class BlocRepository {
  constructor(private readonly database: Database) {}

  /** The bloc, if the caller may see it (without allowedActions: the service adds them). */
  async find(ctx: RequestContext, id: string): Promise<BlocView | undefined> {
    const params = new SqlParams();
    const where = [`b.id = ${params.add(id)}`, BLOC_POLICY.visibleSql(ctx, params)].filter(Boolean).join(' AND ');
    const [row] = (await managerOf(this.database, ctx).query(
      `SELECT ${BLOC_COLUMNS} FROM ${BLOC_FROM} WHERE ${where}`,
      params.values,
    )) as BlocView[];
    return row;
  }

  list(ctx: RequestContext, options: ListInput<BlocSortField, BlocFilter>): Promise<Page<BlocView>> {
    return BLOC_LIST.fetch<BlocView>(managerOf(this.database, ctx), options, (params) => BLOC_POLICY.visibleSql(ctx, params), ctx);
  }

  /** Locks the bloc's row: FOR UPDATE to change it, FOR SHARE to read its members stable (a pledge's signing). */
  async lock(tx: RequestContext, id: string, mode: 'update' | 'share' = 'update'): Promise<void> {
    await managerOf(this.database, tx).query(`SELECT 1 FROM emulation_bloc WHERE id = $1 FOR ${mode === 'share' ? 'SHARE' : 'UPDATE'}`, [
      id,
    ]);
  }

  async movementExists(ctx: RequestContext, movementId: string): Promise<boolean> {
    const rows = (await managerOf(this.database, ctx).query(`SELECT 1 FROM emulation_movement WHERE id = $1`, [movementId])) as unknown[];
    return rows.length > 0;
  }

  async insert(tx: RequestContext, bloc: NewBloc): Promise<void> {
    await translatePgErrors(
      () =>
        managerOf(this.database, tx).query(
          `INSERT INTO emulation_bloc (id, year, name, owner_unit_id, movement_id) VALUES ($1, $2, $3, $4, $5)`,
          [bloc.id, bloc.year, bloc.name, bloc.ownerUnitId, bloc.movementId],
        ),
      CONSTRAINT_ERRORS,
    );
  }

  /** Writes name and movement and bumps the version (updateVersioned). */
  async update(tx: RequestContext, id: string, expectedVersion: number, name: string, movementId: string | null): Promise<void> {
    await translatePgErrors(
      () =>
        updateVersioned(managerOf(this.database, tx), {
          table: 'emulation_bloc',
          id,
          expectedVersion,
          set: 'name = $3, movement_id = $4',
          values: [name, movementId],
          entityLabel: 'khối thi đua',
        }),
      CONSTRAINT_ERRORS,
    );
  }

  /** How many of these units signed the bloc's pledge. */
  async signatoriesAmong(tx: RequestContext, blocId: string, unitIds: string[]): Promise<number> {
    const [signed] = (await managerOf(this.database, tx).query(
      `SELECT count(*)::int AS n FROM pledge_signatory s JOIN pledge p ON p.id = s.pledge_id WHERE p.bloc_id = $1 AND s.unit_id = ANY($2)`,
      [blocId, unitIds],
    )) as Array<{ n: number }>;
    return signed.n;
  }

  /** Those of these units that exist and lie in the caller's scope. */
  async unitsInScope(tx: RequestContext, unitIds: string[]): Promise<Set<string>> {
    const params = new SqlParams();
    const where = [`u.id = ANY(${params.add(unitIds)})`, pathInScope(tx, params, 'u.path')].filter(Boolean).join(' AND ');
    const units = (await managerOf(this.database, tx).query(`SELECT u.id FROM unit_directory u WHERE ${where}`, params.values)) as Array<{
      id: string;
    }>;
    return new Set(units.map((u) => u.id));
  }

  /** Members first, then head and deputy (the database checks they are members). */
  async replaceMembers(tx: RequestContext, blocId: string, members: BlocMembers): Promise<void> {
    const db = managerOf(this.database, tx);
    await db.query(`UPDATE emulation_bloc SET head_unit_id = NULL, deputy_unit_id = NULL WHERE id = $1`, [blocId]);
    await db.query(`DELETE FROM emulation_bloc_member WHERE bloc_id = $1 AND NOT (unit_id = ANY($2))`, [blocId, members.memberIds]);
    await db.query(`INSERT INTO emulation_bloc_member (bloc_id, unit_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`, [
      blocId,
      members.memberIds,
    ]);
    await db.query(`UPDATE emulation_bloc SET head_unit_id = $2, deputy_unit_id = $3 WHERE id = $1`, [
      blocId,
      members.headId,
      members.deputyId,
    ]);
  }
}
