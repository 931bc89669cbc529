import { Controller, Get } from '@nestjs/common';
import { CurrentActor } from '../auth/auth.guard';
import type { Actor } from '../auth/actor';
import { DelegationsRepository } from './delegations.repository';

@Controller('api/delegations')
export class DelegationsController {
  constructor(private readonly delegations: DelegationsRepository) {}

  @Get()
  async list(@CurrentActor() actor: Actor) {
    return (await this.delegations.forCommittee(actor.committeeId)).map((d) => ({ code: d.code, name: d.name, aliases: d.aliases }));
  }
}
