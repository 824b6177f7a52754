import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { errors, jwtVerify, SignJWT } from 'jose';
import { APP_CONFIG, DomainError, type AppConfig } from '@danvan/core';
import { Database } from '@danvan/database';
import { randomToken } from './secrets.js';

/** Access tokens live 15 minutes; a refresh (opaque, revocable) renews them. */
export const ACCESS_TOKEN_SECONDS = 15 * 60;
export const REFRESH_TOKEN_SECONDS = 30 * 24 * 3600;
const ISSUER = 'danvan';

export interface AccessClaims {
  accountId: string;
  tokenVersion: number;
}

/**
 * Signs and checks access tokens (JWT, HS256 only: `alg: none` and every other
 * algorithm are refused). The key is AUTH_SECRET when set, else a random secret
 * generated once and kept in the database (table server_secret), shared by every
 * API process.
 */
@Injectable()
export class TokenService implements OnModuleInit {
  private key?: Promise<Uint8Array>;

  constructor(
    private readonly database: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Loads the key at start-up: later it is needed inside transactions, and PGlite has a single connection. */
  async onModuleInit(): Promise<void> {
    await this.signingKey();
  }

  private signingKey(): Promise<Uint8Array> {
    this.key ??= (async () => {
      if (this.config.authSecret) return new TextEncoder().encode(this.config.authSecret);
      await this.database.manager.query(`INSERT INTO server_secret (name, value) VALUES ('jwt', $1) ON CONFLICT (name) DO NOTHING`, [randomToken(48)]);
      const [row] = (await this.database.manager.query(`SELECT value FROM server_secret WHERE name = 'jwt'`)) as Array<{ value: string }>;
      return new TextEncoder().encode(row.value);
    })();
    return this.key;
  }

  async issue(claims: AccessClaims, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
    const expiresAt = new Date(now.getTime() + ACCESS_TOKEN_SECONDS * 1000);
    const token = await new SignJWT({ tv: claims.tokenVersion })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.accountId)
      .setIssuer(ISSUER)
      .setIssuedAt(Math.floor(now.getTime() / 1000))
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(await this.signingKey());
    return { token, expiresAt };
  }

  /** The claims of a valid token; 401 for an expired, forged or malformed one. */
  async verify(token: string): Promise<AccessClaims> {
    try {
      const { payload } = await jwtVerify(token, await this.signingKey(), { algorithms: ['HS256'], issuer: ISSUER });
      if (typeof payload.sub !== 'string' || typeof payload.tv !== 'number') throw new Error('claims');
      return { accountId: payload.sub, tokenVersion: payload.tv };
    } catch (error) {
      const expired = error instanceof errors.JWTExpired;
      throw new DomainError('UNAUTHENTICATED', expired ? 'Phiên đăng nhập đã hết hạn, hãy làm mới hoặc đăng nhập lại.' : 'Mã truy cập không hợp lệ.');
    }
  }
}
