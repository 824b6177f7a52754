import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { errors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { APP_CONFIG, DomainError, type AppConfig } from '@danvan/core';
import { Database } from '@danvan/database';
import { randomToken } from './secrets.js';

/** Access tokens live 15 minutes; a refresh (opaque, revocable) renews them. */
export const ACCESS_TOKEN_SECONDS = 15 * 60;
export const REFRESH_TOKEN_SECONDS = 30 * 24 * 3600;
const ISSUER = 'danvan';
/** How far the clocks of the API processes may disagree: `iat` up to this far ahead and `exp` this far behind are still accepted. */
export const TOKEN_CLOCK_SKEW_SECONDS = 30;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
      await this.database.manager.query(`INSERT INTO server_secret (name, value) VALUES ('jwt', $1) ON CONFLICT (name) DO NOTHING`, [
        randomToken(48),
      ]);
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

  /**
   * The claims of a valid token; 401 for an expired, forged or malformed one.
   * Every claim the server relies on is checked, not only the signature: header
   * `typ: JWT`, issuer, `exp` and `iat` present, `iat` not in the future (beyond
   * the clock skew), a lifetime (`exp − iat`) no longer than ACCESS_TOKEN_SECONDS,
   * `sub` a UUID and `tv` a non-negative integer.
   */
  async verify(token: string): Promise<AccessClaims> {
    const invalid = () => new DomainError('UNAUTHENTICATED', 'Mã truy cập không hợp lệ.');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, await this.signingKey(), {
        algorithms: ['HS256'],
        typ: 'JWT',
        issuer: ISSUER,
        requiredClaims: ['exp', 'iat', 'sub', 'tv'],
        maxTokenAge: ACCESS_TOKEN_SECONDS,
        clockTolerance: TOKEN_CLOCK_SKEW_SECONDS,
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired)
        throw new DomainError('UNAUTHENTICATED', 'Phiên đăng nhập đã hết hạn, hãy làm mới hoặc đăng nhập lại.');
      throw invalid();
    }
    const { sub, tv, iat, exp } = payload;
    if (typeof sub !== 'string' || !UUID.test(sub)) throw invalid();
    if (typeof tv !== 'number' || !Number.isSafeInteger(tv) || tv < 0) throw invalid();
    if (typeof iat !== 'number' || typeof exp !== 'number' || exp - iat > ACCESS_TOKEN_SECONDS) throw invalid();
    return { accountId: sub, tokenVersion: tv };
  }
}
