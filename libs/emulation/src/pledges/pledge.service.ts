import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  PLEDGE_STATUS_LABELS,
  maximumTotal,
  scorableItems,
  type CriteriaSetContent,
  type Page,
  type PledgeStatus,
} from '@danvan/contracts';
import { DomainError, groupBy, writeUnlessUnchanged, visibleUnit, type RequestContext } from '@danvan/core';
import { Database, inTransaction } from '@danvan/database';
import { assertVersion, defineAudit, type ListInput, type TakenTransition } from '@danvan/kit';
import { BlocService } from '../blocs/bloc.service.js';
import { checkCriteriaSet } from '../domain/criteria-set.js';
import { PLEDGE_LIFECYCLE, type PledgeFacts } from '../domain/pledge-lifecycle.js';
import { assertBreakthroughRange, contentOf, criteriaSetView, progressOfSignatories } from './domain/pledge-rules.js';
import type { CriteriaSetInput } from './dto/criteria-set.inputs.js';
import type { CriteriaSetView } from './dto/criteria-set.view.js';
import type { CreatePledgeInput, SignPledgeInput, UpdatePledgeInput } from './dto/pledge.inputs.js';
import type { PledgeProgressView, PledgeView } from './dto/pledge.view.js';
import type { RegistrationInput } from './dto/registration.inputs.js';
import type { RegistrationView } from './dto/registration.view.js';
import type { PledgeFilter, PledgeSortField } from './pledge.list.js';
import { PLEDGE_POLICY, REGISTRATION_POLICY } from './pledge.policy.js';
import { PledgeRepository, type PledgeRow } from './pledge.repository.js';

const PLEDGE = 'giao ước thi đua';

const PLEDGE_AUDIT = defineAudit<PledgeView>({ entity: 'pledge', scopePath: (p) => p.ownerPath, fields: auditFields });
/** The registration trail, filed under the registering unit's path (which a registration's view does not carry). */
const REGISTRATION_AUDIT = defineAudit<RegistrationView & { unitPath: string }>({
  entity: 'pledge-registration',
  scopePath: (r) => r.unitPath,
  fields: (r) => ({ targets: r.targets, breakthroughTasks: r.breakthroughTasks }),
});
const REGISTRATION = 'bản đăng ký chỉ tiêu';

function toView(ctx: RequestContext, row: PledgeRow): PledgeView {
  const { criteriaSetRow, ...rest } = row;
  return {
    ...rest,
    statusLabel: PLEDGE_STATUS_LABELS[row.status],
    criteriaSet: criteriaSetView(criteriaSetRow),
    allowedActions: PLEDGE_POLICY.allowedActions(ctx, row),
  };
}

/**
 * Pledges (giao ước thi đua): a bloc's yearly pledge, its cited documents,
 * versioned criteria sets, signing and lifecycle, and the signatories'
 * registrations. The bloc's managing unit runs it (emulation:manage); each
 * signatory registers for itself (emulation:submit). Who may do what: PLEDGE_POLICY.
 */
@Injectable()
export class PledgeService {
  constructor(
    private readonly database: Database,
    private readonly pledges: PledgeRepository,
    private readonly blocs: BlocService,
  ) {}

  async get(ctx: RequestContext, id: string, lock = false): Promise<PledgeView> {
    // Locked first, then read in a new statement: a view read in the locking statement would see its
    // subqueries (criteria set, signatories) as of before a concurrent change it had waited for.
    if (lock) await this.pledges.lock(ctx, id);
    const row = await this.pledges.find(ctx, id);
    if (!row) throw DomainError.notFound(PLEDGE, id);
    return toView(ctx, row);
  }

  async list(ctx: RequestContext, options: ListInput<PledgeSortField, PledgeFilter>): Promise<Page<PledgeView>> {
    const page = await this.pledges.list(ctx, options);
    return { ...page, items: page.items.map((row) => toView(ctx, row)) };
  }

