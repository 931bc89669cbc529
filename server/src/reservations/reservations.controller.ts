import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { createReservationRequest } from '@omnibus/shared';
import { CurrentActor } from '../auth/auth.guard';
import type { Actor } from '../auth/actor';
import { uuidParam, validate } from '../common/validate';
import { ReservationsService } from './reservations.service';

@Controller('api')
export class ReservationsController {
  constructor(private readonly reservations: ReservationsService) {}

  @Post('paragraphs/:id/reservations')
  create(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: unknown) {
    return this.reservations.create(actor, uuidParam(id, 'paragraph'), validate(createReservationRequest, body));
  }

  @Get('paragraphs/:id/reservations')
  forParagraph(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.reservations.forParagraph(actor, uuidParam(id, 'paragraph'));
  }

  @Post('reservations/:id/withdraw')
  @HttpCode(200)
  withdraw(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.reservations.withdraw(actor, uuidParam(id, 'reservation'));
  }

  @Get('drafts/:id/reservations')
  forDraft(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.reservations.forDraft(actor, uuidParam(id, 'draft'));
  }
}
