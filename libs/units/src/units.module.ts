import { Module } from '@nestjs/common';
import { UnitResolver } from './graphql/unit.resolver.js';
import { UnitsController } from './rest/units.controller.js';
import { UnitRepository } from './unit.repository.js';
import { UnitService } from './unit.service.js';

/** The unit register: one service, two transports. Needs a `Database` provider from the app. */
@Module({
  controllers: [UnitsController],
  providers: [UnitRepository, UnitService, UnitResolver],
  exports: [UnitService],
})
export class UnitsModule {}
