import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { publishVersionRequest, redlineQuery } from '@omnibus/shared';
import { CurrentActor } from '../auth/auth.guard';
import type { Actor } from '../auth/actor';
import { uuidParam, validate } from '../common/validate';
import { VersionsService } from './versions.service';

@Controller('api')
export class VersionsController {
  constructor(private readonly versions: VersionsService) {}

  @Post('drafts/:id/versions')
  publish(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: unknown) {
    return this.versions.publish(actor, uuidParam(id, 'draft'), validate(publishVersionRequest, body ?? {}));
  }

  @Get('drafts/:id/versions')
  list(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.versions.list(actor, uuidParam(id, 'draft'));
  }

  @Get('versions/:id')
  get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.versions.get(actor, uuidParam(id, 'version'));
  }

  /** GET /api/drafts/:id/redline?from=<version id|live>&to=<version id|live> (to defaults to live). */
  @Get('drafts/:id/redline')
  redline(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() query: unknown) {
    const q = validate(redlineQuery, query, 'query string');
    return this.versions.redline(actor, uuidParam(id, 'draft'), q.from, q.to);
  }

  @Get('drafts/:id/consensus')
  consensus(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.versions.consensus(actor, uuidParam(id, 'draft'));
  }
}
