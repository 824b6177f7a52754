import { Module } from '@nestjs/common';
import { RecognitionModule } from '@danvan/recognition';
import { BlocRepository } from './blocs/bloc.repository.js';
import { BlocResolver } from './blocs/graphql/bloc.resolver.js';
import { BlocService } from './blocs/bloc.service.js';
import { BlocPledgeResolver } from './pledges/graphql/bloc-pledge.resolver.js';
import { PledgeResolver } from './pledges/graphql/pledge.resolver.js';
import { MovementRepository } from './movements/movement.repository.js';
import { MovementResolver } from './movements/graphql/movement.resolver.js';
import { MovementService } from './movements/movement.service.js';
import { PledgeRepository } from './pledges/pledge.repository.js';
import { PledgeService } from './pledges/pledge.service.js';
import { PledgesController } from './pledges/rest/pledges.controller.js';
import { ScoringController } from './scoring/rest/scoring.controller.js';
import { ScoringResolver } from './scoring/graphql/scoring.resolver.js';
import { ScoreSheetRepository } from './scoring/score-sheet.repository.js';
import { ScoringService } from './scoring/scoring.service.js';

/** Emulation (thi đua): movements, blocs, pledges with criteria and registrations. */
@Module({
  imports: [RecognitionModule],
  controllers: [PledgesController, ScoringController],
  providers: [
    MovementRepository,
    MovementService,
    MovementResolver,
    BlocRepository,
    BlocService,
    BlocResolver,
    PledgeRepository,
    PledgeService,
    PledgeResolver,
    BlocPledgeResolver,
    ScoreSheetRepository,
    ScoringService,
    ScoringResolver,
  ],
  exports: [MovementService, BlocService, PledgeService, ScoringService],
})
export class EmulationModule {}
