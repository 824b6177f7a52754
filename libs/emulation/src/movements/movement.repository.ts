import { Injectable } from '@nestjs/common';
import { type Page } from '@danvan/contracts';
import { type RequestContext } from '@danvan/core';
import { Database, managerOf } from '@danvan/database';
import { assertDocumentsExist, replaceDocumentLinks } from '@danvan/documents';
import { updateVersioned, type ListInput } from '@danvan/kit';
import type { MovementView } from './dto/movement.view.js';
import { MOVEMENT_COLUMNS, MOVEMENT_LIST, type MovementFilter, type MovementSortField } from './movement.list.js';

/** The stored fields of a movement, as the service writes them. */
export interface MovementRecord {
  name: string;
  kind: string;
  startsOn: string;
  endsOn: string | null;
  description: string | null;
}

/** SQL of emulation movements (emulation_movement and its legal basis links). */
@Injectable()
export class MovementRepository {
  constructor(private readonly database: Database) {}

  async find(ctx: RequestContext, id: string): Promise<MovementView | undefined> {
    const [row] = (await managerOf(this.database, ctx).query(
      `SELECT ${MOVEMENT_COLUMNS} FROM emulation_movement m JOIN unit_directory lu ON lu.id = m.launched_by_unit_id WHERE m.id = $1`,
      [id],
    )) as MovementView[];
    return row;
  }

  list(ctx: RequestContext, options: ListInput<MovementSortField, MovementFilter>): Promise<Page<MovementView>> {
    return MOVEMENT_LIST.fetch<MovementView>(managerOf(this.database, ctx), options);
  }

  /** Locks the movement's row until the transaction ends. */
  async lock(tx: RequestContext, id: string): Promise<void> {
    await managerOf(this.database, tx).query(`SELECT 1 FROM emulation_movement WHERE id = $1 FOR UPDATE`, [id]);
  }

  async insert(tx: RequestContext, id: string, launchedByUnitId: string, record: MovementRecord): Promise<void> {
    await managerOf(this.database, tx).query(
      `INSERT INTO emulation_movement (id, name, kind, launched_by_unit_id, starts_on, ends_on, description) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [id, record.name, record.kind, launchedByUnitId, record.startsOn, record.endsOn, record.description],
    );
  }

  /** Writes the fields and bumps the version (updateVersioned: 412 when someone changed it since `expectedVersion`). */
  async update(tx: RequestContext, id: string, expectedVersion: number, record: MovementRecord): Promise<void> {
    await updateVersioned(managerOf(this.database, tx), {
      table: 'emulation_movement',
      id,
      expectedVersion,
      set: 'name = $3, kind = $4, starts_on = $5, ends_on = $6, description = $7',
      values: [record.name, record.kind, record.startsOn, record.endsOn, record.description],
      entityLabel: 'phong trào thi đua',
    });
  }

  /** Replaces the movement's legal basis (documents of the register, in order). */
  async replaceLegalBasis(tx: RequestContext, id: string, documentIds: string[]): Promise<void> {
    await assertDocumentsExist(tx, documentIds, 'legalBasisIds');
    await replaceDocumentLinks(tx, 'emulation_movement_document', 'movement_id', id, documentIds);
  }
}
