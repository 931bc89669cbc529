import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { createDraftRequest, createParagraphRequest, draftParagraphsQuery, updateCapsRequest } from '@omnibus/shared';
import { z } from 'zod';
import { withDraftActions } from '../access/access.policy';
import { CurrentActor } from '../auth/auth.guard';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { uuidParam, validate } from '../common/validate';
import { ParagraphsService } from '../paragraphs/paragraphs.service';
import { TranslationsService } from '../translations/translations.service';
import { DraftsService } from './drafts.service';

const historyQuery = z.strictObject({
  after: z.string().regex(/^\d{1,18}$/).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  targetId: z.uuid().optional(),
});

@Controller('api/drafts')
export class DraftsController {
  constructor(
    private readonly drafts: DraftsService,
    private readonly paragraphs: ParagraphsService,
    private readonly audit: AuditService,
    private readonly translations: TranslationsService,
  ) {}

  @Get()
  list(@CurrentActor() actor: Actor) {
    return this.drafts.list(actor);
  }

  @Post()
  create(@CurrentActor() actor: Actor, @Body() body: unknown) {
    return this.drafts.create(actor, validate(createDraftRequest, body));
  }

  /** With `?lang=`, every text in that official language where translated, each unit with its translation status. */
  @Get(':id')
  async get(@CurrentActor() actor: Actor, @Param('id') id: string, @Query('lang') lang: unknown) {
    const draftId = uuidParam(id, 'draft');
    if (lang !== undefined) {
      return withDraftActions(actor, await this.translations.translatedView(actor, draftId, typeof lang === 'string' ? lang : String(lang)));
    }
    const view = await this.drafts.get(actor, draftId);
    const languages = await this.translations.languages(draftId);
    return withDraftActions(actor, { ...view, languages, lang: languages.original });
  }

  @Patch(':id/caps')
  caps(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: unknown) {
    return this.drafts.updateCaps(actor, uuidParam(id, 'draft'), validate(updateCapsRequest, body));
  }

  @Post(':id/paragraphs')
  addParagraph(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: unknown) {
    return this.paragraphs.create(actor, uuidParam(id, 'draft'), validate(createParagraphRequest, body));
  }

  /**
   * Several paragraphs of the draft at once (a room refreshing what its live events named), each
   * as GET /api/paragraphs/:id answers it; ids that are not paragraphs of this draft are left out.
   */
  @Get(':id/paragraphs')
  paragraphsOf(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() query: unknown) {
    const draftId = uuidParam(id, 'draft');
    const { ids } = validate(draftParagraphsQuery, query, 'query string');
    return this.paragraphs.getMany(actor, draftId, ids);
  }

  /** The append-only history of the draft: who changed what, for which delegation, when, before and after. */
  @Get(':id/history')
  async history(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() query: unknown) {
    const draftId = uuidParam(id, 'draft');
    await this.drafts.get(actor, draftId);
    const q = validate(historyQuery, query, 'query string');
    const options: { limit: number; afterId?: string; targetId?: string } = { limit: q.limit };
    if (q.after !== undefined) options.afterId = q.after;
    if (q.targetId !== undefined) options.targetId = q.targetId;
    return this.audit.forDraft(draftId, options);
  }
}