  /**
   * The pledge of each of these blocs (a bloc has at most one, `pledge_bloc_key`), keyed by bloc id, in one
   * statement, for a GraphQL page of blocs the caller has read; a bloc without a pledge is absent.
   */
  async ofBlocs(ctx: RequestContext, blocIds: readonly string[]): Promise<Map<string, PledgeView>> {
    const rows = await this.pledges.ofBlocs(ctx, blocIds);
    return new Map(rows.map((row) => [row.blocId, toView(ctx, row)]));
  }

  /** Every version of the pledge's criteria set, newest first. */
  async criteriaVersions(ctx: RequestContext, pledgeId: string): Promise<CriteriaSetView[]> {
    await this.get(ctx, pledgeId);
    return (await this.criteriaVersionsOf(ctx, [pledgeId])).get(pledgeId) ?? [];
  }

  /** Criteria versions of pledges the caller has read (a GraphQL page), newest first, in one statement. */
  async criteriaVersionsOf(ctx: RequestContext, pledgeIds: readonly string[]): Promise<Map<string, CriteriaSetView[]>> {
    const versions = groupBy(await this.pledges.criteriaVersionsOf(ctx, pledgeIds), (r) => r.pledgeId);
    return new Map([...versions].map(([id, list]) => [id, list.map((r) => criteriaSetView(r.row) as CriteriaSetView)]));
  }

  async create(ctx: RequestContext, input: CreatePledgeInput): Promise<PledgeView> {
    return inTransaction(this.database, ctx, async (tx) => {
      await this.blocs.editable(tx, input.blocId, 'createPledge');
      assertBreakthroughRange(input.breakthroughMin ?? null, input.breakthroughMax ?? null);
      const id = randomUUID();
      await this.pledges.insert(tx, {
        id,
        blocId: input.blocId,
        title: input.title,
        breakthroughMin: input.breakthroughMin ?? null,
        breakthroughMax: input.breakthroughMax ?? null,
      });
      await this.pledges.replaceDocuments(tx, id, input.documentIds ?? []);
      if (input.criteria) await this.addCriteriaVersion(tx, id, contentOf(input.criteria));
      return PLEDGE_AUDIT.created(tx, await this.get(tx, id));
    });
  }

  async update(ctx: RequestContext, id: string, expectedVersion: number, input: UpdatePledgeInput): Promise<PledgeView> {
    return this.change(ctx, id, expectedVersion, 'update', 'update', async (tx, current) => {
      if (current.status === 'FINALISED') throw DomainError.rule('status', 'finalised', 'Giao ước đã tổng kết: không thể sửa.');
      const min = input.breakthroughMin === undefined ? current.breakthroughMin : input.breakthroughMin;
      const max = input.breakthroughMax === undefined ? current.breakthroughMax : input.breakthroughMax;
      const rangeChanged = min !== current.breakthroughMin || max !== current.breakthroughMax;
      if (rangeChanged && current.status !== 'DRAFT' && current.status !== 'SIGNED') {
        throw DomainError.rule('breakthroughMin', 'registrationStarted', 'Đã mở đăng ký chỉ tiêu: không thể đổi số nhiệm vụ đột phá.');
      }
      assertBreakthroughRange(min, max);
      await this.pledges.updateFields(tx, id, input.title ?? current.title, min, max);
      if (input.documentIds) await this.pledges.replaceDocuments(tx, id, input.documentIds);
    });
  }

