import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Page, UnitSortField } from '@danvan/contracts';
import {
  callerScope,
  assertExportable,
  DomainError,
  MAX_EXPORT_ROWS,
  translatePgErrors,
  writeUnlessUnchanged,
  type RequestContext,
} from '@danvan/core';
import { Database, inTransaction } from '@danvan/database';
import { checkUnitRules, levelFitsUnder } from './domain/unit-rules.js';
import { ancestorIds, childPath, wouldCreateCycle } from './domain/unit-path.js';
import type { CreateUnitInput } from './dto/create-unit.input.js';
import type { UnitFilterValues } from './unit.list.js';
import { assertVersion, assertVersionIfSent, defineAudit, type ExpectedVersion, type ListInput } from '@danvan/kit';
import type { UnitView } from './dto/unit.view.js';
import type { UpdateUnitInput } from './dto/update-unit.input.js';
import { UnitRepository, type UnitRecord } from './unit.repository.js';

const UNIT = 'đơn vị';

/** What the audit trail keeps of a unit: its fields, without the path and bookkeeping. */
const UNIT_AUDIT = defineAudit<UnitView>({ entity: 'unit', scopePath: (u) => u.path, fields: auditedFields });

/** A validated list request of units (the page defaults are applied by the list declaration, unit.list.ts). */
export type UnitListRequest = ListInput<UnitSortField, UnitFilterValues>;

const CONSTRAINT_ERRORS = {
  unit_code_key: () => DomainError.duplicate('code', 'Mã đơn vị này đã được dùng cho một đơn vị khác.'),
  unit_successor_successor_fkey: () =>
    DomainError.stillReferenced('Đơn vị đang được ghi là đơn vị kế thừa của đơn vị khác nên không thể xóa.'),
};

/**
 * Use cases of the unit register; REST and GraphQL both call this, nothing else.
 * Every change runs in one transaction and checks the caller's expected version.
 */
@Injectable()
export class UnitService {
  constructor(
    private readonly database: Database,
    private readonly units: UnitRepository,
  ) {}

  async get(ctx: RequestContext, id: string): Promise<UnitView> {
    const unit = await this.units.findById(ctx, id);
    if (!unit) throw DomainError.notFound(UNIT, id);
    return unit;
  }

  findByCode(ctx: RequestContext, code: string): Promise<UnitView | undefined> {
    return this.units.findByCode(ctx, code.trim().toUpperCase());
  }

  findByIds(ctx: RequestContext, ids: readonly string[]): Promise<UnitView[]> {
    return this.units.findByIds(ctx, ids);
  }

  findChildren(ctx: RequestContext, parentIds: readonly string[], limit: number): Promise<UnitView[]> {
    return this.units.findChildren(ctx, parentIds, limit);
  }

  /**
   * Every unit matching a list request, for a printed export, with their parents.
   * More than MAX_EXPORT_ROWS matches is refused: narrow the filters.
   */
  async exportRows(ctx: RequestContext, request: UnitListRequest): Promise<{ units: UnitView[]; parents: Map<string, UnitView> }> {
    const page = await this.list(ctx, { ...request, page: 1, pageSize: MAX_EXPORT_ROWS });
    assertExportable(page, 'đơn vị');
    const parentIds = [...new Set(page.items.map((u) => u.parentId).filter((id): id is string => id !== null))];
    const parents = new Map((await this.units.findByIds(ctx, parentIds)).map((u) => [u.id, u]));
    return { units: page.items, parents };
  }

  /** The units above `id`, from the root down to its parent. */
  async ancestors(ctx: RequestContext, id: string): Promise<UnitView[]> {
    const unit = await this.get(ctx, id);
    const ids = ancestorIds(unit.path);
    const byId = new Map((await this.units.findByIds(ctx, ids)).map((u) => [u.id, u]));
    return ids.map((ancestorId) => byId.get(ancestorId)).filter((u): u is UnitView => u !== undefined);
  }

  list(ctx: RequestContext, request: UnitListRequest): Promise<Page<UnitView>> {
    return this.units.list(ctx, request);
  }

