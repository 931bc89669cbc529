import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CurrentActor } from '../auth/auth.guard';
import type { Actor } from '../auth/actor';
import { uuidParam } from '../common/validate';
import { SponsorshipsService } from './sponsorships.service';

@Controller('api/sponsorships')
export class SponsorshipsController {
  constructor(private readonly sponsorships: SponsorshipsService) {}

  /** Invitations to co-sponsor waiting for the caller's delegation. */
  @Get('invitations')
  invitations(@CurrentActor() actor: Actor) {
    return this.sponsorships.pendingInvitations(actor);
  }

  /** Requests from other delegations to join the sponsors of the caller's delegation's new paragraphs. */
  @Get('requests')
  requests(@CurrentActor() actor: Actor) {
    return this.sponsorships.pendingRequests(actor);
  }

  @Post(':id/accept')
  @HttpCode(200)
  accept(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.sponsorships.respond(actor, uuidParam(id, 'invitation'), 'accepted');
  }

  @Post(':id/decline')
  @HttpCode(200)
  decline(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.sponsorships.respond(actor, uuidParam(id, 'invitation'), 'declined');
  }
}