  /**
   * Adopts a new version of the criteria set. Earlier versions stay as they
   * were. Not once a unit has started scoring: every sheet of a pledge is scored
   * against the same version, or the ranking would compare different scales.
   */
  async setCriteria(ctx: RequestContext, id: string, expectedVersion: number, input: CriteriaSetInput): Promise<PledgeView> {
    return this.change(ctx, id, expectedVersion, 'set-criteria', 'setCriteria', async (tx, current) => {
      if (current.status === 'UNDER_REVIEW' || current.status === 'FINALISED') {
        throw DomainError.rule(
          'status',
          'reviewStarted',
          `Giao ước đang ở bước "${PLEDGE_STATUS_LABELS[current.status]}": không thể thay đổi bảng tiêu chí.`,
        );
      }
      const sheets = await this.pledges.sheetCount(tx, id);
      if (sheets > 0) {
        throw DomainError.rule(
          'status',
          'scoringStarted',
          `${sheets} đơn vị đã bắt đầu chấm điểm theo bảng tiêu chí hiện hành: không thể thay đổi bảng tiêu chí nữa (mọi đơn vị phải chấm theo cùng một bảng).`,
        );
      }
      await this.addCriteriaVersion(tx, id, contentOf(input));
    });
  }

  /** Signs the pledge: date, event, place and signatories (members of the bloc; default all of them). */
  async sign(ctx: RequestContext, id: string, expectedVersion: number, input: SignPledgeInput): Promise<PledgeView> {
    return this.change(ctx, id, expectedVersion, 'sign', 'sign', async (tx, current) => {
      // The step must be the next one now; its guard is checked once the signing is written (moveTo).
      PLEDGE_LIFECYCLE.assertAllowed(current.status, 'sign');
      // Shares the bloc's lock with a concurrent change of its members (which locks it FOR UPDATE).
      const bloc = await this.blocs.withMembersHeld(tx, current.blocId);
      const memberIds = bloc.members.map((m) => m.id);
      const signatoryIds = input.signatoryIds ?? memberIds;
      const outside = signatoryIds.filter((unitId) => !memberIds.includes(unitId));
      if (outside.length)
        throw DomainError.rule('signatoryIds', 'notMember', `${outside.length} đơn vị ký không phải thành viên của khối "${bloc.name}".`);
      await this.pledges.recordSigning(tx, id, {
        signedOn: input.signedOn,
        signingEvent: input.signingEvent,
        signingPlace: input.signingPlace ?? null,
        signatoryIds,
      });
      return this.moveTo(tx, { ...current, signedOn: input.signedOn, signingEvent: input.signingEvent }, 'sign');
    });
  }

  /** Moves the pledge one step on (registration, scoring, review, final), when the step before is complete. */
  async advance(ctx: RequestContext, id: string, expectedVersion: number, to: PledgeStatus): Promise<PledgeView> {
    return this.change(ctx, id, expectedVersion, 'advance', 'advance', async (tx, current) => {
      if (to === 'SIGNED')
        throw DomainError.rule(
          'status',
          'useSign',
          'Hãy dùng thao tác ký kết (ngày, sự kiện, đơn vị ký) để chuyển giao ước sang "Đã ký kết".',
        );
      return this.moveTo(tx, current, `advance:${to}`);
    });
  }

  /** Registrations the caller may see: of units in its subtree, or all when it manages the bloc. */
  async registrations(ctx: RequestContext, pledgeId: string): Promise<RegistrationView[]> {
    const pledge = await this.get(ctx, pledgeId);
    return (await this.registrationsOf(ctx, [pledge])).get(pledgeId) ?? [];
  }

  /**
   * Registrations of pledges the caller has read, in one statement: all of them
   * where the caller manages the bloc, otherwise those of units in its subtree.
   */
  async registrationsOf(ctx: RequestContext, pledges: readonly PledgeView[]): Promise<Map<string, RegistrationView[]>> {
    const byId = new Map(pledges.map((p) => [p.id, p]));
    const rows = await this.pledges.registrationsOf(
      ctx,
      pledges.map((p) => p.id),
    );
    const visible = rows
      .filter((r) => REGISTRATION_POLICY.canSee(ctx, { ownerPath: (byId.get(r.pledgeId) as PledgeView).ownerPath, unitPath: r.unitPath }))
      .map(({ unitPath: _unitPath, ...r }) => r);
    return groupBy(visible, (r) => r.pledgeId);
  }

