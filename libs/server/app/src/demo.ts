import type { INestApplicationContext } from '@nestjs/common';
import type { Database } from '@danvan/database';
import { loadDemoData, loadDemoEmulation, loadDemoRecognition } from '@danvan/demo-data';
import { DocumentService } from '@danvan/documents';
import { BlocService, MovementService, PledgeService, ScoringService } from '@danvan/emulation';
import { ModelService } from '@danvan/recognition';
import { UnitService } from '@danvan/units';

/** Loads every demo data set (each once, recorded in data_load) through the running app's services. */
export async function loadAllDemoData(app: INestApplicationContext, database: Database) {
  const units = app.get(UnitService);
  const pledges = app.get(PledgeService);
  const scoring = app.get(ScoringService);
  return {
    units: await loadDemoData(database, units),
    emulation: await loadDemoEmulation(database, {
      units,
      documents: app.get(DocumentService),
      movements: app.get(MovementService),
      blocs: app.get(BlocService),
      pledges,
      scoring,
    }),
    recognition: await loadDemoRecognition(database, { units, pledges, scoring, models: app.get(ModelService) }),
  };
}
