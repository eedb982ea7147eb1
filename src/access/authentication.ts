// Who is asking: every GraphQL request carries `Authorization: Bearer <JWT>` (shared/contract/
// README.md, "HTTP"). Real mode checks tokens from the authority's identity provider against its
// JWKS; demo mode (no issuer configured) signs and checks them with a local secret in
// CAREBRIDGE_DATA_DIR, and is refused in production. A rejected token gets a short reason that
// is safe to show the caller: never the token itself, never a stack.

import { createHash, randomBytes } from 'node:crypto';
import { chmod, link, mkdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  createRemoteJWKSet,
  decodeProtectedHeader,
  errors,
  jwtVerify,
  SignJWT,
  type CryptoKey,
  type JWTPayload,
  type JWTVerifyOptions,
  type JWTVerifyResult,
} from 'jose';
import { LRUCache } from 'lru-cache';
import { ConfigError, type Config } from '../config.js';
import type { Logger } from '../log.js';
import { emergencyCarePurpose, linkRoles, purposeMatches, type LinkRole } from './link-purposes.js';

export const roles = ['social-care', 'ehc', 'health', 'education', 'bi'] as const;
export type Role = (typeof roles)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

/** What a verified token says about its bearer. */
export interface Claims {
  role: Role;
  /** The partner organisation (e.g. a school URN, a trust code, `EHC`); null when the token has none. */
  org: string | null;
  /** The reader, as the access log records them. */
  sub: string;
  /** Why they are reading (e.g. `EHC_ASSESSMENT`, `EMERGENCY_CARE`); null when the token has none. */
  purpose: string | null;
  /**
   * The cb_consumer_link purposes this reader's role reads through (patterns, `*` ending a
   * prefix: configuration's purposesByRole); none for roles that do not read through links.
   */
  linkPurposes: readonly string[];
}

/** The part of the configuration authentication reads; a whole Config will do. */
export type AuthConfig = Pick<Config, 'auth' | 'dataDir' | 'nodeEnv' | 'tokens' | 'purposesByRole'>;

export interface Authenticator {
  readonly mode: 'demo' | 'real';
  /**
   * Verifies the Authorization header. Resolves the bearer's claims; rejects with
   * AuthenticationError when the token is missing or not acceptable, or with
   * AuthenticationUnavailableError when the identity provider's keys cannot be fetched.
   */
  authenticate(authorizationHeader: string | undefined): Promise<Claims>;
}

/** The caller's token is missing or not acceptable (HTTP 401, UNAUTHENTICATED). The message is safe to show. */
export class AuthenticationError extends Error {
  override readonly name = 'AuthenticationError';
}

/** The identity provider's signing keys cannot be fetched: not the caller's fault. The cause is for the log only. */
export class AuthenticationUnavailableError extends Error {
  override readonly name = 'AuthenticationUnavailableError';
}

/** Demo tokens live 12 hours, or the configured maximum when that is shorter. */
export const demoTokenLifetime = '12h';
const demoTokenLifetimeSeconds = 12 * 3600;
export const demoKeyFileName = 'demo-signing-key';
const demoAlgorithm = 'HS256';
const realAlgorithms = ['RS256', 'ES256', 'PS256'];
/** Tokens in use at once: one or a few per reader, so far above a local authority's readers. */
const verifiedTokensKept = 10_000;
/** Far above any real token (Entra ID's run to a few kB); refused before any parsing. */
const maxTokenLength = 16_384;

const keyFileContent = /^[A-Za-z0-9_-]{43}$/;

/**
 * The demo signing secret: 32 random bytes, base64url, in `<dataDir>/demo-signing-key` (mode 0600),
 * made on first use and reused after, so the server and `npm run token` agree.
 */
export async function loadDemoSigningKey(dataDir: string): Promise<Uint8Array> {
  return loadOrCreateKeyFile(path.join(dataDir, demoKeyFileName), 'demo signing key', 'tokens signed with the old one stop working');
}

