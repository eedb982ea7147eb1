// Bearer tokens: demo mode (a local secret in CAREBRIDGE_DATA_DIR, the same one `npm run token`
// signs with) and real mode (an identity provider's JWKS, here served on 127.0.0.1), and every
// way a token is refused, each with a short reason that never repeats the token.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CompactSign, decodeJwt, exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  AuthenticationError,
  AuthenticationUnavailableError,
  createAuthenticator,
  loadDemoSigningKey,
  signDemoToken,
  type Authenticator,
} from '../src/access/authentication.js';
import { ConfigError, loadConfig, type Config } from '../src/config.js';

const quiet = { warn: () => undefined };
const now = () => Math.floor(Date.now() / 1000);
const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const dataDir = () => mkdtempSync(path.join(tmpdir(), 'carebridge-auth-'));

/** The reason a header is refused; fails the test if it is accepted or refused some other way. */
async function refusal(authenticator: Authenticator, header: string | undefined): Promise<string> {
  const error: unknown = await authenticator.authenticate(header).then(
    (claims) => new Error(`accepted: ${JSON.stringify(claims)}`),
    (error: unknown) => error,
  );
  if (!(error instanceof AuthenticationError)) throw error;
  const token = header?.replace(/^Bearer /, '') ?? '';
  if (token.includes('.')) {
    for (const part of token.split('.').filter((segment) => segment.length > 8)) expect(error.message).not.toContain(part);
    expect(error.stack ?? '').not.toContain(token);
  }
  return error.message;
}

