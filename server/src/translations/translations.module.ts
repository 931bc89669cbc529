import { Module } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { DraftsRepository } from '../drafts/drafts.repository';
import { CommitteeLanguagesService } from './committee-languages.service';
import { TranslationEvents } from './translation-events';
import { TranslationImportService } from './translation-import.service';
import { TranslationsController } from './translations.controller';
import { TranslationsRepository } from './translations.repository';
import { TranslationsService } from './translations.service';

/** Parallel language versions of the drafts: the official languages, translations and their status. */
@Module({
  controllers: [TranslationsController],
  providers: [AuditService, DraftsRepository, TranslationsRepository, TranslationsService, CommitteeLanguagesService, TranslationEvents, TranslationImportService],
  exports: [TranslationsService],
})
export class TranslationsModule {}
