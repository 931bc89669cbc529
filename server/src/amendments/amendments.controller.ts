import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { inviteCosponsorsRequest, updateAmendmentRequest } from '@omnibus/shared';
import { CurrentActor } from '../auth/auth.guard';
import type { Actor } from '../auth/actor';
import { notFound } from '../common/app-error';
import { uuidParam, validate } from '../common/validate';
import { SponsorshipsService } from '../sponsorships/sponsorships.service';
import { AmendmentsService } from './amendments.service';

@Controller('api/amendments')
export class AmendmentsController {
  constructor(
    private readonly amendments: AmendmentsService,
    private readonly sponsorships: SponsorshipsService,
  ) {}

  @Get(':id')
  async get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    const amendmentId = uuidParam(id, 'amendment');
    const paragraph = await this.amendments.paragraphOf(actor, amendmentId);
    const amendment = paragraph.amendments.find((a) => a.id === amendmentId);
    if (!amendment) throw notFound('amendment', amendmentId);
    return amendment;
  }

  @Patch(':id')
  update(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: unknown) {
    return this.amendments.update(actor, uuidParam(id, 'amendment'), validate(updateAmendmentRequest, body));
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  withdraw(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.amendments.withdraw(actor, uuidParam(id, 'amendment'));
  }

  @Post(':id/cosponsors')
  invite(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: unknown) {
    const { cosponsors } = validate(inviteCosponsorsRequest, body);
    return this.sponsorships.invite(actor, { amendmentId: uuidParam(id, 'amendment') }, cosponsors);
  }
}