/** A 32-byte secret kept in a file of its own (mode 0600), made on first use and reused after. */
export async function loadOrCreateKeyFile(file: string, what: string, ifReplaced: string): Promise<Uint8Array> {
  const existing = await readKeyFile(file, what, ifReplaced);
  if (existing) return existing;
  await mkdir(path.dirname(file), { recursive: true });
  // Written in full under a temporary name, then linked into place: a concurrent starter either
  // wins the link or reads the winner's complete file, never a half-written one.
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temporary, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    await chmod(temporary, 0o600); // whatever the umask
    await link(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
  const created = await readKeyFile(file, what, ifReplaced);
  if (!created) throw new Error(`${file} vanished as it was created`);
  return created;
}

async function readKeyFile(file: string, what: string, ifReplaced: string): Promise<Uint8Array | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (!keyFileContent.test(text.trim())) {
    throw new ConfigError([
      `${file}: not a ${what} (32 random bytes, base64url); delete it and a new one is made (${ifReplaced})`,
    ]);
  }
  return new Uint8Array(Buffer.from(text.trim(), 'base64url'));
}

export interface DemoTokenRequest {
  role: Role;
  sub: string;
  org?: string | null | undefined;
  purpose?: string | null | undefined;
}

/**
 * Signs a demo token (HS256, issuer carebridge-demo, audience carebridge, valid 12 hours unless
 * told otherwise), putting role, org and purpose under the configured claim names so the
 * server reads them back. Refuses real auth mode.
 */
export async function signDemoToken(
  config: AuthConfig,
  request: DemoTokenRequest,
  options: { lifetime?: string | number; key?: Uint8Array } = {},
): Promise<string> {
  const { auth } = config;
  if (auth.mode !== 'demo') {
    throw new ConfigError([
      'demo tokens are refused in real auth mode (CAREBRIDGE_AUTH_ISSUER is set): ask the identity provider for a token',
    ]);
  }
  if (!isRole(request.role)) throw new TypeError(`unknown role ${String(request.role)}`);
  const key = options.key ?? (await loadDemoSigningKey(config.dataDir));
  const payload: JWTPayload = { [auth.claims.role]: request.role };
  if (request.org) payload[auth.claims.org] = request.org;
  if (request.purpose) payload[auth.claims.purpose] = request.purpose;
  return new SignJWT(payload)
    .setProtectedHeader({ alg: demoAlgorithm, typ: 'JWT' })
    .setSubject(request.sub)
    .setIssuer(auth.issuer)
    .setAudience(auth.audience)
    .setIssuedAt()
    .setExpirationTime(options.lifetime ?? `${Math.min(demoTokenLifetimeSeconds, config.tokens.maxLifetimeSeconds)}s`)
    .sign(key);
}

/**
 * Builds the authenticator once, at start-up. Demo mode loads (or makes) the local secret and
 * logs a warning; it is refused when NODE_ENV=production. Real mode fetches the JWKS lazily
 * (jose caches it and refetches for an unknown key id).
 */
