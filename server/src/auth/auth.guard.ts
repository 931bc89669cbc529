import { CanActivate, ExecutionContext, Injectable, SetMetadata, createParamDecorator } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AppError } from '../common/app-error';
import type { Actor } from './actor';
import { AuthService, type Authenticated } from './auth.service';

const PUBLIC = 'omnibus:public';
/** Marks a route that needs no sign-in (health, login, docs). Everything else does. */
export const Public = () => SetMetadata(PUBLIC, true);

interface AuthedRequest extends Request {
  actor?: Actor;
  auth?: Authenticated;
}

/** Every request is signed in unless its route says otherwise; what the actor may do is decided by the access policy. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const req = context.switchToHttp().getRequest<AuthedRequest>();
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) {
      throw new AppError('unauthorized', 'Sign in first: send the token from POST /api/auth/login as "Authorization: Bearer <token>".');
    }
    req.auth = await this.auth.authenticateSession(match[1]);
    req.actor = req.auth.actor;
    return true;
  }
}

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const req = ctx.switchToHttp().getRequest<AuthedRequest>();
  if (!req.actor) throw new AppError('unauthorized', 'Sign in first.');
  return req.actor;
});

/** The verified token's actor and sign-in session (for signing out and renewing). */
export const CurrentAuth = createParamDecorator((_: unknown, ctx: ExecutionContext): Authenticated => {
  const req = ctx.switchToHttp().getRequest<AuthedRequest>();
  if (!req.auth) throw new AppError('unauthorized', 'Sign in first.');
  return req.auth;
});
