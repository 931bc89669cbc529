import { Body, Controller, Get, Header, Inject, Param, Post, Req } from '@nestjs/common';
import { createMeetingRequest } from '@omnibus/shared';
import type { Request } from 'express';
import { CurrentActor, Public } from '../auth/auth.guard';
import type { Actor } from '../auth/actor';
import { validate } from '../common/validate';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { CalendarService } from './calendar.service';

const ICS = 'text/calendar; charset=utf-8';

/**
 * The origin of addresses the server writes: PUBLIC_URL, else the address this server answered on.
 * Never the Host header, which the caller chooses (a forged one would send subscribers elsewhere).
 */
function origin(config: AppConfig, req: Request): string {
  if (config.publicUrl) return config.publicUrl;
  const address = req.socket.localAddress ?? '127.0.0.1';
  const host = address.includes(':') ? (address.startsWith('::ffff:') ? address.slice(7) : `[${address}]`) : address;
  return `http://${host}:${req.socket.localPort ?? config.port}`;
}

@Controller('api')
export class CalendarController {
  constructor(
    private readonly calendar: CalendarService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

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
    const url = `${origin(this.config, req)}/api/calendar/feed/${key}.ics`;
    return { url, webcal: url.replace(/^https?:/, 'webcal:') };
  }

  @Public()
  @Get('calendar/feed/:key')
  @Header('Content-Type', ICS)
  feed(@Param('key') key: string) {
    return this.calendar.icsForFeed(key.replace(/\.ics$/, ''));
  }
}