export async function createAuthenticator(config: AuthConfig, logger: Pick<Logger, 'warn'>): Promise<Authenticator> {
  const { auth } = config;
  let verify: (token: string, options: JWTVerifyOptions) => Promise<JWTVerifyResult>;
  let algorithms: string[];
  if (auth.mode === 'demo') {
    if (config.nodeEnv === 'production') {
      throw new ConfigError([
        'NODE_ENV: production refuses demo auth mode (tokens signed with a local secret): set CAREBRIDGE_AUTH_ISSUER, CAREBRIDGE_AUTH_JWKS_URL and CAREBRIDGE_AUTH_AUDIENCE',
      ]);
    }
    const secret = await loadDemoSigningKey(config.dataDir);
    verify = (token, options) => jwtVerify(token, secret, options);
    algorithms = [demoAlgorithm];
    const keyFile = path.join(config.dataDir, demoKeyFileName);
    logger.warn(
      { keyFile, issuer: auth.issuer, audience: auth.audience },
      'demo auth mode: tokens are signed and checked with a local secret (npm run token); set CAREBRIDGE_AUTH_ISSUER, CAREBRIDGE_AUTH_JWKS_URL and CAREBRIDGE_AUTH_AUDIENCE for real identities',
    );
    const { mode } = await stat(keyFile);
    if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
      logger.warn({ keyFile }, 'the demo signing key is readable by other users: chmod 600 it');
    }
  } else {
    const keySet = createRemoteJWKSet(new URL(auth.jwksUrl));
    verify = async (token, options) => {
      try {
        return await jwtVerify(token, keySet, options);
      } catch (error) {
        // A token without a key id, and several keys of its type in the set: try each.
        if (!(error instanceof errors.JWKSMultipleMatchingKeys)) throw error;
        for await (const candidate of error as unknown as AsyncIterable<CryptoKey>) {
          try {
            return await jwtVerify(token, candidate, options);
          } catch (inner) {
            if (!(inner instanceof errors.JWSSignatureVerificationFailed)) throw inner;
          }
        }
        throw new errors.JWSSignatureVerificationFailed();
      }
    };
    algorithms = realAlgorithms;
  }
  const options: JWTVerifyOptions = {
    issuer: auth.issuer,
    audience: auth.audience,
    algorithms,
    clockTolerance: config.tokens.clockToleranceSeconds,
    // iat too: a lifetime is exp − iat (checkLifetime).
    requiredClaims: ['iat', 'exp'],
  };

  // Verified tokens, by their hash, until they expire: a refused token is never kept, and a kept
  // one is never used past its exp (no clock tolerance here).
  const verified = new LRUCache<string, Claims>({ max: verifiedTokensKept });
  return {
    mode: auth.mode,
    async authenticate(authorizationHeader) {
      const token = bearerToken(authorizationHeader);
      const key = createHash('sha256').update(token).digest('base64url');
      const known = verified.get(key);
      if (known) return known;
      checkHeader(token, algorithms);
      let payload: JWTPayload;
      try {
        ({ payload } = await verify(token, options));
      } catch (error) {
        throw rejection(error, auth.mode);
      }
      checkLifetime(payload, config.tokens);
      const claims = claimsOf(payload, auth.claims, config.purposesByRole);
      const untilExpiry = payload.exp! * 1000 - Date.now();
      if (untilExpiry > 0) verified.set(key, claims, { ttl: untilExpiry });
      return claims;
    },
  };
}

function bearerToken(header: string | undefined): string {
  if (header === undefined || header.trim() === '') throw new AuthenticationError('missing Authorization header');
  const match = /^\s*(\S+)(?:\s+(.*?))?\s*$/s.exec(header);
  if (!match || match[1]!.toLowerCase() !== 'bearer') throw new AuthenticationError('Authorization header is not a Bearer token');
  const token = match[2];
  if (!token) throw new AuthenticationError('missing token after Bearer');
  if (token.length > maxTokenLength) throw new AuthenticationError('malformed token: too long');
  if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token)) {
    throw new AuthenticationError('malformed token: not a signed JWT');
  }
  return token;
}

/** Refuses unsigned and wrong-algorithm tokens by name, before jose (which refuses them too). */
function checkHeader(token: string, algorithms: readonly string[]): void {
  let alg: unknown;
  try {
    alg = decodeProtectedHeader(token).alg;
  } catch {
    throw new AuthenticationError('malformed token: unreadable header');
  }
  if (typeof alg !== 'string') throw new AuthenticationError('malformed token: no alg in header');
  if (alg.toLowerCase() === 'none') throw new AuthenticationError('unsigned token (alg none) refused');
  if (!algorithms.includes(alg)) {
    throw new AuthenticationError(`token algorithm not accepted (accepted: ${algorithms.join(', ')})`);
  }
}

const claimReasons: Record<string, string> = {
  iss: 'wrong issuer',
  aud: 'wrong audience',
  nbf: 'token not yet valid',
  iat: 'token has no valid iat (issued at): its lifetime cannot be checked',
  exp: 'token has no valid expiry',
};

/**
 * A stolen token is good until it expires, so a token may live no longer than the configured
 * maximum (exp − iat, both the issuer's clock: no tolerance), and may not claim to be issued
 * later than now plus the clock tolerance (jose checks iat only against a maximum age, which is
 * another rule: time since issue, not the lifetime the issuer granted).
 */
