import { Body, Controller, Get, Param, Patch } from '@nestjs/common';
import { updateConsultationRequest } from '@omnibus/shared';
import { CurrentActor } from '../auth/auth.guard';
import type { Actor } from '../auth/actor';
import { uuidParam, validate } from '../common/validate';
import { ConsultationsService } from './consultations.service';

@Controller('api')
export class ConsultationsController {
  constructor(private readonly consultations: ConsultationsService) {}

  @Get('drafts/:id/consultations')
  list(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.consultations.list(actor, uuidParam(id, 'draft'));
  }

  @Patch('consultations/:id')
  report(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: unknown) {
    return this.consultations.report(actor, uuidParam(id, 'informal consultation'), validate(updateConsultationRequest, body));
  }
}
