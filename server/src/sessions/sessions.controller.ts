import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { callParagraphRequest, decisionRequest, floorRequest, minutesQuery, openSessionRequest, reorderQueueRequest } from '@omnibus/shared';
import type { Response } from 'express';
import { CurrentActor } from '../auth/auth.guard';
import type { Actor } from '../auth/actor';
import { uuidParam, validate } from '../common/validate';
import { DecisionsService } from './decisions.service';
import { QueueService } from './queue.service';
import { SessionsService } from './sessions.service';
import { SpeakersService } from './speakers.service';

@Controller('api')
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly queue: QueueService,
    private readonly decisions: DecisionsService,
    private readonly speakers: SpeakersService,
  ) {}

  @Post('drafts/:id/sessions')
  open(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: unknown) {
    return this.sessions.open(actor, uuidParam(id, 'draft'), validate(openSessionRequest, body));
  }

  @Get('drafts/:id/sessions')
  list(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.sessions.list(actor, uuidParam(id, 'draft'));
  }

  @Get('drafts/:id/sessions/current')
  async current(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return { session: await this.sessions.current(actor, uuidParam(id, 'draft')) };
  }

  @Get('sessions/:id')
  get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.sessions.get(actor, uuidParam(id, 'session'));
  }

  @Post('sessions/:id/call')
  @HttpCode(200)
  call(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: unknown) {
    return this.queue.call(actor, uuidParam(id, 'session'), validate(callParagraphRequest, body ?? {}).paragraphId);
  }

  @Post('sessions/:id/queue/order')
  @HttpCode(200)
  reorder(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: unknown) {
    return this.queue.reorder(actor, uuidParam(id, 'session'), validate(reorderQueueRequest, body));
  }

  @Post('sessions/:id/queue/:paragraphId/skip')
  @HttpCode(200)
  skip(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('paragraphId') paragraphId: string) {
    return this.queue.skip(actor, uuidParam(id, 'session'), uuidParam(paragraphId, 'paragraph'));
  }

  @Post('sessions/:id/queue/:paragraphId/return')
  @HttpCode(200)
  returnToQueue(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('paragraphId') paragraphId: string) {
    return this.queue.returnToQueue(actor, uuidParam(id, 'session'), uuidParam(paragraphId, 'paragraph'));
  }

  @Post('sessions/:id/decisions')
  decide(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: unknown) {
    return this.decisions.decide(actor, uuidParam(id, 'session'), validate(decisionRequest, body));
  }

  @Get('sessions/:id/speakers')
  speakerList(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.speakers.list(actor, uuidParam(id, 'session'));
  }

  @Post('sessions/:id/floor')
  requestFloor(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: unknown) {
    return this.speakers.request(actor, uuidParam(id, 'session'), validate(floorRequest, body ?? {}).paragraphId);
  }

  @Post('sessions/:id/floor/withdraw')
  @HttpCode(200)
  withdrawFloor(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.speakers.withdraw(actor, uuidParam(id, 'session'));
  }

  @Post('sessions/:id/speakers/next')
  @HttpCode(200)
  nextSpeaker(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.speakers.next(actor, uuidParam(id, 'session'));
  }

  @Post('sessions/:id/speakers/:requestId/remove')
  @HttpCode(200)
  removeSpeaker(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('requestId') requestId: string) {
    return this.speakers.remove(actor, uuidParam(id, 'session'), uuidParam(requestId, 'speaker request'));
  }

  @Post('sessions/:id/close')
  @HttpCode(200)
  close(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.sessions.close(actor, uuidParam(id, 'session'));
  }

  /** ?format=json (default), markdown or text. */
  @Get('sessions/:id/minutes')
  @Header('Cache-Control', 'no-store')
  async minutes(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() query: unknown, @Res({ passthrough: true }) res: Response) {
    const { format } = validate(minutesQuery, query, 'query string');
    const minutes = await this.sessions.minutes(actor, uuidParam(id, 'session'), format);
    if (typeof minutes === 'string') {
      res.type(format === 'markdown' ? 'text/markdown; charset=utf-8' : 'text/plain; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="minutes-${id}.${format === 'markdown' ? 'md' : 'txt'}"`);
    }
    return minutes;
  }
}
