import { Inject, Injectable } from '@nestjs/common';
import * as jwt from 'jsonwebtoken';
import { AppError } from '../common/app-error';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { SettingsRepository } from './settings.repository';

export interface TokenClaims {
  sub: string;
  role: string;
  cid: string;
}

const ISSUER = 'omnibus';

/** HS256 tokens with an expiry; the secret is shared by every instance through config or the database. */
@Injectable()
export class TokenService {
  private secret: string | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly settings: SettingsRepository,
  ) {}

  private async key(): Promise<string> {
    if (this.secret) return this.secret;
    this.secret = this.config.tokenSecret ?? (await this.settings.tokenSecret());
    return this.secret;
  }

  async sign(claims: TokenClaims): Promise<{ token: string; expiresAt: string }> {
    const key = await this.key();
    const ttl = this.config.tokenTtlSeconds;
    const token = jwt.sign(claims, key, { algorithm: 'HS256', expiresIn: ttl, issuer: ISSUER });
    return { token, expiresAt: new Date(Date.now() + ttl * 1000).toISOString() };
  }

  async verify(token: string): Promise<TokenClaims> {
    const key = await this.key();
    try {
      const decoded = jwt.verify(token, key, { algorithms: ['HS256'], issuer: ISSUER });
      if (typeof decoded !== 'object' || typeof decoded.sub !== 'string' || typeof decoded.cid !== 'string') {
        throw new AppError('unauthorized', 'The sign-in token is not valid. Sign in again.');
      }
      return { sub: decoded.sub, role: String(decoded.role), cid: decoded.cid };
    } catch (err) {
      if (err instanceof AppError) throw err;
      if (err instanceof jwt.TokenExpiredError) {
        throw new AppError('token_expired', 'Your session has expired. Sign in again.');
      }
      throw new AppError('unauthorized', 'The sign-in token is not valid. Sign in again.');
    }
  }
}
