import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type Page } from '@danvan/contracts';
import { MOVEMENT_POLICY } from './movements/movement.policy.js';
import { DomainError, recordAudit, writeUnlessUnchanged, visibleUnit, type RequestContext } from '@danvan/core';
import { Database, inTransaction, managerOf } from '@danvan/database';
import { type ListInput, assertVersion } from '@danvan/kit';
import { MOVEMENT_COLUMNS, MOVEMENT_LIST, type MovementFilter, type MovementSortField } from './emulation.lists.js';
import type { CreateMovementInput, UpdateMovementInput } from './dto/emulation.inputs.js';
import type { MovementView } from './dto/emulation.views.js';
import { rowCount } from './sql-refs.js';
import { assertDocumentsExist, replaceDocumentLinks } from '@danvan/documents';

const MOVEMENT = 'phong trào thi đua';

/**
 * Emulation movements (phong trào thi đua). Everyone with emulation:read sees
 * them (a movement is launched for a whole sector); the launching unit's
 * subtree changes them.
 */
@Injectable()
export class MovementService {
  constructor(private readonly database: Database) {}

  async get(ctx: RequestContext, id: string): Promise<MovementView> {
    const [row] = (await managerOf(this.database, ctx).query(
      `SELECT ${MOVEMENT_COLUMNS} FROM emulation_movement m JOIN unit_directory lu ON lu.id = m.launched_by_unit_id WHERE m.id = $1`,
      [id],
    )) as MovementView[];
    if (!row) throw DomainError.notFound(MOVEMENT, id);
    return row;
  }

  list(ctx: RequestContext, options: ListInput<MovementSortField, MovementFilter>): Promise<Page<MovementView>> {
    return MOVEMENT_LIST.fetch<MovementView>(managerOf(this.database, ctx), options);
  }

  async create(ctx: RequestContext, input: CreateMovementInput): Promise<MovementView> {
    return inTransaction(this.database, ctx, async (tx) => {
      const db = managerOf(this.database, tx);
      await visibleUnit(tx, input.launchedByUnitId, 'launchedByUnitId', 'Đơn vị phát động');
      assertDates(input.startsOn, input.endsOn ?? null);
      const id = randomUUID();
      await db.query(
        `INSERT INTO emulation_movement (id, name, kind, launched_by_unit_id, starts_on, ends_on, description) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [id, input.name, input.kind, input.launchedByUnitId, input.startsOn, input.endsOn ?? null, input.description ?? null],
      );
      await assertDocumentsExist(db, input.legalBasisIds ?? [], 'legalBasisIds');
      await replaceDocumentLinks(db, 'emulation_movement_document', 'movement_id', id, input.legalBasisIds ?? []);
      const created = await this.get(tx, id);
      await this.audit(tx, 'create', null, created);
      return created;
    });
  }

  async update(ctx: RequestContext, id: string, expectedVersion: number, input: UpdateMovementInput): Promise<MovementView> {
    return inTransaction(this.database, ctx, async (tx) => {
      const db = managerOf(this.database, tx);
      const current = await this.editable(tx, id);
      assertVersion(MOVEMENT, expectedVersion, current.version);
      const next = {
        name: input.name ?? current.name,
        kind: input.kind ?? current.kind,
        startsOn: input.startsOn ?? current.startsOn,
        endsOn: input.endsOn === undefined ? current.endsOn : input.endsOn,
        description: input.description === undefined ? current.description : input.description,
      };
      assertDates(next.startsOn, next.endsOn);
      const { after: updated, changed } = await writeUnlessUnchanged(tx, current, async () => {
        const result = (await db.query(
          `UPDATE emulation_movement SET name = $3, kind = $4, starts_on = $5, ends_on = $6, description = $7, version = version + 1, updated_at = now()
           WHERE id = $1 AND version = $2 RETURNING id`,
          [id, expectedVersion, next.name, next.kind, next.startsOn, next.endsOn, next.description],
        )) as unknown[];
        if (rowCount(result) !== 1) throw DomainError.versionConflict(MOVEMENT, expectedVersion);
        if (input.legalBasisIds) {
          await assertDocumentsExist(db, input.legalBasisIds, 'legalBasisIds');
          await replaceDocumentLinks(db, 'emulation_movement_document', 'movement_id', id, input.legalBasisIds);
        }
        return this.get(tx, id);
      });
      if (changed) await this.audit(tx, 'update', current, updated);
      return updated;
    });
  }

  private async editable(tx: RequestContext, id: string): Promise<MovementView> {
    const movement = await this.get(tx, id);
    await managerOf(this.database, tx).query(`SELECT 1 FROM emulation_movement WHERE id = $1 FOR UPDATE`, [id]);
    MOVEMENT_POLICY.assert(tx, 'update', movement);
    return movement;
  }

  private async audit(tx: RequestContext, action: 'create' | 'update', before: MovementView | null, after: MovementView): Promise<void> {
    const fields = (m: MovementView) => ({
      name: m.name,
      kind: m.kind,
      launchedBy: m.launchedBy.id,
      startsOn: m.startsOn,
      endsOn: m.endsOn,
      description: m.description,
      legalBasis: m.legalBasis.map((d) => d.number),
    });
    await recordAudit(tx, {
      entity: 'emulation-movement',
      entityId: after.id,
      action,
      scopePath: after.ownerPath,
      before: before && fields(before),
      after: fields(after),
    });
  }
}

function assertDates(startsOn: string, endsOn: string | null): void {
  if (endsOn && endsOn < startsOn) throw DomainError.rule('endsOn', 'beforeStart', 'Ngày kết thúc phải sau hoặc trùng ngày bắt đầu.');
}
