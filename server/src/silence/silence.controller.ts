import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { breakSilenceRequest, startSilenceRequest } from '@omnibus/shared';
import { CurrentActor } from '../auth/auth.guard';
import type { Actor } from '../auth/actor';
import { uuidParam, validate } from '../common/validate';
import { SilenceService } from './silence.service';

@Controller('api')
export class SilenceController {
  constructor(private readonly silence: SilenceService) {}

  @Post('drafts/:id/silence')
  start(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: unknown) {
    return this.silence.start(actor, uuidParam(id, 'draft'), validate(startSilenceRequest, body));
  }

  @Get('drafts/:id/silence')
  list(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.silence.list(actor, uuidParam(id, 'draft'));
  }

  @Get('silence/:id')
  get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.silence.get(actor, uuidParam(id, 'silence procedure'));
  }

  /** A delegation breaks silence, stating its objection. */
  @Post('silence/:id/objections')
  object(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: unknown) {
    return this.silence.object(actor, uuidParam(id, 'silence procedure'), validate(breakSilenceRequest, body));
  }
}