function checkLifetime(payload: JWTPayload, tokens: AuthConfig['tokens']): void {
  // jwtVerify has checked that both are present and numbers (requiredClaims).
  const issuedAt = payload.iat!;
  const lifetime = payload.exp! - issuedAt;
  if (lifetime > tokens.maxLifetimeSeconds) {
    throw new AuthenticationError(`token lifetime too long: exp − iat is ${lifetime} s, at most ${tokens.maxLifetimeSeconds} s is accepted`);
  }
  if (issuedAt > Math.floor(Date.now() / 1000) + tokens.clockToleranceSeconds) {
    throw new AuthenticationError(`token issued in the future: iat is more than ${tokens.clockToleranceSeconds} s ahead of this server's clock`);
  }
}

function rejection(error: unknown, mode: 'demo' | 'real'): unknown {
  if (error instanceof errors.JWTExpired) return new AuthenticationError('token expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    return new AuthenticationError(claimReasons[error.claim] ?? 'token claims not valid');
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return new AuthenticationError('bad signature');
  if (error instanceof errors.JWKSNoMatchingKey) {
    return new AuthenticationError('token not signed by a key of the identity provider');
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return new AuthenticationError('token algorithm not accepted');
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) {
    return new AuthenticationError('malformed token');
  }
  if (error instanceof errors.JOSENotSupported) return new AuthenticationError('token uses an unsupported feature');
  if (mode === 'demo') return error;
  // Fetching the JWKS failed (timeout, not 200, not JSON, not a key set, network): the
  // identity provider, not the caller. The cause is kept for the log.
  return new AuthenticationUnavailableError('cannot fetch the identity provider’s signing keys', { cause: error });
}

function claimsOf(payload: JWTPayload, names: AuthConfig['auth']['claims'], purposesByRole: AuthConfig['purposesByRole']): Claims {
  const sub = payload.sub;
  if (typeof sub !== 'string' || sub.trim() === '') throw new AuthenticationError('token has no sub claim');
  const role = roleOf(payload[names.role], names.role);
  const purpose = optionalString(payload[names.purpose], names.purpose);
  const linkPurposes = isLinkRole(role) ? purposesByRole[role] : [];
  checkPurpose(role, purpose, linkPurposes);
  return { role, org: optionalString(payload[names.org], names.org), sub, purpose, linkPurposes };
}

function isLinkRole(role: Role): role is LinkRole {
  return (linkRoles as readonly string[]).includes(role);
}

/**
 * A partner's purpose must be one of its role's (or health's emergency care). Refused here
 * rather than answered with nothing: "no child found" would read, to a nurse or a teacher, as
 * "not known to children's social care", and the token can only be put right by whoever issues it.
 */
function checkPurpose(role: Role, purpose: string | null, linkPurposes: readonly string[]): void {
  if (purpose === null || !isLinkRole(role)) return;
  if (role === 'health' && purpose === emergencyCarePurpose) return;
  if (linkPurposes.some((pattern) => purposeMatches(pattern, purpose))) return;
  const accepted = role === 'health' ? [...linkPurposes, emergencyCarePurpose] : linkPurposes;
  throw new AuthenticationError(`purpose ${purpose} does not belong to role ${role} (its purposes: ${accepted.join(', ')})`);
}

/**
 * A role claim is a string, or (as Entra ID app roles are) an array of them, of which exactly
 * one must be a Carebridge role.
 */
function roleOf(value: unknown, claim: string): Role {
  if (value === undefined || value === null) throw new AuthenticationError(`token has no ${claim} claim`);
  const candidates = Array.isArray(value) ? value : [value];
  const known = [...new Set(candidates.filter(isRole))];
  if (known.length === 1) return known[0]!;
  if (known.length > 1) throw new AuthenticationError(`token has more than one Carebridge role in ${claim}`);
  throw new AuthenticationError(`unknown role in ${claim} claim (expected one of ${roles.join(', ')})`);
}

function optionalString(value: unknown, claim: string): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw new AuthenticationError(`${claim} claim is not a string`);
  return value;
}