  async registration(ctx: RequestContext, pledgeId: string, unitId: string): Promise<RegistrationView> {
    const found = (await this.registrations(ctx, pledgeId)).find((r) => r.unit.id === unitId);
    if (!found) throw DomainError.notFound('bản đăng ký chỉ tiêu của đơn vị', unitId);
    return found;
  }

  /**
   * A signatory registers (or re-registers) its targets while registration is
   * open. `expectedVersion`: null for the first registration, else the version read.
   */
  async register(
    ctx: RequestContext,
    pledgeId: string,
    unitId: string,
    expectedVersion: number | null,
    input: RegistrationInput,
  ): Promise<RegistrationView> {
    return inTransaction(this.database, ctx, async (tx) => {
      const pledge = await this.get(tx, pledgeId, true);
      // The registration's trail is filed under its unit's path.
      const { path: unitPath } = await visibleUnit(tx, unitId, 'unitId', 'Đơn vị đăng ký');
      if (!pledge.signatories.some((s) => s.id === unitId))
        throw DomainError.rule('unitId', 'notSignatory', 'Đơn vị này không ký giao ước nên không đăng ký chỉ tiêu.');
      if (pledge.status !== 'REGISTRATION_OPEN') {
        throw DomainError.rule(
          'status',
          'registrationClosed',
          `Giao ước đang ở bước "${pledge.statusLabel}": chỉ đăng ký chỉ tiêu khi đang mở đăng ký.`,
        );
      }
      const tasks = input.breakthroughTasks ?? [];
      if (
        pledge.breakthroughMin !== null &&
        pledge.breakthroughMax !== null &&
        (tasks.length < pledge.breakthroughMin || tasks.length > pledge.breakthroughMax)
      ) {
        throw DomainError.rule(
          'breakthroughTasks',
          'count',
          `Giao ước yêu cầu đăng ký từ ${pledge.breakthroughMin} đến ${pledge.breakthroughMax} nhiệm vụ đột phá (đã gửi ${tasks.length}).`,
        );
      }
      const targets = JSON.stringify(input.targets.map((t) => ({ title: t.title, measure: t.measure ?? null })));
      const existing = await this.pledges.lockRegistration(tx, pledgeId, unitId);
      const before = existing ? await this.registration(tx, pledgeId, unitId) : null;
      DomainError.refuseVersionMismatch(REGISTRATION, expectedVersion, existing?.version ?? null);
      const audited = (r: RegistrationView) => ({ ...r, unitPath });
      if (existing && before) {
        const { after, changed } = await writeUnlessUnchanged(tx, before, async () => {
          await this.pledges.updateRegistration(tx, existing.id, existing.version, targets, JSON.stringify(tasks));
          return this.registration(tx, pledgeId, unitId);
        });
        // The same targets and tasks again: answered as they are, same version, no audit event.
        await REGISTRATION_AUDIT.updated(tx, audited(before), { after: audited(after), changed });
        return after;
      }
      await this.pledges.insertRegistration(tx, pledgeId, unitId, targets, JSON.stringify(tasks));
      const saved = await this.registration(tx, pledgeId, unitId);
      await REGISTRATION_AUDIT.created(tx, audited(saved));
      return saved;
    });
  }

  /** Who has not registered yet, who has not submitted its scores, how many reviews are done. */
  async progress(ctx: RequestContext, pledgeId: string): Promise<PledgeProgressView> {
    const pledge = await this.get(ctx, pledgeId);
    return (await this.progressOf(ctx, [pledge.id])).get(pledge.id) ?? progressOfSignatories([]);
  }

  /** Progress of pledges the caller has read (a GraphQL page), in one statement. */
  async progressOf(ctx: RequestContext, pledgeIds: readonly string[]): Promise<Map<string, PledgeProgressView>> {
    const bySignatories = groupBy(await this.pledges.signatoryProgressOf(ctx, pledgeIds), (r) => r.pledgeId);
    return new Map(pledgeIds.map((id) => [id, progressOfSignatories(bySignatories.get(id) ?? [])]));
  }