describe('demo auth mode', () => {
  let config: Config;
  let key: Uint8Array;
  let authenticator: Authenticator;
  const warn = vi.fn();

  /** A token signed with the demo key, with whatever claims a test needs. */
  function demoToken(payload: JWTPayload, edit: (jwt: SignJWT) => SignJWT = (jwt) => jwt): Promise<string> {
    const jwt = new SignJWT({ role: 'social-care', sub: 'worker-1', ...payload })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('carebridge-demo')
      .setAudience('carebridge')
      .setIssuedAt()
      .setExpirationTime('1h');
    return edit(jwt).sign(key);
  }

  beforeAll(async () => {
    config = loadConfig({ CAREBRIDGE_DATA_DIR: dataDir() });
    authenticator = await createAuthenticator(config, { warn });
    key = await loadDemoSigningKey(config.dataDir);
  });

  it('makes a 0600 signing key on first use, reuses it after, and warns at start-up', async () => {
    expect(authenticator.mode).toBe('demo');
    const file = path.join(config.dataDir, 'demo-signing-key');
    const content = readFileSync(file, 'utf8');
    expect(content).toMatch(/^[A-Za-z0-9_-]{43}\n$/);
    expect(Buffer.from(content.trim(), 'base64url')).toHaveLength(32);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ keyFile: file }), expect.stringMatching(/^demo auth mode/));

    const again = await createAuthenticator(config, quiet);
    expect(readFileSync(file, 'utf8')).toBe(content);
    const token = await signDemoToken(config, { role: 'bi', sub: 'analyst' });
    await expect(again.authenticate(`Bearer ${token}`)).resolves.toMatchObject({ role: 'bi', sub: 'analyst' });
  });

  it('makes one key when several starters race for it', async () => {
    const fresh = dataDir();
    const keys = await Promise.all(Array.from({ length: 8 }, () => loadDemoSigningKey(path.join(fresh, 'nested'))));
    for (const each of keys) expect(Buffer.from(each).equals(Buffer.from(keys[0]!))).toBe(true);
    expect(readdirSync(path.join(fresh, 'nested'))).toEqual(['demo-signing-key']);
  });

  it('round-trips a demo token: role, org, sub and purpose reach the caller', async () => {
    const token = await signDemoToken(config, { role: 'health', sub: 'nurse-7', org: 'RX1', purpose: 'EMERGENCY_CARE' });
    expect(await authenticator.authenticate(`Bearer ${token}`)).toEqual({
      role: 'health',
      org: 'RX1',
      sub: 'nurse-7',
      purpose: 'EMERGENCY_CARE',
      linkPurposes: ['HEALTH_*'],
    });
    const payload = decodeJwt(token);
    expect(payload).toMatchObject({ iss: 'carebridge-demo', aud: 'carebridge' });
    expect(payload.exp! - payload.iat!).toBe(12 * 3600);
    const bare = await signDemoToken(config, { role: 'social-care', sub: 'sw-1' });
    expect(await authenticator.authenticate(`bearer  ${bare}`)).toEqual({ role: 'social-care', org: null, sub: 'sw-1', purpose: null, linkPurposes: [] });
  });

  it('refuses a missing header, another scheme and garbage', async () => {
    expect(await refusal(authenticator, undefined)).toBe('missing Authorization header');
    expect(await refusal(authenticator, '')).toBe('missing Authorization header');
    expect(await refusal(authenticator, 'Basic dXNlcjpwYXNz')).toBe('Authorization header is not a Bearer token');
    expect(await refusal(authenticator, 'Bearer')).toBe('missing token after Bearer');
    expect(await refusal(authenticator, 'Bearer not-a-token')).toBe('malformed token: not a signed JWT');
    expect(await refusal(authenticator, 'Bearer abc.def.ghi')).toBe('malformed token: unreadable header');
    const notJson = await new CompactSign(new TextEncoder().encode('not json')).setProtectedHeader({ alg: 'HS256' }).sign(key);
    expect(await refusal(authenticator, `Bearer ${notJson}`)).toBe('malformed token');
    expect(await refusal(authenticator, `Bearer ${'a'.repeat(20_000)}.b.c`)).toBe('malformed token: too long');
  });

  it('refuses an expired or not-yet-valid token, allowing 30 s of clock skew', async () => {
    const expired = await demoToken({}, (jwt) => jwt.setIssuedAt(now() - 7200).setExpirationTime(now() - 60));
    expect(await refusal(authenticator, `Bearer ${expired}`)).toBe('token expired');
    const justExpired = await demoToken({}, (jwt) => jwt.setIssuedAt(now() - 7200).setExpirationTime(now() - 10));
    await expect(authenticator.authenticate(`Bearer ${justExpired}`)).resolves.toMatchObject({ role: 'social-care' });
    const early = await demoToken({}, (jwt) => jwt.setNotBefore(now() + 120));
    expect(await refusal(authenticator, `Bearer ${early}`)).toBe('token not yet valid');
    const noExpiry = await new SignJWT({ role: 'bi', sub: 'x' }).setProtectedHeader({ alg: 'HS256' }).setIssuer('carebridge-demo').setAudience('carebridge').sign(key);
    expect(await refusal(authenticator, `Bearer ${noExpiry}`)).toBe('token has no valid expiry');
  });

  it('keeps a verified token no longer than its expiry: accepted from memory until exp, refused after', async () => {
    // No clock tolerance, so exp is the last moment jose accepts it too.
    const strict = await createAuthenticator(loadConfig({ CAREBRIDGE_DATA_DIR: config.dataDir, CAREBRIDGE_CLOCK_TOLERANCE_S: '0' }), quiet);
    const expiresAt = now() + 2;
    const shortLived = `Bearer ${await demoToken({}, (jwt) => jwt.setExpirationTime(expiresAt))}`;
    await expect(strict.authenticate(shortLived)).resolves.toMatchObject({ role: 'social-care', sub: 'worker-1' });
    await expect(strict.authenticate(shortLived)).resolves.toMatchObject({ role: 'social-care', sub: 'worker-1' });
    await new Promise((resolve) => setTimeout(resolve, (expiresAt + 1) * 1000 - Date.now()));
    expect(await refusal(strict, shortLived)).toBe('token expired');
  });

  it('refuses a token that lives longer than the maximum (exp − iat, not its age), has no iat, or is issued in the future beyond the tolerance', async () => {
    const lifetime = (issuedAt: number, expires: number) => demoToken({}, (jwt) => jwt.setIssuedAt(issuedAt).setExpirationTime(expires));
    expect(await refusal(authenticator, `Bearer ${await lifetime(now(), now() + 25 * 3600)}`)).toBe(
      'token lifetime too long: exp − iat is 90000 s, at most 86400 s is accepted',
    );
    // Issued two hours ago, so young enough for jose's maxTokenAge: its lifetime is what is refused.
    expect(await refusal(authenticator, `Bearer ${await lifetime(now() - 7200, now() + 46 * 3600)}`)).toMatch(/^token lifetime too long: exp − iat is 172800 s/);
    await expect(authenticator.authenticate(`Bearer ${await lifetime(now() - 3600, now() + 23 * 3600)}`)).resolves.toMatchObject({ role: 'social-care' });

    expect(await refusal(authenticator, `Bearer ${await lifetime(now() + 120, now() + 3600)}`)).toBe(
      "token issued in the future: iat is more than 30 s ahead of this server's clock",
    );
    await expect(authenticator.authenticate(`Bearer ${await lifetime(now() + 10, now() + 3600)}`)).resolves.toMatchObject({ role: 'social-care' });

    const noIssuedAt = await new SignJWT({ role: 'bi', sub: 'x' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('carebridge-demo')
      .setAudience('carebridge')
      .setExpirationTime('1h')
      .sign(key);
    expect(await refusal(authenticator, `Bearer ${noIssuedAt}`)).toBe('token has no valid iat (issued at): its lifetime cannot be checked');
  });

  it('takes the maximum lifetime and the clock tolerance from configuration; demo tokens never outlive the maximum', async () => {
    const strict = loadConfig({ CAREBRIDGE_DATA_DIR: config.dataDir, CAREBRIDGE_MAX_TOKEN_LIFETIME: '1h', CAREBRIDGE_CLOCK_TOLERANCE_S: '0' });
    const checker = await createAuthenticator(strict, quiet);
    expect(await refusal(checker, `Bearer ${await demoToken({}, (jwt) => jwt.setExpirationTime('2h'))}`)).toMatch(/^token lifetime too long: exp − iat is 7200 s, at most 3600 s/);
    expect(await refusal(checker, `Bearer ${await demoToken({}, (jwt) => jwt.setIssuedAt(now() + 5))}`)).toBe(
      "token issued in the future: iat is more than 0 s ahead of this server's clock",
    );
    const capped = await signDemoToken(strict, { role: 'bi', sub: 'analyst' });
    expect(decodeJwt(capped).exp! - decodeJwt(capped).iat!).toBe(3600);
    await expect(checker.authenticate(`Bearer ${capped}`)).resolves.toMatchObject({ role: 'bi' });
  });

  it('refuses a partner token whose purpose is not its role’s (health with a school’s purpose), not emergency care', async () => {
    const as = (role: string, purpose: string) => demoToken({ role, org: 'URN100', purpose });
    expect(await refusal(authenticator, `Bearer ${await as('health', 'EDUCATION')}`)).toBe(
      'purpose EDUCATION does not belong to role health (its purposes: HEALTH_*, EMERGENCY_CARE)',
    );
    expect(await refusal(authenticator, `Bearer ${await as('education', 'HEALTH_CARE')}`)).toBe('purpose HEALTH_CARE does not belong to role education (its purposes: EDUCATION*)');
    expect(await refusal(authenticator, `Bearer ${await as('ehc', 'EMERGENCY_CARE')}`)).toMatch(/^purpose EMERGENCY_CARE does not belong to role ehc/);
    for (const [role, purpose] of [['health', 'EMERGENCY_CARE'], ['health', 'HEALTH_CARE'], ['education', 'EDUCATION_HEALTH_PLAN'], ['ehc', 'EHC_REVIEW'], ['social-care', 'ANYTHING']]) {
      await expect(authenticator.authenticate(`Bearer ${await as(role!, purpose!)}`), `${role} ${purpose}`).resolves.toMatchObject({ role, purpose });
    }
    const extended = await createAuthenticator(loadConfig({ CAREBRIDGE_DATA_DIR: config.dataDir, CAREBRIDGE_PURPOSES_BY_ROLE: '{"health": ["EDUCATION_HEALTH_PLAN"]}' }), quiet);
    await expect(extended.authenticate(`Bearer ${await as('health', 'EDUCATION_HEALTH_PLAN')}`)).resolves.toMatchObject({
      linkPurposes: ['HEALTH_*', 'EDUCATION_HEALTH_PLAN'],
    });
    expect(await refusal(extended, `Bearer ${await as('health', 'EDUCATION')}`)).toMatch(/^purpose EDUCATION does not belong to role health \(its purposes: HEALTH_\*, EDUCATION_HEALTH_PLAN, EMERGENCY_CARE\)/);
  });

  it('refuses the wrong audience or issuer', async () => {
    const audience = await demoToken({}, (jwt) => jwt.setAudience('someone-else'));
    expect(await refusal(authenticator, `Bearer ${audience}`)).toBe('wrong audience');
    const issuer = await demoToken({}, (jwt) => jwt.setIssuer('https://login.example.org'));
    expect(await refusal(authenticator, `Bearer ${issuer}`)).toBe('wrong issuer');
  });

  it('refuses an unsigned token (alg none), a tampered payload and another data dir’s key', async () => {
    const claims = { role: 'social-care', sub: 'intruder', iss: 'carebridge-demo', aud: 'carebridge', exp: now() + 3600 };
    const unsigned = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`;
    expect(await refusal(authenticator, `Bearer ${unsigned}`)).toBe('unsigned token (alg none) refused');
    const unsignedUpper = `${base64url({ alg: 'NONE' })}.${base64url(claims)}.`;
    expect(await refusal(authenticator, `Bearer ${unsignedUpper}`)).toBe('unsigned token (alg none) refused');

    const genuine = await signDemoToken(config, { role: 'education', sub: 'teacher', org: 'URN1' });
    const [header, payload, signature] = genuine.split('.');
    const raised = base64url({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), role: 'social-care' });
    expect(await refusal(authenticator, `Bearer ${header}.${raised}.${signature}`)).toBe('bad signature');
    expect(await refusal(authenticator, `Bearer ${header}.${payload}.`)).toBe('bad signature');

    const elsewhere = loadConfig({ CAREBRIDGE_DATA_DIR: dataDir() });
    const foreign = await signDemoToken(elsewhere, { role: 'social-care', sub: 'x' });
    expect(await refusal(authenticator, `Bearer ${foreign}`)).toBe('bad signature');

    const rs256 = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256' }).sign((await generateKeyPair('RS256')).privateKey);
    expect(await refusal(authenticator, `Bearer ${rs256}`)).toBe('token algorithm not accepted (accepted: HS256)');
  });

  it('refuses an unknown role, a missing sub, and non-string org or purpose', async () => {
    expect(await refusal(authenticator, `Bearer ${await demoToken({ role: 'admin' })}`)).toMatch(/^unknown role in role claim/);
    expect(await refusal(authenticator, `Bearer ${await demoToken({ role: undefined })}`)).toBe('token has no role claim');
    expect(await refusal(authenticator, `Bearer ${await demoToken({ sub: undefined })}`)).toBe('token has no sub claim');
    expect(await refusal(authenticator, `Bearer ${await demoToken({ org: 42 })}`)).toBe('org claim is not a string');
    expect(await refusal(authenticator, `Bearer ${await demoToken({ purpose: ['a'] })}`)).toBe('purpose claim is not a string');
  });

  it('reads role, org and purpose from configured claim names (Entra ID style), sub always from sub', async () => {
    const custom = loadConfig({
      CAREBRIDGE_DATA_DIR: config.dataDir,
      CAREBRIDGE_CLAIM_ROLE: 'roles',
      CAREBRIDGE_CLAIM_ORG: 'tid',
      CAREBRIDGE_CLAIM_PURPOSE: 'carebridge_purpose',
    });
    const entra = await createAuthenticator(custom, quiet);
    const token = await signDemoToken(custom, { role: 'ehc', sub: 'caseworker', org: 'EHC', purpose: 'EHC_REVIEW' });
    expect(decodeJwt(token)).toMatchObject({ roles: 'ehc', tid: 'EHC', carebridge_purpose: 'EHC_REVIEW' });
    expect(await entra.authenticate(`Bearer ${token}`)).toEqual({ role: 'ehc', org: 'EHC', sub: 'caseworker', purpose: 'EHC_REVIEW', linkPurposes: ['EHC_*'] });

    const appRoles = await demoToken({ role: undefined, roles: ['Reader', 'education'], tid: 'URN9' });
    expect(await entra.authenticate(`Bearer ${appRoles}`)).toEqual({ role: 'education', org: 'URN9', sub: 'worker-1', purpose: null, linkPurposes: ['EDUCATION*'] });
    const twoRoles = await demoToken({ roles: ['education', 'bi'] });
    expect(await refusal(entra, `Bearer ${twoRoles}`)).toBe('token has more than one Carebridge role in roles');
    // The default claim name means nothing once another is configured.
    expect(await refusal(entra, `Bearer ${await demoToken({ role: 'bi' })}`)).toBe('token has no roles claim');
  });

  it('refuses demo mode in production', async () => {
    await expect(createAuthenticator({ ...config, nodeEnv: 'production' }, quiet)).rejects.toThrow(ConfigError);
    await expect(createAuthenticator({ ...config, nodeEnv: 'production' }, quiet)).rejects.toThrow(/production refuses demo auth mode/);
  });
});

describe('real auth mode (a JWKS served on 127.0.0.1)', () => {
  let server: Server;
  let url: string;
  let privateKey: CryptoKey;
  let authenticator: Authenticator;
  let config: Config;
  const issuer = 'https://login.example.org/tenant/v2.0';
  const audience = 'api://carebridge';
  let jwksRequests = 0;

  function token(key: CryptoKey | Uint8Array, kid: string | undefined, payload: JWTPayload = {}, alg = 'RS256'): Promise<string> {
    return new SignJWT({ role: 'education', org: 'URN100', ...payload })
      .setProtectedHeader({ alg, ...(kid ? { kid } : {}) })
      .setSubject('teacher@school')
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(key);
  }

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' };
    server = createServer((request, response) => {
      if (request.url === '/keys') {
        jwksRequests += 1;
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [publicJwk] }));
      } else response.writeHead(500).end('down');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    config = loadConfig({
      CAREBRIDGE_DATA_DIR: dataDir(),
      NODE_ENV: 'production',
      CAREBRIDGE_PSEUDONYM_KEY: 'a-test-pseudonym-key-of-32-characters-or-more',
      CAREBRIDGE_AUTH_ISSUER: issuer,
      CAREBRIDGE_AUTH_JWKS_URL: `${url}/keys`,
      CAREBRIDGE_AUTH_AUDIENCE: audience,
    });
    authenticator = await createAuthenticator(config, quiet);
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  it('accepts an RS256 token signed by the identity provider’s key, fetching the key set once', async () => {
    expect(authenticator.mode).toBe('real');
    const claims = await authenticator.authenticate(`Bearer ${await token(privateKey, 'key-1', { purpose: 'EDUCATION' })}`);
    expect(claims).toEqual({ role: 'education', org: 'URN100', sub: 'teacher@school', purpose: 'EDUCATION', linkPurposes: ['EDUCATION*'] });
    await authenticator.authenticate(`Bearer ${await token(privateKey, undefined)}`);
    expect(jwksRequests).toBe(1);
  });

  it('refuses a token signed by another key, an HS256 token, alg none and the wrong audience', async () => {
    const other = (await generateKeyPair('RS256')).privateKey;
    expect(await refusal(authenticator, `Bearer ${await token(other, 'key-1')}`)).toBe('bad signature');
    expect(await refusal(authenticator, `Bearer ${await token(other, undefined)}`)).toBe('bad signature');
    expect(await refusal(authenticator, `Bearer ${await token(other, 'key-2')}`)).toBe('token not signed by a key of the identity provider');

    const secret = new TextEncoder().encode('a shared secret of at least 32 bytes!!');
    expect(await refusal(authenticator, `Bearer ${await token(secret, 'key-1', {}, 'HS256')}`)).toBe(
      'token algorithm not accepted (accepted: RS256, ES256, PS256)',
    );
    const unsigned = `${base64url({ alg: 'none', kid: 'key-1' })}.${base64url({ role: 'education', sub: 'x', iss: issuer, aud: audience, exp: now() + 60 })}.`;
    expect(await refusal(authenticator, `Bearer ${unsigned}`)).toBe('unsigned token (alg none) refused');

    const demoConfig = loadConfig({ CAREBRIDGE_DATA_DIR: config.dataDir });
    const demo = await signDemoToken(demoConfig, { role: 'social-care', sub: 'x' });
    expect(await refusal(authenticator, `Bearer ${demo}`)).toBe('token algorithm not accepted (accepted: RS256, ES256, PS256)');
    await expect(signDemoToken(config, { role: 'social-care', sub: 'x' })).rejects.toThrow(ConfigError);

    const wrongAudience = await new SignJWT({ role: 'bi' })
      .setProtectedHeader({ alg: 'RS256', kid: 'key-1' })
      .setSubject('x')
      .setIssuer(issuer)
      .setAudience('api://another')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    expect(await refusal(authenticator, `Bearer ${wrongAudience}`)).toBe('wrong audience');
  });

  it('refuses a token that lives longer than the maximum, has no iat, or is issued in the future', async () => {
    const signed = (issuedAt: number | null, expires: number) => {
      const jwt = new SignJWT({ role: 'health', org: 'RX1' }).setProtectedHeader({ alg: 'RS256', kid: 'key-1' }).setSubject('nurse').setIssuer(issuer).setAudience(audience);
      return (issuedAt === null ? jwt : jwt.setIssuedAt(issuedAt)).setExpirationTime(expires).sign(privateKey);
    };
    expect(await refusal(authenticator, `Bearer ${await signed(now() - 600, now() + 30 * 86_400)}`)).toMatch(/^token lifetime too long: exp − iat is 2592600 s, at most 86400 s/);
    expect(await refusal(authenticator, `Bearer ${await signed(now() + 3600, now() + 7200)}`)).toBe("token issued in the future: iat is more than 30 s ahead of this server's clock");
    expect(await refusal(authenticator, `Bearer ${await signed(null, now() + 600)}`)).toBe('token has no valid iat (issued at): its lifetime cannot be checked');
    await expect(authenticator.authenticate(`Bearer ${await signed(now() - 600, now() + 86_400 - 600)}`)).resolves.toMatchObject({ role: 'health', linkPurposes: ['HEALTH_*'] });
  });

  it('reports an unreachable key set as unavailable, not as the caller’s fault', async () => {
    const broken = await createAuthenticator(
      loadConfig({ CAREBRIDGE_AUTH_ISSUER: issuer, CAREBRIDGE_AUTH_JWKS_URL: `${url}/down`, CAREBRIDGE_AUTH_AUDIENCE: audience }),
      quiet,
    );
    await expect(broken.authenticate(`Bearer ${await token(privateKey, 'key-1')}`)).rejects.toThrow(AuthenticationUnavailableError);
  });
});

describe('npm run token', () => {
  function run(args: string[], env: Record<string, string>) {
    const result = spawnSync(process.execPath, [path.resolve('dist/cli/token.js'), ...args], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, ...env },
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  it('prints one JWT line that the server accepts for the same data dir', async () => {
    const env = { CAREBRIDGE_DATA_DIR: dataDir() };
    const printed = run(['--role', 'education', '--org', 'URN100', '--purpose', 'EDUCATION'], env);
    expect(printed).toMatchObject({ code: 0, stderr: '' });
    expect(printed.stdout).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\n$/);
    const token = printed.stdout.trim();
    const payload = decodeJwt(token);
    expect(payload.exp! - payload.iat!).toBe(12 * 3600);
    expect(Math.abs(payload.iat! - now())).toBeLessThan(60);

    const server = await createAuthenticator(loadConfig(env), quiet);
    expect(await server.authenticate(`Bearer ${token}`)).toEqual({
      role: 'education',
      org: 'URN100',
      sub: 'demo-education',
      purpose: 'EDUCATION',
      linkPurposes: ['EDUCATION*'],
    });
    const named = run(['--role', 'bi', '--sub', 'analyst-3'], env);
    expect(await server.authenticate(`Bearer ${named.stdout.trim()}`)).toEqual({ role: 'bi', org: null, sub: 'analyst-3', purpose: null, linkPurposes: [] });

    // Another data dir holds another key: the server there refuses this token.
    const elsewhere = await createAuthenticator(loadConfig({ CAREBRIDGE_DATA_DIR: dataDir() }), quiet);
    expect(await refusal(elsewhere, `Bearer ${token}`)).toBe('bad signature');
  });

  it('answers an unknown role, a missing role or real auth mode with a message and exit 1', () => {
    const env = { CAREBRIDGE_DATA_DIR: dataDir() };
    const unknown = run(['--role', 'admin'], env);
    expect(unknown).toMatchObject({ code: 1, stdout: '' });
    expect(unknown.stderr).toMatch(/^unknown role 'admin': expected one of social-care, ehc, health, education, bi\nusage: /);
    const missing = run([], env);
    expect(missing).toMatchObject({ code: 1, stdout: '' });
    expect(missing.stderr).toMatch(/^usage: npm run -s token -- --role/);
    expect(run(['--role', 'bi', '--force'], env)).toMatchObject({ code: 1, stdout: '' });

    const real = run(['--role', 'bi'], {
      ...env,
      CAREBRIDGE_AUTH_ISSUER: 'https://login.example.org',
      CAREBRIDGE_AUTH_JWKS_URL: 'https://login.example.org/keys',
      CAREBRIDGE_AUTH_AUDIENCE: 'carebridge',
    });
    expect(real).toMatchObject({ code: 1, stdout: '' });
    expect(real.stderr).toMatch(/^npm run token signs demo tokens only, and demo auth mode is off/);
    expect(real.stderr).not.toMatch(/\bat .*:\d+:\d+/);
  });
});
