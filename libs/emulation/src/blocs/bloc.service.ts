import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type Page } from '@danvan/contracts';
import { DomainError, writeUnlessUnchanged, visibleUnit, type RequestContext } from '@danvan/core';
import { Database, inTransaction } from '@danvan/database';
import { type ListInput, assertVersion, defineAudit } from '@danvan/kit';
import type { BlocFilter, BlocSortField } from './bloc.list.js';
import { BLOC_POLICY } from './bloc.policy.js';
import { BlocRepository, type BlocMembers } from './bloc.repository.js';
import { assertHeadAndDeputy } from './domain/bloc-rules.js';
import type { CreateBlocInput, UpdateBlocInput } from './dto/bloc.inputs.js';
import type { BlocView } from './dto/bloc.view.js';

const BLOC = 'khối thi đua';

/** What the audit trail keeps of a bloc. */
const BLOC_AUDIT = defineAudit<BlocView>({
  entity: 'emulation-bloc',
  scopePath: (b) => b.ownerPath,
  fields: (b) => ({
    year: b.year,
    name: b.name,
    owner: b.owner.id,
    movementId: b.movementId,
    head: b.head?.id ?? null,
    deputy: b.deputy?.id ?? null,
    members: b.members.map((m) => m.id),
  }),
});

/** Emulation blocs (khối, cụm thi đua): the units that compete together in a year, with a head and a deputy. */
@Injectable()
export class BlocService {
  constructor(
    private readonly database: Database,
    private readonly blocs: BlocRepository,
  ) {}

  async get(ctx: RequestContext, id: string): Promise<BlocView> {
    const row = await this.blocs.find(ctx, id);
    if (!row) throw DomainError.notFound(BLOC, id);
    return withBlocActions(ctx, row);
  }

  async list(ctx: RequestContext, options: ListInput<BlocSortField, BlocFilter>): Promise<Page<BlocView>> {
    const page = await this.blocs.list(ctx, options);
    return { ...page, items: page.items.map((bloc) => withBlocActions(ctx, bloc)) };
  }

  async create(ctx: RequestContext, input: CreateBlocInput): Promise<BlocView> {
    return inTransaction(this.database, ctx, async (tx) => {
      await visibleUnit(tx, input.ownerUnitId, 'ownerUnitId', 'Đơn vị quản lý khối');
      if (input.movementId) await this.assertMovementExists(tx, input.movementId);
      const id = randomUUID();
      await this.blocs.insert(tx, {
        id,
        year: input.year,
        name: input.name,
        ownerUnitId: input.ownerUnitId,
        movementId: input.movementId ?? null,
      });
      await this.writeMembers(tx, id, {
        memberIds: input.memberIds,
        headId: input.headUnitId ?? null,
        deputyId: input.deputyUnitId ?? null,
      });
      return BLOC_AUDIT.created(tx, await this.get(tx, id));
    });
  }

  async update(ctx: RequestContext, id: string, expectedVersion: number, input: UpdateBlocInput): Promise<BlocView> {
    return inTransaction(this.database, ctx, async (tx) => {
      const current = await this.editable(tx, id);
      assertVersion(BLOC, expectedVersion, current.version); // before any rule: a stale caller is told to reload (412)
      if (input.movementId) await this.assertMovementExists(tx, input.movementId);
      const written = await writeUnlessUnchanged(tx, current, async () => {
        await this.blocs.update(
          tx,
          id,
          expectedVersion,
          input.name ?? current.name,
          input.movementId === undefined ? current.movementId : input.movementId,
        );
        const memberIds = input.memberIds ?? current.members.map((m) => m.id);
        const removed = current.members.filter((m) => !memberIds.includes(m.id)).map((m) => m.id);
        if (removed.length && (await this.blocs.signatoriesAmong(tx, id, removed)))
          throw DomainError.rule('memberIds', 'signatory', 'Không thể bỏ đơn vị đã ký giao ước của khối ra khỏi khối.');
        await this.writeMembers(tx, id, {
          memberIds,
          headId: input.headUnitId === undefined ? (current.head?.id ?? null) : input.headUnitId,
          deputyId: input.deputyUnitId === undefined ? (current.deputy?.id ?? null) : input.deputyUnitId,
        });
        return this.get(tx, id);
      });
      return BLOC_AUDIT.updated(tx, current, written);
    });
  }

  /**
   * The bloc, read once its row is locked (a change waiting for another sees the version, members and
   * pledge that one committed), if the caller may take `action` on it (BLOC_POLICY: it manages the bloc).
   */
  async editable(tx: RequestContext, id: string, action: 'update' | 'createPledge' = 'update'): Promise<BlocView> {
    await this.blocs.lock(tx, id);
    const bloc = await this.get(tx, id);
    BLOC_POLICY.assert(tx, action, bloc);
    return bloc;
  }

  /** The bloc read with its members held stable (FOR SHARE) until the transaction ends: a pledge's signing. */
  async withMembersHeld(tx: RequestContext, id: string): Promise<BlocView> {
    await this.blocs.lock(tx, id, 'share');
    return this.get(tx, id);
  }

  /** Members in the caller's scope, then head and deputy among them. */
  private async writeMembers(tx: RequestContext, blocId: string, members: BlocMembers): Promise<void> {
    assertHeadAndDeputy(members);
    const found = await this.blocs.unitsInScope(tx, members.memberIds);
    const missing = members.memberIds.filter((id) => !found.has(id));
    if (missing.length)
      throw DomainError.rule(
        'memberIds',
        'notFound',
        `Không tìm thấy (hoặc ngoài phạm vi của bạn) đơn vị thành viên: ${missing.join(', ')}.`,
      );
    await this.blocs.replaceMembers(tx, blocId, members);
  }

  private async assertMovementExists(tx: RequestContext, movementId: string): Promise<void> {
    if (!(await this.blocs.movementExists(tx, movementId)))
      throw DomainError.rule('movementId', 'notFound', 'Không tìm thấy phong trào thi đua.');
  }
}

/** The bloc with the actions the caller may take on it (BLOC_POLICY). */
function withBlocActions(ctx: RequestContext, bloc: BlocView): BlocView {
  return { ...bloc, allowedActions: BLOC_POLICY.allowedActions(ctx, bloc) };
}
