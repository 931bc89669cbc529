import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { importTranslationRequest, putTranslationRequest, updateCommitteeLanguagesRequest, updateDraftLanguageRequest } from '@omnibus/shared';
import { CurrentActor } from '../auth/auth.guard';
import type { Actor } from '../auth/actor';
import { uuidParam, validate } from '../common/validate';
import { CommitteeLanguagesService } from './committee-languages.service';
import { TranslationImportService } from './translation-import.service';
import { TranslationsService } from './translations.service';

@Controller('api')
export class TranslationsController {
  constructor(
    private readonly translations: TranslationsService,
    private readonly committeeLanguages: CommitteeLanguagesService,
    private readonly imports: TranslationImportService,
  ) {}

  @Put('paragraphs/:id/translations/:lang')
  putParagraph(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('lang') lang: string, @Body() body: unknown) {
    return this.translations.put(actor, 'paragraph', uuidParam(id, 'paragraph'), lang, validate(putTranslationRequest, body));
  }

  @Put('amendments/:id/translations/:lang')
  putAmendment(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('lang') lang: string, @Body() body: unknown) {
    return this.translations.put(actor, 'amendment', uuidParam(id, 'amendment'), lang, validate(putTranslationRequest, body));
  }

  @Get('drafts/:id/translations/summary')
  summary(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.translations.summary(actor, uuidParam(id, 'draft'));
  }

  @Post('drafts/:id/translations/:lang/import/preview')
  @HttpCode(200)
  importPreview(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('lang') lang: string, @Body() body: unknown) {
    return this.imports.preview(actor, uuidParam(id, 'draft'), lang, validate(importTranslationRequest, body));
  }

  @Post('drafts/:id/translations/:lang/import')
  importCommit(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('lang') lang: string, @Body() body: unknown) {
    return this.imports.commit(actor, uuidParam(id, 'draft'), lang, validate(importTranslationRequest, body));
  }

  @Put('drafts/:id/languages')
  setDraftOriginal(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: unknown) {
    return this.committeeLanguages.setDraftOriginal(actor, uuidParam(id, 'draft'), validate(updateDraftLanguageRequest, body));
  }

  @Get('committees/:id/languages')
  languages(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.committeeLanguages.get(actor, uuidParam(id, 'committee'));
  }

  @Put('committees/:id/languages')
  setLanguages(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: unknown) {
    return this.committeeLanguages.set(actor, uuidParam(id, 'committee'), validate(updateCommitteeLanguagesRequest, body));
  }
}
