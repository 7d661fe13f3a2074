// Bearer tokens the emulator issues and checks: real JWTs (HS256 with a per-run key), so clients
// that read claims (tenant, expiry) see what they would see from Entra ID.
import * as crypto from 'crypto';

export interface TokenClaims {
  aud: string;
  iss: string;
  tid: string;
  oid: string;
  appid?: string;
  iat: number;
  nbf: number;
  exp: number;
  [claim: string]: unknown;
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

export class TokenIssuer {
  private readonly key = crypto.randomBytes(32);

  issue(claims: { aud: string; iss: string; tid: string; oid: string; [claim: string]: unknown }, lifetimeSeconds: number): { token: string; claims: TokenClaims } {
    const now = Math.floor(Date.now() / 1000);
    const full = { ...claims, iat: now, nbf: now - 5, exp: now + lifetimeSeconds } as TokenClaims;
    const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const body = b64url(JSON.stringify(full));
    const sig = b64url(crypto.createHmac('sha256', this.key).update(`${head}.${body}`).digest());
    return { token: `${head}.${body}.${sig}`, claims: full };
  }

  /** The claims of a token this issuer made, or why it is not acceptable. */
  verify(token: string): { ok: true; claims: TokenClaims } | { ok: false; reason: 'invalid' | 'expired' } {
    const parts = token.split('.');
    if (parts.length !== 3) { return { ok: false, reason: 'invalid' }; }
    const expected = b64url(crypto.createHmac('sha256', this.key).update(`${parts[0]}.${parts[1]}`).digest());
    const given = Buffer.from(parts[2]);
    if (given.length !== expected.length || !crypto.timingSafeEqual(given, Buffer.from(expected))) {
      return { ok: false, reason: 'invalid' };
    }
    let claims: TokenClaims;
    try {
      claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as TokenClaims;
    } catch {
      return { ok: false, reason: 'invalid' };
    }
    if (claims.exp <= Math.floor(Date.now() / 1000)) { return { ok: false, reason: 'expired' }; }
    return { ok: true, claims };
  }
}
