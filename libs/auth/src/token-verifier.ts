import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { InvalidTokenClaims, principalFromClaims, type Principal } from './principal';
import { TokenCache } from './token-cache';

export interface AuthConfig {
  /** Who issues tokens; its discovery document names the JWKS. */
  issuer: string;
  /** The `aud` our tokens must carry. */
  audience: string;
  /** Skip discovery and read keys here. */
  jwksUri?: string;
  /** Accepted signature algorithms; `none` and HMAC are never accepted. */
  algorithms: string[];
}

/**
 * From the environment: `OIDC_ISSUER` (default the dev provider, http://localhost:3010),
 * `OIDC_AUDIENCE` (tilbudsnet-api), `OIDC_JWKS_URI` (else from discovery), `OIDC_ALGORITHMS`.
 * Pointing these at a municipality's own provider needs no code change.
 */
export function authConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  return {
    issuer: env.OIDC_ISSUER ?? 'http://localhost:3010',
    audience: env.OIDC_AUDIENCE ?? 'tilbudsnet-api',
    jwksUri: env.OIDC_JWKS_URI || undefined,
    algorithms: (env.OIDC_ALGORITHMS ?? 'RS256,PS256,ES256').split(',').map((a) => a.trim()).filter((a) => a && !/^(none|HS\d+)$/i.test(a)),
  };
}

export class TokenRejected extends Error {}

/** Verifies bearer tokens against the issuer's keys: signature, algorithm, issuer, audience, expiry. */
export class TokenVerifier {
  private keys: JWTVerifyGetKey | null = null;
  /** Verified tokens for up to a minute (never past `exp`): see token-cache.ts. */
  private readonly verified = new TokenCache<Principal>({ maxEntries: 10_000, maxAgeMs: 60_000, toleranceMs: 5_000 });

  constructor(private readonly config: AuthConfig) {}

  async verify(token: string): Promise<Principal> {
    const known = this.verified.get(token);
    if (known) return known;
    try {
      const { payload } = await jwtVerify(token, await this.keySet(), {
        issuer: this.config.issuer,
        audience: this.config.audience,
        algorithms: this.config.algorithms,
        requiredClaims: ['exp', 'sub'],
        clockTolerance: 5,
      });
      const principal = Object.freeze(principalFromClaims(payload));
      this.verified.set(token, principal, payload.exp!);
      return principal;
    } catch (error) {
      if (error instanceof InvalidTokenClaims) throw new TokenRejected(error.message);
      if (error instanceof errors.JOSEError) throw new TokenRejected(reasonOf(error));
      throw error;
    }
  }

  private async keySet(): Promise<JWTVerifyGetKey> {
    if (!this.keys) {
      const uri = this.config.jwksUri ?? (await discoverJwksUri(this.config.issuer));
      this.keys = createRemoteJWKSet(new URL(uri), { cooldownDuration: 30000, timeoutDuration: 5000 });
    }
    return this.keys;
  }
}

async function discoverJwksUri(issuer: string): Promise<string> {
  const response = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`OIDC discovery at ${issuer} answered ${response.status}`);
  const document = (await response.json()) as { jwks_uri?: string; issuer?: string };
  if (document.issuer !== issuer) throw new Error(`OIDC discovery names issuer ${document.issuer}, expected ${issuer}`);
  if (!document.jwks_uri) throw new Error(`OIDC discovery at ${issuer} has no jwks_uri`);
  return document.jwks_uri;
}

function reasonOf(error: errors.JOSEError): string {
  switch (error.code) {
    case 'ERR_JWT_EXPIRED': return 'token expired';
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED': return 'signature does not verify';
    case 'ERR_JOSE_ALG_NOT_ALLOWED': return 'signature algorithm not allowed';
    case 'ERR_JWKS_NO_MATCHING_KEY': return 'signed with an unknown key';
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED': return `claim ${(error as errors.JWTClaimValidationFailed).claim} is not valid`;
    default: return 'token is not valid';
  }
}
