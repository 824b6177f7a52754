import { Module } from '@nestjs/common';
import { UnitsModule } from '@danvan/units';
import { DocumentRepository } from './document.repository.js';
import { DocumentService } from './document.service.js';
import { DocumentResolver } from './graphql/document.resolver.js';
import { DocumentsController } from './rest/documents.controller.js';

/** The document register (sổ văn bản), cited by pledges, awards, programmes and inspections. */
@Module({
  imports: [UnitsModule],
  controllers: [DocumentsController],
  providers: [DocumentRepository, DocumentService, DocumentResolver],
  exports: [DocumentService],
})
export class DocumentsModule {}
