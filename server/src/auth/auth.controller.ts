import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { loginRequest } from '@omnibus/shared';
import type { Request } from 'express';
import { validate } from '../common/validate';
import type { Actor } from './actor';
import { CurrentActor, CurrentAuth, Public } from './auth.guard';
import { AuthService, type Authenticated } from './auth.service';

@Controller('api/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body() body: unknown, @Req() req: Request) {
    return this.auth.login(validate(loginRequest, body), req.ip ?? 'unknown');
  }

  /** Ends this sign-in everywhere: the token stops working and the session's open sockets are closed. */
  @Post('logout')
  @HttpCode(204)
  async logout(@CurrentAuth() auth: Authenticated): Promise<void> {
    await this.auth.logout(auth.sessionId);
  }

  /** A fresh token for the same session, while it is still valid; the client calls it before the token expires. */
  @Post('refresh')
  @HttpCode(200)
  refresh(@CurrentAuth() auth: Authenticated) {
    return this.auth.refresh(auth);
  }

  @Get('me')
  me(@CurrentActor() actor: Actor) {
    return {
      id: actor.userId,
      username: actor.username,
      displayName: actor.displayName,
      role: actor.role,
      delegation: actor.delegationCode,
    };
  }
}