  async create(ctx: RequestContext, input: CreateUnitInput): Promise<UnitView> {
    return inTransaction(this.database, ctx, async (tx) => {
      const id = randomUUID();
      const successorIds = input.successorIds ?? [];
      const record: UnitRecord = {
        id,
        code: input.code,
        name: input.name,
        shortName: emptyToNull(input.shortName),
        kind: input.kind,
        level: input.level,
        parentId: input.parentId ?? null,
        path: childPath(null, id),
        adminAreaCode: input.adminAreaCode ?? null,
        leaders: input.leaders ?? [],
        status: input.status ?? 'ACTIVE',
        validFrom: input.validFrom ?? null,
        validTo: input.validTo ?? null,
      };
      DomainError.refuseIfAny([...checkUnitRules({ ...record, successorIds })]);
      if (!record.parentId && callerScope(ctx.caller).kind !== 'all') {
        throw DomainError.rule(
          'parentId',
          'required',
          'Hãy chọn đơn vị cấp trên trong phạm vi đơn vị của bạn; chỉ quản trị hệ thống tạo được đơn vị gốc.',
        );
      }
      if (record.parentId) {
        await this.units.lockTree(tx);
        record.path = childPath((await this.placeUnder(tx, record)).path, id);
      }
      await this.assertSuccessorsExist(tx, successorIds);
      await translatePgErrors(async () => {
        await this.units.insert(tx, record);
        await this.units.replaceSuccessors(tx, id, successorIds);
      }, CONSTRAINT_ERRORS);
      return UNIT_AUDIT.created(tx, await this.get(tx, id));
    });
  }

  async update(ctx: RequestContext, id: string, expectedVersion: ExpectedVersion, input: UpdateUnitInput): Promise<UnitView> {
    return inTransaction(this.database, ctx, async (tx) => {
      // A possible move: serialise with other tree changes before reading any path.
      if (input.parentId !== undefined) await this.units.lockTree(tx);
      const current = await this.units.findById(tx, id, true);
      if (!current) throw DomainError.notFound(UNIT, id);
      assertVersion(UNIT, expectedVersion, current.version); // before any rule: a stale caller is told to reload (412)
      const successorIds = input.successorIds === undefined ? current.successorIds : (input.successorIds ?? []);
      const next: UnitRecord = {
        id,
        code: input.code ?? current.code,
        name: input.name ?? current.name,
        shortName: input.shortName === undefined ? current.shortName : emptyToNull(input.shortName),
        kind: input.kind ?? current.kind,
        level: input.level ?? current.level,
        parentId: input.parentId === undefined ? current.parentId : input.parentId,
        path: current.path,
        adminAreaCode: input.adminAreaCode === undefined ? current.adminAreaCode : input.adminAreaCode,
        leaders: input.leaders === undefined ? current.leaders : (input.leaders ?? []),
        status: input.status ?? current.status,
        validFrom: input.validFrom === undefined ? current.validFrom : input.validFrom,
        validTo: input.validTo === undefined ? current.validTo : input.validTo,
      };
      DomainError.refuseIfAny(checkUnitRules({ ...next, successorIds }));
      const parentChanged = next.parentId !== current.parentId;
      const levelChanged = next.level !== current.level;
      const parent = next.parentId && (parentChanged || levelChanged) ? await this.placeUnder(tx, next) : undefined;
      if (parentChanged) next.path = childPath(parent?.path ?? null, id);
      if (levelChanged) await this.assertChildrenFit(tx, next);
      await this.assertSuccessorsExist(tx, successorIds);
      const written = await writeUnlessUnchanged(tx, current, async () => {
        await translatePgErrors(async () => {
          await this.units.updateIfVersion(tx, next, expectedVersion);
          if (next.path !== current.path) await this.units.movePathsBelow(tx, current.path, next.path);
          if (input.successorIds !== undefined) await this.units.replaceSuccessors(tx, id, successorIds);
        }, CONSTRAINT_ERRORS);
        return this.get(tx, id);
      });
      return UNIT_AUDIT.updated(tx, current, written);
    });
  }

