import { Module } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { DraftsRepository } from '../drafts/drafts.repository';
import { ParagraphsRepository } from '../paragraphs/paragraphs.repository';
import { ExportsController } from './export/exports.controller';
import { ExportsRepository } from './export/exports.repository';
import { ExportsService } from './export/exports.service';
import { PdfRenderer } from './export/pdf-renderer';
import { ImportsController } from './import/imports.controller';
import { ImportsRepository } from './import/imports.repository';
import { ImportsService } from './import/imports.service';
import { TranslationsModule } from '../translations/translations.module';

/**
 * Documents in and out: imports of drafts and proposals, exports of the consensus draft, the
 * compilation text and redlines. The repositories it shares with the resolution are stateless,
 * so it provides its own instances rather than importing the module that declares them.
 */
@Module({
  imports: [TranslationsModule],
  controllers: [ExportsController, ImportsController],
  providers: [ExportsService, ExportsRepository, PdfRenderer, ImportsService, ImportsRepository, DraftsRepository, ParagraphsRepository, AuditService],
})
export class DocumentsModule {}
