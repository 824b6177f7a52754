import { Module } from '@nestjs/common';
import { RecognitionModule } from '@danvan/recognition';
import { BlocService } from './bloc.service.js';
import { BlocPledgeResolver } from './graphql/bloc-pledge.resolver.js';
import { EmulationResolver, PledgeResolver } from './graphql/emulation.resolver.js';
import { MovementService } from './movement.service.js';
import { PledgeService } from './pledge.service.js';
import { PledgesController } from './rest/pledges.controller.js';
import { ScoringController } from './rest/scoring.controller.js';
import { ScoringResolver } from './graphql/scoring.resolver.js';
import { ScoringService } from './scoring.service.js';

/** Emulation (thi đua): movements, blocs, pledges with criteria and registrations. */
@Module({
  imports: [RecognitionModule],
  controllers: [PledgesController, ScoringController],
  providers: [
    MovementService,
    BlocService,
    PledgeService,
    ScoringService,
    EmulationResolver,
    PledgeResolver,
    BlocPledgeResolver,
    ScoringResolver,
  ],
  exports: [MovementService, BlocService, PledgeService, ScoringService],
})
export class EmulationModule {}
