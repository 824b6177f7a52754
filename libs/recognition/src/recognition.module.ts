import { Module } from '@nestjs/common';
import { AwardTitleService } from './award-title.service.js';
import { AwardService } from './award.service.js';
import { AwardResolver, ModelResolver } from './graphql/recognition.resolver.js';
import { ModelService } from './model.service.js';
import { AwardsController } from './rest/awards.controller.js';
import { ModelsController } from './rest/models.controller.js';

/** Recognition: the award catalogue, awards (from a pledge ranking too) and "Dân vận khéo" model practices. */
@Module({
  controllers: [ModelsController, AwardsController],
  providers: [AwardTitleService, AwardService, ModelService, AwardResolver, ModelResolver],
  exports: [AwardTitleService, AwardService, ModelService],
})
export class RecognitionModule {}
