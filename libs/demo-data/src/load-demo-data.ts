import { RequestContext } from '@danvan/core';
import { Database, inTransaction, isDataLoaded, recordDataLoad } from '@danvan/database';
import type { UnitService } from '@danvan/units';
import { DEMO_UNITS } from './demo-units.js';

/** Name under which the demo units are recorded in `data_load`; bump it to load a new edition. */
export const DEMO_UNITS_DATA_SET = 'demo-units-2024';

export type DemoLoadResult = { status: 'loaded'; units: number } | { status: 'already-loaded' };

/**
 * Loads the demo units once: in one transaction, through UnitService (so every
 * rule applies), recorded in `data_load`. A unit whose code already exists is
 * kept as it is. Several processes starting together load it once (advisory lock).
 */
export async function loadDemoData(database: Database, units: UnitService): Promise<DemoLoadResult> {
  return database.exclusively('demo-data', () =>
    inTransaction(database, RequestContext.system('demo-data'), async (tx) => {
      if (await isDataLoaded(tx, DEMO_UNITS_DATA_SET)) return { status: 'already-loaded' } as const;
      const idByCode = new Map<string, string>();
      let created = 0;
      for (const demo of DEMO_UNITS) {
        const existing = await units.findByCode(tx, demo.code);
        if (existing) {
          idByCode.set(demo.code, existing.id);
          continue;
        }
        const parentId = demo.parentCode ? idByCode.get(demo.parentCode) : undefined;
        if (demo.parentCode && !parentId) throw new Error(`Demo unit ${demo.code} comes before its parent ${demo.parentCode}`);
        const unit = await units.create(tx, {
          code: demo.code,
          name: demo.name,
          shortName: demo.shortName ?? null,
          kind: demo.kind,
          level: demo.level,
          parentId: parentId ?? null,
          adminAreaCode: demo.adminAreaCode ?? null,
          leaders: demo.leaders ?? [],
          status: demo.status ?? 'ACTIVE',
          validTo: demo.validTo ?? null,
        });
        idByCode.set(demo.code, unit.id);
        created++;
      }
      await recordDataLoad(tx, DEMO_UNITS_DATA_SET);
      return { status: 'loaded', units: created } as const;
    }),
  );
}
