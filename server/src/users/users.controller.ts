import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/auth.guard';
import { uuidParam } from '../common/validate';
import { UsersService } from './users.service';

@Controller('api/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /** Disables an account: it cannot sign in, and its sessions end everywhere, open sockets included. */
  @Post(':id/disable')
  @HttpCode(200)
  disable(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.users.setDisabled(actor, uuidParam(id, 'account'), true);
  }

  @Post(':id/enable')
  @HttpCode(200)
  enable(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.users.setDisabled(actor, uuidParam(id, 'account'), false);
  }

  /** Ends every session of an account (a lost laptop) without disabling it. */
  @Post(':id/sessions/end')
  @HttpCode(200)
  endSessions(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.users.endSessions(actor, uuidParam(id, 'account'));
  }
}
