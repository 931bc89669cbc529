import { Controller, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { importQuery } from '@omnibus/shared';
import type { Request } from 'express';
import { CurrentActor } from '../../auth/auth.guard';
import type { Actor } from '../../auth/actor';
import { uuidParam, validate } from '../../common/validate';
import { ImportsService } from './imports.service';
import { readUpload } from './upload';

/**
 * The body is the document itself (text/plain, or a .docx); options are in the query string:
 * source=chair_draft|entity_proposal, acceptOverCap=true, sections=[{"heading","sectionId"}].
 */
@Controller('api/drafts')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post(':id/import/preview')
  @HttpCode(200)
  preview(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() query: unknown, @Req() req: Request) {
    return this.imports.preview(actor, uuidParam(id, 'draft'), () => readUpload(req), validate(importQuery, query, 'query string'));
  }

  @Post(':id/import')
  commit(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() query: unknown, @Req() req: Request) {
    return this.imports.commit(actor, uuidParam(id, 'draft'), () => readUpload(req), validate(importQuery, query, 'query string'));
  }
}
