import { Global, Injectable, Module } from '@nestjs/common';
import { allOf, SqlParams, type RequestContext } from '@danvan/core';
import { Database, managerOf } from '@danvan/database';
import { PledgeOutcomes, type PledgeOutcome } from '@danvan/recognition';
import { PLEDGE_POLICY } from './pledge.policy.js';

/** The pledge with its bloc (`b`) and the bloc's managing unit (`ou`): what PLEDGE_POLICY's SQL reads. */
const PLEDGE_WITH_BLOC = `pledge p JOIN emulation_bloc b ON b.id = p.bloc_id JOIN unit_directory ou ON ou.id = b.owner_unit_id`;

/**
 * Emulation's answer to recognition's pledge-outcome port: SQL over emulation's
 * own tables (pledge, emulation_bloc, pledge_signatory), through the context's
 * transaction when it has one. Who reaches a pledge is PLEDGE_POLICY's answer
 * (rendered in SQL), never a scope condition of this file's own.
 */
@Injectable()
export class PledgeOutcomesAdapter extends PledgeOutcomes {
  constructor(private readonly database: Database) {
    super();
  }

  async managedPledge(ctx: RequestContext, pledgeId: string, options: { lock?: boolean } = {}): Promise<PledgeOutcome | null> {
    const params = new SqlParams();
    // `oversee`: the caller's subtree holds the bloc's managing unit (MANAGES_BLOC), as every managing action.
    const where = allOf(`p.id = ${params.add(pledgeId)}`, PLEDGE_POLICY.actionSql(ctx, 'oversee', params));
    // FOR UPDATE OF p locks only a pledge the scope lets through; after a wait, PostgreSQL reads the row
    // again, so the status is the one committed by the writer waited for.
    const [row] = (await managerOf(this.database, ctx).query(
      `SELECT p.id, p.title, b.year, p.status FROM ${PLEDGE_WITH_BLOC} WHERE ${where}${options.lock ? ' FOR UPDATE OF p' : ''}`,
      params.values,
    )) as Array<Omit<PledgeOutcome, 'finalised'>>;
    return row ? { ...row, finalised: row.status === 'FINALISED' } : null;
  }

  async lock(ctx: RequestContext, pledgeId: string): Promise<void> {
    await managerOf(this.database, ctx).query(`SELECT 1 FROM pledge WHERE id = $1 FOR UPDATE`, [pledgeId]);
  }

  async titleOf(ctx: RequestContext, pledgeId: string): Promise<string | null> {
    const params = new SqlParams();
    const [row] = (await managerOf(this.database, ctx).query(
      `SELECT p.title FROM ${PLEDGE_WITH_BLOC} WHERE ${this.visible(ctx, params, pledgeId)}`,
      params.values,
    )) as Array<{ title: string }>;
    return row?.title ?? null;
  }

  async signatoryUnitIds(ctx: RequestContext, pledgeId: string): Promise<string[]> {
    const params = new SqlParams();
    const rows = (await managerOf(this.database, ctx).query(
      `SELECT s.unit_id AS id FROM pledge_signatory s JOIN ${PLEDGE_WITH_BLOC} ON p.id = s.pledge_id WHERE ${this.visible(ctx, params, pledgeId)}`,
      params.values,
    )) as Array<{ id: string }>;
    return rows.map((r) => r.id);
  }

  async isSignatory(ctx: RequestContext, pledgeId: string, unitId: string): Promise<boolean> {
    const params = new SqlParams();
    const rows = (await managerOf(this.database, ctx).query(
      `SELECT 1 FROM pledge_signatory s JOIN ${PLEDGE_WITH_BLOC} ON p.id = s.pledge_id
        WHERE s.unit_id = ${params.add(unitId)} AND ${this.visible(ctx, params, pledgeId)}`,
      params.values,
    )) as unknown[];
    return rows.length > 0;
  }

  /** The pledge, if the caller may see it (PLEDGE_POLICY `see`: it manages the bloc or a member lies in its subtree). */
  private visible(ctx: RequestContext, params: SqlParams, pledgeId: string): string {
    return allOf(`p.id = ${params.add(pledgeId)}`, PLEDGE_POLICY.visibleSql(ctx, params));
  }
}

/**
 * Provides recognition's PledgeOutcomes port to the whole app. Global, and imported by the app module,
 * because EmulationModule imports RecognitionModule: RecognitionModule importing this would close a cycle.
 */
@Global()
@Module({
  providers: [{ provide: PledgeOutcomes, useClass: PledgeOutcomesAdapter }],
  exports: [PledgeOutcomes],
})
export class PledgeOutcomesModule {}
