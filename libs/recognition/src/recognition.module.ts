import { Module } from '@nestjs/common';
import { AwardRepository } from './awards/award.repository.js';
import { AwardService } from './awards/award.service.js';
import { AwardResolver } from './awards/graphql/award.resolver.js';
import { AwardsController } from './awards/rest/awards.controller.js';
import { ModelResolver } from './models/graphql/model.resolver.js';
import { ModelRepository } from './models/model.repository.js';
import { ModelService } from './models/model.service.js';
import { ModelsController } from './models/rest/models.controller.js';
import { AwardTitleRepository } from './titles/award-title.repository.js';
import { AwardTitleService } from './titles/award-title.service.js';
import { AwardTitleResolver } from './titles/graphql/award-title.resolver.js';

/**
 * Recognition: the award catalogue (titles/), awards, from a pledge ranking too (awards/), and "Dân vận khéo"
 * model practices (models/). The pledges awards refer to are asked through the PledgeOutcomes port
 * (awards/pledge-outcomes.port.ts), which emulation provides globally.
 */
@Module({
  controllers: [ModelsController, AwardsController],
  providers: [
    AwardTitleRepository,
    AwardTitleService,
    AwardRepository,
    AwardService,
    ModelRepository,
    ModelService,
    AwardTitleResolver,
    AwardResolver,
    ModelResolver,
  ],
  exports: [AwardTitleService, AwardService, ModelService],
})
export class RecognitionModule {}