  /** Deletes a unit nothing refers to; a unit with history must be ended instead (status and validTo). */
  async remove(ctx: RequestContext, id: string, expectedVersion: number | null): Promise<{ id: string }> {
    return inTransaction(this.database, ctx, async (tx) => {
      await this.units.lockTree(tx);
      const current = await this.units.findById(tx, id, true);
      if (!current) throw DomainError.notFound(UNIT, id);
      assertVersionIfSent(UNIT, expectedVersion, current.version);
      const refs = await this.units.countReferences(tx, id);
      const reasons = [
        refs.children ? `có ${refs.children} đơn vị trực thuộc` : '',
        refs.predecessors ? `là đơn vị kế thừa của ${refs.predecessors} đơn vị khác` : '',
      ].filter(Boolean);
      if (reasons.length) {
        throw DomainError.stillReferenced(
          `Không thể xóa "${current.name}" vì đơn vị này ${reasons.join(' và ')}. ` +
            'Để giữ lịch sử, hãy kết thúc đơn vị: đặt trạng thái "Đã giải thể" hoặc "Đã hợp nhất" kèm ngày kết thúc hiệu lực.',
        );
      }
      await translatePgErrors(async () => {
        if (!(await this.units.deleteIfVersion(tx, id, expectedVersion))) throw DomainError.versionConflict(UNIT, expectedVersion ?? 0);
      }, CONSTRAINT_ERRORS).catch((error: unknown) => {
        // Records of other capabilities (documents, blocs, pledges, awards, models …) refer to units by foreign keys.
        if (error instanceof DomainError && error.code === 'STILL_REFERENCED') {
          throw DomainError.stillReferenced(
            `Không thể xóa "${current.name}" vì đơn vị này đã có dữ liệu (văn bản, thi đua, khen thưởng …) gắn với nó. ` +
              'Để giữ lịch sử, hãy kết thúc đơn vị: đặt trạng thái "Đã giải thể" hoặc "Đã hợp nhất" kèm ngày kết thúc hiệu lực.',
          );
        }
        throw error;
      });
      await UNIT_AUDIT.deleted(tx, current);
      return { id };
    });
  }

  /** Checks the new parent exists, is not inside the unit's own subtree, and is of a fitting level. */
  private async placeUnder(tx: RequestContext, unit: UnitRecord): Promise<UnitView> {
    const parent = unit.parentId ? await this.units.findById(tx, unit.parentId) : undefined;
    if (!parent) throw DomainError.rule('parentId', 'notFound', 'Đơn vị cấp trên không tồn tại.');
    if (wouldCreateCycle(unit.id, parent.path)) {
      throw DomainError.rule(
        'parentId',
        'cycle',
        'Không thể đặt đơn vị dưới chính nó hoặc dưới một đơn vị trực thuộc nó (tạo vòng lặp trong cây).',
      );
    }
    if (!levelFitsUnder(unit.level, parent.level)) {
      throw DomainError.rule('level', 'levelBelowParent', `Cấp của đơn vị không được cao hơn cấp của đơn vị cấp trên "${parent.name}".`);
    }
    return parent;
  }

  /** After a level change, every child must still fit under the unit. */
  private async assertChildrenFit(tx: RequestContext, unit: UnitRecord): Promise<void> {
    const children = await this.units.findChildren(tx, [unit.id], 10_000);
    const misfit = children.find((child) => !levelFitsUnder(child.level, unit.level));
    if (misfit) {
      throw DomainError.rule('level', 'levelAboveChild', `Đơn vị trực thuộc "${misfit.name}" có cấp cao hơn cấp mới của đơn vị.`);
    }
  }

  private async assertSuccessorsExist(tx: RequestContext, successorIds: string[]): Promise<void> {
    if (!successorIds.length) return;
    const found = new Set((await this.units.findByIds(tx, successorIds)).map((u) => u.id));
    const missing = successorIds.filter((id) => !found.has(id));
    if (missing.length) throw DomainError.rule('successorIds', 'notFound', `Không tìm thấy đơn vị kế thừa: ${missing.join(', ')}.`);
  }
}

/** The fields of a unit the audit trail compares (not the bookkeeping ones). */
function auditedFields(unit: UnitView): Record<string, unknown> {
  const { path: _path, version: _version, createdAt: _createdAt, updatedAt: _updatedAt, ...fields } = unit;
  return fields;
}

function emptyToNull(text: string | null | undefined): string | null {
  return text ? text : null;
}
