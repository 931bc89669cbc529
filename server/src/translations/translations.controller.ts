import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { putTranslationRequest, updateCommitteeLanguagesRequest } from '@omnibus/shared';
import { CurrentActor } from '../auth/auth.guard';
import type { Actor } from '../auth/actor';
import { uuidParam, validate } from '../common/validate';
import { CommitteeLanguagesService } from './committee-languages.service';
import { TranslationsService } from './translations.service';

@Controller('api')
export class TranslationsController {
  constructor(
    private readonly translations: TranslationsService,
    private readonly committeeLanguages: CommitteeLanguagesService,
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

  @Get('committees/:id/languages')
  languages(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.committeeLanguages.get(actor, uuidParam(id, 'committee'));
  }

  @Put('committees/:id/languages')
  setLanguages(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: unknown) {
    return this.committeeLanguages.set(actor, uuidParam(id, 'committee'), validate(updateCommitteeLanguagesRequest, body));
  }
}
