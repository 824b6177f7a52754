import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type Page } from '@danvan/contracts';
import { DomainError, writeUnlessUnchanged, visibleUnit, type RequestContext } from '@danvan/core';
import { Database, inTransaction } from '@danvan/database';
import { type ListInput, assertVersion, defineAudit } from '@danvan/kit';
import { assertMovementDates } from './domain/movement-rules.js';
import type { CreateMovementInput, UpdateMovementInput } from './dto/movement.inputs.js';
import type { MovementView } from './dto/movement.view.js';
import { type MovementFilter, type MovementSortField } from './movement.list.js';
import { MOVEMENT_POLICY } from './movement.policy.js';
import { MovementRepository } from './movement.repository.js';

const MOVEMENT = 'phong trào thi đua';

/** What the audit trail keeps of a movement. */
const MOVEMENT_AUDIT = defineAudit<MovementView>({
  entity: 'emulation-movement',
  scopePath: (m) => m.ownerPath,
  fields: (m) => ({
    name: m.name,
    kind: m.kind,
    launchedBy: m.launchedBy.id,
    startsOn: m.startsOn,
    endsOn: m.endsOn,
    description: m.description,
    legalBasis: m.legalBasis.map((d) => d.number),
  }),
});

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
      return MOVEMENT_AUDIT.created(tx, await this.get(tx, id));
    });
  }

  async update(ctx: RequestContext, id: string, expectedVersion: number, input: UpdateMovementInput): Promise<MovementView> {
    return inTransaction(this.database, ctx, async (tx) => {
      const current = await this.editable(tx, id);
      assertVersion(MOVEMENT, expectedVersion, current.version); // before any rule: a stale caller is told to reload (412)
      const next = {
        name: input.name ?? current.name,
        kind: input.kind ?? current.kind,
        startsOn: input.startsOn ?? current.startsOn,
        endsOn: input.endsOn === undefined ? current.endsOn : input.endsOn,
        description: input.description === undefined ? current.description : input.description,
      };
      assertMovementDates(next.startsOn, next.endsOn);
      const written = await writeUnlessUnchanged(tx, current, async () => {
        await this.movements.update(tx, id, expectedVersion, next);
        if (input.legalBasisIds) await this.movements.replaceLegalBasis(tx, id, input.legalBasisIds);
        return this.get(tx, id);
      });
      return MOVEMENT_AUDIT.updated(tx, current, written);
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
}
