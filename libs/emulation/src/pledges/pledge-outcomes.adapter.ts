import { Global, Injectable, Module } from '@nestjs/common';
import { pathInScope, SqlParams, type RequestContext } from '@danvan/core';
import { Database, managerOf } from '@danvan/database';
import { PledgeOutcomes, type PledgeOutcome } from '@danvan/recognition';

/**
 * Emulation's answer to recognition's pledge-outcome port: SQL over emulation's
 * own tables (pledge, emulation_bloc, pledge_signatory), through the context's
 * transaction when it has one.
 */
@Injectable()
export class PledgeOutcomesAdapter extends PledgeOutcomes {
  constructor(private readonly database: Database) {
    super();
  }

  async managedPledge(ctx: RequestContext, pledgeId: string, options: { lock?: boolean } = {}): Promise<PledgeOutcome | null> {
    const params = new SqlParams();
    const where = [`p.id = ${params.add(pledgeId)}`, pathInScope(ctx, params, 'ou.path')].filter(Boolean).join(' AND ');
    // FOR UPDATE OF p locks only a pledge the scope lets through; after a wait, PostgreSQL reads the row
    // again, so the status is the one committed by the writer waited for.
    const [row] = (await managerOf(this.database, ctx).query(
      `SELECT p.id, p.title, b.year, p.status FROM pledge p JOIN emulation_bloc b ON b.id = p.bloc_id
         JOIN unit_directory ou ON ou.id = b.owner_unit_id WHERE ${where}${options.lock ? ' FOR UPDATE OF p' : ''}`,
      params.values,
    )) as Array<Omit<PledgeOutcome, 'finalised'>>;
    return row ? { ...row, finalised: row.status === 'FINALISED' } : null;
  }

  async lock(ctx: RequestContext, pledgeId: string): Promise<void> {
    await managerOf(this.database, ctx).query(`SELECT 1 FROM pledge WHERE id = $1 FOR UPDATE`, [pledgeId]);
  }

  async titleOf(ctx: RequestContext, pledgeId: string): Promise<string | null> {
    const [row] = (await managerOf(this.database, ctx).query(`SELECT title FROM pledge WHERE id = $1`, [pledgeId])) as Array<{
      title: string;
    }>;
    return row?.title ?? null;
  }

  async signatoryUnitIds(ctx: RequestContext, pledgeId: string): Promise<string[]> {
    const rows = (await managerOf(this.database, ctx).query(`SELECT unit_id AS id FROM pledge_signatory WHERE pledge_id = $1`, [
      pledgeId,
    ])) as Array<{ id: string }>;
    return rows.map((r) => r.id);
  }

  async isSignatory(ctx: RequestContext, pledgeId: string, unitId: string): Promise<boolean> {
    const rows = (await managerOf(this.database, ctx).query(`SELECT 1 FROM pledge_signatory WHERE pledge_id = $1 AND unit_id = $2`, [
      pledgeId,
      unitId,
    ])) as unknown[];
    return rows.length > 0;
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