  /**
   * One managed change of a pledge: lock, PLEDGE_POLICY's check of `policyAction`, check the version, `work`,
   * bump the version, audit (through PLEDGE_LIFECYCLE when `work` took a transition).
   */
  private async change(
    ctx: RequestContext,
    id: string,
    expectedVersion: number,
    action: string,
    policyAction: 'update' | 'setCriteria' | 'sign' | 'advance',
    work: (tx: RequestContext, current: PledgeView) => Promise<TakenTransition<PledgeStatus> | void>,
  ): Promise<PledgeView> {
    return inTransaction(this.database, ctx, async (tx) => {
      const current = await this.get(tx, id, true);
      PLEDGE_POLICY.assert(tx, policyAction, current);
      // Compared before the write (which also checks it, updateVersioned): `work` takes a lifecycle step whose guard
      // reads the current state, and a caller holding a stale version is told to reload (412), not refused for a
      // state it has not seen.
      assertVersion(PLEDGE, expectedVersion, current.version);
      let taken: TakenTransition<PledgeStatus> | void = undefined;
      const { after: updated, changed } = await writeUnlessUnchanged(tx, current, async () => {
        taken = await work(tx, current);
        await this.pledges.bumpVersion(tx, id, expectedVersion);
        return this.get(tx, id);
      });
      if (changed && taken) {
        await PLEDGE_LIFECYCLE.record(tx, taken, {
          entityId: updated.id,
          scopePath: updated.ownerPath,
          before: PLEDGE_AUDIT.fields(current),
          after: PLEDGE_AUDIT.fields(updated),
        });
      } else await PLEDGE_AUDIT.updated(tx, current, { after: updated, changed }, action);
      return updated;
    });
  }

  private async addCriteriaVersion(tx: RequestContext, pledgeId: string, content: CriteriaSetContent): Promise<void> {
    DomainError.refuseIfAny(checkCriteriaSet(content).map((e) => ({ ...e, field: `criteria.${e.field}` })));
    await this.pledges.addCriteriaVersion(tx, pledgeId, content, maximumTotal(content), tx.caller.label);
  }

  private async facts(
    tx: RequestContext,
    pledge: Pick<PledgeView, 'id' | 'status' | 'blocId' | 'signedOn' | 'signingEvent' | 'criteriaSet'>,
  ): Promise<PledgeFacts> {
    const counts = await this.pledges.counts(tx, pledge.id, pledge.blocId);
    return {
      status: pledge.status,
      scorableItems: pledge.criteriaSet ? scorableItems(pledge.criteriaSet).length : 0,
      signatories: counts.signatories,
      signatoriesOutsideBloc: counts.outside,
      signedOn: pledge.signedOn,
      signingEvent: pledge.signingEvent,
      registered: counts.registered,
      scoresSubmitted: counts.submitted,
      reviewsAccepted: counts.accepted,
    };
  }

  /** Takes a PLEDGE_LIFECYCLE transition (its guard refuses while the step before is incomplete). */
  private async moveTo(tx: RequestContext, pledge: PledgeView, action: string): Promise<TakenTransition<PledgeStatus>> {
    const taken = PLEDGE_LIFECYCLE.take(pledge.status, action, await this.facts(tx, pledge));
    await this.pledges.setStatus(tx, pledge.id, taken.to);
    return taken;
  }
}

/** What the audit trail keeps of a pledge. */
function auditFields(p: PledgeView): Record<string, unknown> {
  return {
    title: p.title,
    status: p.status,
    breakthroughMin: p.breakthroughMin,
    breakthroughMax: p.breakthroughMax,
    signedOn: p.signedOn,
    signingEvent: p.signingEvent,
    signingPlace: p.signingPlace,
    documents: p.documents.map((d) => d.number),
    signatories: p.signatories.map((s) => s.id),
    criteriaSetNumber: p.criteriaSet?.number ?? null,
  };
}
