// Configuration is validated once, at start-up, with one clear message per problem.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('defaults to embedded PGlite in .carebridge/data, the public SSD schema and port 4000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ databaseUrl: undefined, ssdSchema: 'public', port: 4000 });
    expect(config.dataDir).toBe(path.resolve('.carebridge/data'));
    expect(config.labels.cpCategory.get('neglect')).toBe('NEG');
    expect(config.labels.keyContactRole.get('independent reviewing officer')).toBe('IRO');
    expect(config.nodeEnv).toBe('development');
    expect(config.auth).toEqual({
      mode: 'demo',
      issuer: 'carebridge-demo',
      jwksUrl: undefined,
      audience: 'carebridge',
      claims: { role: 'role', org: 'org', purpose: 'purpose' },
    });
  });

  it('reports every problem at once, naming the variable', () => {
    expect(
      problemsOf({
        DATABASE_URL: 'mysql://localhost/x',
        CAREBRIDGE_SSD_SCHEMA: 'Bad-Name',
        PORT: 'eighty',
        CAREBRIDGE_DEMO_SEED: 'sometimes',
      }),
    ).toEqual([
      'DATABASE_URL: must be a postgres:// or postgresql:// URL',
      'CAREBRIDGE_SSD_SCHEMA: must be a lower-case PostgreSQL identifier, e.g. public or ssd',
      'PORT: Invalid input: expected number, received NaN',
      'CAREBRIDGE_DEMO_SEED: Invalid option: expected one of "auto"|"always"|"never"',
    ]);
  });

  it('gives every request a deadline, 10 s unless CAREBRIDGE_REQUEST_TIMEOUT_MS says otherwise (at least 100 ms)', () => {
    expect(loadConfig({}).requestTimeoutMs).toBe(10_000);
    expect(loadConfig({ CAREBRIDGE_REQUEST_TIMEOUT_MS: '2500' }).requestTimeoutMs).toBe(2500);
    expect(problemsOf({ CAREBRIDGE_REQUEST_TIMEOUT_MS: '50' })).toEqual(['CAREBRIDGE_REQUEST_TIMEOUT_MS: Too small: expected number to be >=100']);
    expect(problemsOf({ CAREBRIDGE_REQUEST_TIMEOUT_MS: 'soon' })).toEqual(['CAREBRIDGE_REQUEST_TIMEOUT_MS: Invalid input: expected number, received NaN']);
  });

  it('refuses the carebridge schema for SSD tables', () => {
    expect(problemsOf({ CAREBRIDGE_SSD_SCHEMA: 'carebridge' })).toEqual([
      'CAREBRIDGE_SSD_SCHEMA: cannot be carebridge: that schema holds Carebridge’s own tables',
    ]);
  });

  it('checks a label map names real codes', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'carebridge-config-')), 'labels.json');
    writeFileSync(file, JSON.stringify({ legalStatus: { 'Care Order': 'C9' }, placementTypes: {} }));
    expect(problemsOf({ CAREBRIDGE_LABEL_MAP: file })).toEqual([
      `CAREBRIDGE_LABEL_MAP (${file}): Unrecognized key: "placementTypes"`,
      `CAREBRIDGE_LABEL_MAP (${file}): legalStatus.Care Order: maps to C9, which is not a legalStatus code (C1, C2, D1, E1, J1, J2, J3, L1, L2, L3, V2, V3, V4)`,
    ]);
  });

  const realAuth = {
    CAREBRIDGE_AUTH_ISSUER: 'https://login.microsoftonline.com/tenant/v2.0',
    CAREBRIDGE_AUTH_JWKS_URL: 'https://login.microsoftonline.com/tenant/discovery/v2.0/keys',
    CAREBRIDGE_AUTH_AUDIENCE: 'api://carebridge',
  };

  it('selects real auth mode with issuer, JWKS URL and audience, and reads configured claim names', () => {
    const config = loadConfig({
      ...realAuth,
      NODE_ENV: 'production',
      CAREBRIDGE_PSEUDONYM_KEY: 'a-test-pseudonym-key-of-32-characters-or-more',
      CAREBRIDGE_CLAIM_ROLE: 'roles',
      CAREBRIDGE_CLAIM_ORG: 'tid',
      CAREBRIDGE_CLAIM_PURPOSE: 'carebridge_purpose',
    });
    expect(config.nodeEnv).toBe('production');
    expect(config.auth).toEqual({
      mode: 'real',
      issuer: realAuth.CAREBRIDGE_AUTH_ISSUER,
      jwksUrl: realAuth.CAREBRIDGE_AUTH_JWKS_URL,
      audience: realAuth.CAREBRIDGE_AUTH_AUDIENCE,
      claims: { role: 'roles', org: 'tid', purpose: 'carebridge_purpose' },
    });
    expect(loadConfig({ ...realAuth, CAREBRIDGE_AUTH_JWKS_URL: 'http://127.0.0.1:8080/keys' }).auth.mode).toBe('real');
  });

  it('needs all three of issuer, JWKS URL and audience, or none, naming each one missing', () => {
    const all = 'CAREBRIDGE_AUTH_ISSUER, CAREBRIDGE_AUTH_JWKS_URL and CAREBRIDGE_AUTH_AUDIENCE, all three (or none of them, for demo mode)';
    expect(problemsOf({ CAREBRIDGE_AUTH_ISSUER: realAuth.CAREBRIDGE_AUTH_ISSUER })).toEqual([
      `CAREBRIDGE_AUTH_JWKS_URL: missing: real auth mode needs ${all}`,
      `CAREBRIDGE_AUTH_AUDIENCE: missing: real auth mode needs ${all}`,
    ]);
    expect(problemsOf({ ...realAuth, CAREBRIDGE_AUTH_AUDIENCE: '' })).toEqual([
      `CAREBRIDGE_AUTH_AUDIENCE: missing: real auth mode needs ${all}`,
    ]);
  });

  it('refuses demo auth mode in production, and a JWKS URL that is not https', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      'NODE_ENV: production refuses demo auth mode (tokens signed with a local secret): set CAREBRIDGE_AUTH_ISSUER, CAREBRIDGE_AUTH_JWKS_URL and CAREBRIDGE_AUTH_AUDIENCE',
      'CAREBRIDGE_PSEUDONYM_KEY: missing: production needs one BI pseudonym key for every instance (a per-instance key file would give each its own pseudonyms)',
    ]);
    expect(problemsOf({ NODE_ENV: 'production', ...realAuth, CAREBRIDGE_PSEUDONYM_KEY: 'too short' })).toEqual([
      'CAREBRIDGE_PSEUDONYM_KEY: at least 32 characters of secret',
    ]);
    expect(problemsOf({ NODE_ENV: 'test' })).toEqual([]);
    expect(problemsOf({ ...realAuth, CAREBRIDGE_AUTH_JWKS_URL: 'http://idp.example.org/keys', PORT: 'x' })).toEqual([
      'PORT: Invalid input: expected number, received NaN',
      'CAREBRIDGE_AUTH_JWKS_URL: must be an https:// URL (http:// only for localhost)',
    ]);
    expect(problemsOf({ ...realAuth, CAREBRIDGE_AUTH_JWKS_URL: 'keys' })).toEqual([
      'CAREBRIDGE_AUTH_JWKS_URL: must be an https:// URL (http:// only for localhost)',
    ]);
  });

  it('reads the role→purpose map (the contract’s, extended), the longest token lifetime and the clock tolerance', () => {
    const defaults = loadConfig({});
    expect(defaults.purposesByRole).toEqual({ ehc: ['EHC_*'], health: ['HEALTH_*'], education: ['EDUCATION*'] });
    expect(defaults.tokens).toEqual({ maxLifetimeSeconds: 86_400, clockToleranceSeconds: 30 });
    const custom = loadConfig({
      CAREBRIDGE_PURPOSES_BY_ROLE: '{"health": ["EDUCATION_HEALTH_PLAN", "HEALTH_*"], "ehc": ["SEND_*"]}',
      CAREBRIDGE_MAX_TOKEN_LIFETIME: '90m',
      CAREBRIDGE_CLOCK_TOLERANCE_S: '0',
    });
    expect(custom.purposesByRole).toEqual({ ehc: ['EHC_*', 'SEND_*'], health: ['HEALTH_*', 'EDUCATION_HEALTH_PLAN'], education: ['EDUCATION*'] });
    expect(custom.tokens).toEqual({ maxLifetimeSeconds: 5400, clockToleranceSeconds: 0 });
    expect(loadConfig({ CAREBRIDGE_MAX_TOKEN_LIFETIME: '3600' }).tokens.maxLifetimeSeconds).toBe(3600);
    expect(
      problemsOf({
        CAREBRIDGE_PURPOSES_BY_ROLE: '{"bi": ["X"], "health": ["*", "two words"]}',
        CAREBRIDGE_MAX_TOKEN_LIFETIME: '40d',
        CAREBRIDGE_CLOCK_TOLERANCE_S: '3600',
      }),
    ).toEqual([
      'CAREBRIDGE_MAX_TOKEN_LIFETIME: must be at most 30 days',
      'CAREBRIDGE_CLOCK_TOLERANCE_S: Too big: expected number to be <=300',
      'CAREBRIDGE_PURPOSES_BY_ROLE: health.0: must be a purpose (letters, digits, _ . : -), or a prefix ending in *, e.g. EDUCATION_HEALTH_PLAN or HEALTH_*',
      'CAREBRIDGE_PURPOSES_BY_ROLE: health.1: must be a purpose (letters, digits, _ . : -), or a prefix ending in *, e.g. EDUCATION_HEALTH_PLAN or HEALTH_*',
      'CAREBRIDGE_PURPOSES_BY_ROLE: bi: only ehc, health, education read through links',
    ]);
    expect(problemsOf({ CAREBRIDGE_PURPOSES_BY_ROLE: 'health' })[0]).toMatch(/^CAREBRIDGE_PURPOSES_BY_ROLE: not JSON/);
    expect(problemsOf({ CAREBRIDGE_MAX_TOKEN_LIFETIME: '1 day' })).toEqual(['CAREBRIDGE_MAX_TOKEN_LIFETIME: must be a duration such as 24h, 90m, 1d or 3600 (seconds)']);
  });

  it('refuses claim names that collide or that name sub', () => {
    expect(problemsOf({ CAREBRIDGE_CLAIM_ORG: 'role', CAREBRIDGE_CLAIM_PURPOSE: 'sub' })).toEqual([
      'CAREBRIDGE_CLAIM_ORG: names the same claim as CAREBRIDGE_CLAIM_ROLE (role)',
      "CAREBRIDGE_CLAIM_PURPOSE: cannot be sub: sub is always the reader's identity",
    ]);
    expect(problemsOf({ CAREBRIDGE_CLAIM_ROLE: 'app roles' })).toEqual([
      'CAREBRIDGE_CLAIM_ROLE: must be a claim name (no spaces), e.g. roles',
    ]);
  });
});
