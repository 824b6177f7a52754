import { Module } from '@nestjs/common';
import { BlocService } from './bloc.service.js';
import { EmulationResolver, PledgeResolver } from './graphql/emulation.resolver.js';
import { MovementService } from './movement.service.js';
import { PledgeService } from './pledge.service.js';
import { PledgesController } from './rest/pledges.controller.js';

/** Emulation (thi đua): movements, blocs, pledges with criteria and registrations. */
@Module({
  controllers: [PledgesController],
  providers: [MovementService, BlocService, PledgeService, EmulationResolver, PledgeResolver],
  exports: [MovementService, BlocService, PledgeService],
})
export class EmulationModule {}
