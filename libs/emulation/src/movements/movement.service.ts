import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type Page } from '@danvan/contracts';
import { DomainError, recordAudit, writeUnlessUnchanged, visibleUnit, type RequestContext } from '@danvan/core';
import { Database, inTransaction } from '@danvan/database';
import { type ListInput, assertVersion } from '@danvan/kit';
import { assertMovementDates } from './domain/movement-rules.js';
import type { CreateMovementInput, UpdateMovementInput } from './dto/movement.inputs.js';
import type { MovementView } from './dto/movement.view.js';
import { type MovementFilter, type MovementSortField } from './movement.list.js';
import { MOVEMENT_POLICY } from './movement.policy.js';
import { MovementRepository } from './movement.repository.js';

const MOVEMENT = 'phong trào thi đua';

/**
 * Emulation movements (phong trào thi đua). Everyone with emulation:read sees
 * them (a movement is launched for a whole sector); the launching unit's
 * subtree changes them (MOVEMENT_POLICY).
 */
@Injectable()
export class MovementService {
  constructor(
    private readonly database: Database,
    private readonly movements: MovementRepository,
  ) {}

  async get(ctx: RequestContext, id: string): Promise<MovementView> {
    const row = await this.movements.find(ctx, id);
    if (!row) throw DomainError.notFound(MOVEMENT, id);
    return row;
  }

  list(ctx: RequestContext, options: ListInput<MovementSortField, MovementFilter>): Promise<Page<MovementView>> {
    return this.movements.list(ctx, options);
  }

  async create(ctx: RequestContext, input: CreateMovementInput): Promise<MovementView> {
    return inTransaction(this.database, ctx, async (tx) => {
      await visibleUnit(tx, input.launchedByUnitId, 'launchedByUnitId', 'Đơn vị phát động');
      assertMovementDates(input.startsOn, input.endsOn ?? null);
      const id = randomUUID();
      await this.movements.insert(tx, id, input.launchedByUnitId, {
        name: input.name,
        kind: input.kind,
        startsOn: input.startsOn,
        endsOn: input.endsOn ?? null,
        description: input.description ?? null,
      });
      await this.movements.replaceLegalBasis(tx, id, input.legalBasisIds ?? []);
      const created = await this.get(tx, id);
      await this.audit(tx, 'create', null, created);
      return created;
    });
  }

  async update(ctx: RequestContext, id: string, expectedVersion: number, input: UpdateMovementInput): Promise<MovementView> {
    return inTransaction(this.database, ctx, async (tx) => {
      const current = await this.editable(tx, id);
      assertVersion(MOVEMENT, expectedVersion, current.version);
      const next = {
        name: input.name ?? current.name,
        kind: input.kind ?? current.kind,
        startsOn: input.startsOn ?? current.startsOn,
        endsOn: input.endsOn === undefined ? current.endsOn : input.endsOn,
        description: input.description === undefined ? current.description : input.description,
      };
      assertMovementDates(next.startsOn, next.endsOn);
      const { after: updated, changed } = await writeUnlessUnchanged(tx, current, async () => {
        await this.movements.update(tx, id, expectedVersion, next);
        if (input.legalBasisIds) await this.movements.replaceLegalBasis(tx, id, input.legalBasisIds);
        return this.get(tx, id);
      });
      if (changed) await this.audit(tx, 'update', current, updated);
      return updated;
    });
  }

  /**
   * The movement, read once its row is locked (a change waiting for another sees the version and state that
   * one committed), if the caller may change it.
   */
  private async editable(tx: RequestContext, id: string): Promise<MovementView> {
    await this.movements.lock(tx, id);
    const movement = await this.get(tx, id);
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
