import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { loginRequest } from '@omnibus/shared';
import type { Request } from 'express';
import { validate } from '../common/validate';
import type { Actor } from './actor';
import { CurrentActor, Public } from './auth.guard';
import { AuthService } from './auth.service';

@Controller('api/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body() body: unknown, @Req() req: Request) {
    return this.auth.login(validate(loginRequest, body), req.ip ?? 'unknown');
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
