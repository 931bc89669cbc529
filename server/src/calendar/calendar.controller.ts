import { Body, Controller, Get, Header, Param, Post, Req } from '@nestjs/common';
import { createMeetingRequest } from '@omnibus/shared';
import type { Request } from 'express';
import { CurrentActor, Public } from '../auth/auth.guard';
import type { Actor } from '../auth/actor';
import { validate } from '../common/validate';
import { CalendarService } from './calendar.service';

const ICS = 'text/calendar; charset=utf-8';

function origin(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

@Controller('api')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  /** Meetings, milestones and report reminders; timed events in UTC, whole days as the committee's dates. */
  @Get('calendar')
  list(@CurrentActor() actor: Actor) {
    return this.calendar.list(actor);
  }

  @Post('calendar/meetings')
  schedule(@CurrentActor() actor: Actor, @Body() body: unknown) {
    return this.calendar.scheduleMeeting(actor, validate(createMeetingRequest, body));
  }

  /** The feed for a signed-in client (Authorization header). */
  @Get('calendar.ics')
  @Header('Content-Type', ICS)
  ics(@CurrentActor() actor: Actor) {
    return this.calendar.ics(actor.committeeId);
  }

  /** The private address a delegate pastes into a calendar application to subscribe. */
  @Get('calendar/subscription')
  async subscription(@CurrentActor() actor: Actor, @Req() req: Request) {
    const key = await this.calendar.subscription(actor);
    const url = `${origin(req)}/api/calendar/feed/${key}.ics`;
    return { url, webcal: url.replace(/^https?:/, 'webcal:') };
  }

  @Public()
  @Get('calendar/feed/:key')
  @Header('Content-Type', ICS)
  feed(@Param('key') key: string) {
    return this.calendar.icsForFeed(key.replace(/\.ics$/, ''));
  }
}
