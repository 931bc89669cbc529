import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { createAmendmentRequest, inviteCosponsorsRequest, moveParagraphRequest, updateParagraphRequest } from '@omnibus/shared';
import { AmendmentsService } from '../amendments/amendments.service';
import { CurrentActor } from '../auth/auth.guard';
import type { Actor } from '../auth/actor';
import { uuidParam, validate } from '../common/validate';
import { SponsorshipsService } from '../sponsorships/sponsorships.service';
import { ParagraphsService } from './paragraphs.service';

@Controller('api/paragraphs')
export class ParagraphsController {
  constructor(
    private readonly paragraphs: ParagraphsService,
    private readonly amendments: AmendmentsService,
    private readonly sponsorships: SponsorshipsService,
  ) {}

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.paragraphs.get(actor, uuidParam(id, 'paragraph'));
  }

  @Patch(':id')
  update(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: unknown) {
    return this.paragraphs.update(actor, uuidParam(id, 'paragraph'), validate(updateParagraphRequest, body));
  }

  @Post(':id/move')
  @HttpCode(200)
  move(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: unknown) {
    return this.paragraphs.move(actor, uuidParam(id, 'paragraph'), validate(moveParagraphRequest, body));
  }

  @Post(':id/delete')
  @HttpCode(200)
  delete(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.paragraphs.delete(actor, uuidParam(id, 'paragraph'));
  }

  @Post(':id/restore')
  @HttpCode(200)
  restore(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.paragraphs.restore(actor, uuidParam(id, 'paragraph'));
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  withdraw(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.paragraphs.withdraw(actor, uuidParam(id, 'paragraph'));
  }

  @Post(':id/amendments')
  propose(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: unknown) {
    return this.amendments.propose(actor, uuidParam(id, 'paragraph'), validate(createAmendmentRequest, body));
  }

  /** The caller's delegation asks to join the sponsors of this new paragraph. */
  @Post(':id/join-requests')
  requestToJoin(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.sponsorships.requestToJoin(actor, uuidParam(id, 'paragraph'));
  }

  @Post(':id/cosponsors')
  invite(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: unknown) {
    const { cosponsors } = validate(inviteCosponsorsRequest, body);
    return this.sponsorships.invite(actor, { paragraphId: uuidParam(id, 'paragraph') }, cosponsors);
  }
}
