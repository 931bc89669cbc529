import { Inject, Injectable } from '@nestjs/common';
import { createSecretKey, type KeyObject } from 'node:crypto';
import * as jwt from 'jsonwebtoken';
import { AppError } from '../common/app-error';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { SettingsRepository } from './settings.repository';

export interface TokenClaims {
  sub: string;
  role: string;
  cid: string;
  /** The sign-in session the token belongs to; ending the session ends every token of it. */
  sid: string;
}

const ISSUER = 'omnibus';

/**
 * HS256 tokens with an expiry; the secret is shared by every instance through config or the database.
 * The secret is handed to jsonwebtoken as a KeyObject made once: given a string, jsonwebtoken first
 * tries to read it as a PEM public key and builds the secret key from it only after that attempt
 * throws, which cost ~0.5 ms of one event loop per token checked (every request and every socket's
 * handshake: a hundred people opening the draft at once waited 50 ms for it alone).
 */
@Injectable()
export class TokenService {
  private secret: KeyObject | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly settings: SettingsRepository,
  ) {}

  private async key(): Promise<KeyObject> {
    if (this.secret) return this.secret;
    const secret = this.config.tokenSecret ?? (await this.settings.tokenSecret());
    this.secret = createSecretKey(Buffer.from(secret, 'utf8'));
    return this.secret;
  }

  /** A token that expires at `expiresAt` (the session's expiry, which the database decided). */
  async sign(claims: TokenClaims, expiresAt: Date): Promise<{ token: string; expiresAt: string }> {
    const key = await this.key();
    const exp = Math.floor(expiresAt.getTime() / 1000);
    const token = jwt.sign({ ...claims, exp }, key, { algorithm: 'HS256', issuer: ISSUER });
    return { token, expiresAt: new Date(exp * 1000).toISOString() };
  }

  async verify(token: string): Promise<TokenClaims> {
    const key = await this.key();
    try {
      const decoded = jwt.verify(token, key, { algorithms: ['HS256'], issuer: ISSUER });
      if (typeof decoded !== 'object' || typeof decoded.sub !== 'string' || typeof decoded.cid !== 'string' || typeof decoded.sid !== 'string') {
        throw new AppError('unauthorized', 'The sign-in token is not valid. Sign in again.');
      }
      return { sub: decoded.sub, role: String(decoded.role), cid: decoded.cid, sid: decoded.sid };
    } catch (err) {
      if (err instanceof AppError) throw err;
      if (err instanceof jwt.TokenExpiredError) {
        throw new AppError('token_expired', 'Your session has expired. Sign in again.');
      }
      throw new AppError('unauthorized', 'The sign-in token is not valid. Sign in again.');
    }
  }
}
