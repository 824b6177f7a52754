import type { RequestContext } from '@danvan/core';

/** A pledge as recognition needs it: its awards take its year, and are made only once it is finalised. */
export interface PledgeOutcome {
  id: string;
  title: string;
  year: number;
  status: string;
  /** FINALISED, the last status of the pledge lifecycle: once true, it stays true. */
  finalised: boolean;
}

/**
 * What recognition asks emulation about a pledge (the pledge-outcome port): the
 * pledge tables are emulation's, so recognition never names them in its SQL.
 * Emulation implements it (`libs/emulation/src/pledges/pledge-outcomes.adapter.ts`)
 * and provides it globally; the class itself is the Nest injection token.
 * Every method queries through the context's transaction when it has one.
 */
export abstract class PledgeOutcomes {
  /**
   * The pledge, found only when the caller's subtree holds its bloc's managing
   * unit (null otherwise, or when there is no such pledge). `lock`: the pledge row
   * is locked FOR UPDATE, only when the scope lets it through (a caller outside it
   * holds no lock); a locked read after a wait sees what the writer waited for committed.
   */
  abstract managedPledge(ctx: RequestContext, pledgeId: string, options?: { lock?: boolean }): Promise<PledgeOutcome | null>;

  /**
   * Locks the pledge row FOR UPDATE, whoever the caller: "pledge before award", the
   * lock order every writer of a pledge's awards and the pledge's own changes keep.
   */
  abstract lock(ctx: RequestContext, pledgeId: string): Promise<void>;

  /*
   * The reads below answer only for a pledge the caller may see (emulation's pledge policy: its subtree
   * holds the bloc's managing unit or one of its members); of any other, recognition learns nothing.
   */

  /** The pledge's title (for naming an export's filter), or null when the caller sees no such pledge. */
  abstract titleOf(ctx: RequestContext, pledgeId: string): Promise<string | null>;

  /** The ids of the units that signed the pledge (none when the caller sees no such pledge). */
  abstract signatoryUnitIds(ctx: RequestContext, pledgeId: string): Promise<string[]>;

  /** Whether the unit signed the pledge (false when the caller sees no such pledge). */
  abstract isSignatory(ctx: RequestContext, pledgeId: string, unitId: string): Promise<boolean>;
}
