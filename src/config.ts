// Configuration: every environment variable Carebridge reads, parsed and defaulted here once,
// at start-up, with one clear message per problem. Nothing else reads process.env.

import { availableParallelism } from 'node:os';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { mappableCodeSets, type MappableCodeSet } from './import/tables.js';
import { keyContactRoles, type KeyContactRole } from './domain/key-contacts.js';
import { defaultPolicy, parsePolicy, type Policy } from './domain/policy.js';
import { extendPurposes, linkRoles, purposePattern, type PurposesByRole } from './access/link-purposes.js';
import type { WholeAuthorityQueueSettings } from './access/whole-authority-queue.js';

/** Defaults for the operation limits: `children(first: 500)` asking every Child field passes (see src/access/operation-limits.ts). */
export const operationLimitDefaults = { depth: 10, aliases: 15, tokens: 1000, directives: 20, cost: 100_000 } as const;

/** The repository root, where trusted-documents/ lives (this file is src/config.ts or dist/config.js). */
const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const identifier = /^[a-z_][a-z0-9_]{0,62}$/;

const claimName = z.string().regex(/^[^\s]{1,100}$/, 'must be a claim name (no spaces), e.g. roles');

/** A JWKS URL: https, or http only to this machine (a test or a sidecar). */
const jwksUrl = z.string().refine((value) => {
  try {
    const url = new URL(value);
    const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    return url.protocol === 'https:' || (url.protocol === 'http:' && local);
  } catch {
    return false;
  }
}, 'must be an https:// URL (http:// only for localhost)');

const claimDefaults = { CAREBRIDGE_CLAIM_ROLE: 'role', CAREBRIDGE_CLAIM_ORG: 'org', CAREBRIDGE_CLAIM_PURPOSE: 'purpose' } as const;

/** A duration in seconds, or with a unit: 3600, 90m, 24h, 1d. */
const durationUnits = { s: 1, m: 60, h: 3600, d: 86_400 } as const;
const duration = z
  .string()
  .regex(/^[1-9][0-9]{0,7}[smhd]?$/, 'must be a duration such as 24h, 90m, 1d or 3600 (seconds)')
  .transform((value) => {
    const unit = value.at(-1) as keyof typeof durationUnits;
    return unit in durationUnits ? Number(value.slice(0, -1)) * durationUnits[unit] : Number(value);
  });

const postgresUrl = z
  .string()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), 'must be a postgres:// or postgresql:// URL');

const environment = z.object({
  DATABASE_URL: postgresUrl.optional(),
  DATABASE_MIGRATION_URL: postgresUrl.optional(),
  CAREBRIDGE_DATA_DIR: z.string().min(1).default('.carebridge/data'),
  CAREBRIDGE_SSD_SCHEMA: z
    .string()
    .regex(identifier, 'must be a lower-case PostgreSQL identifier, e.g. public or ssd')
    .refine((value) => value !== 'carebridge', 'cannot be carebridge: that schema holds Carebridge’s own tables')
    .default('public'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CAREBRIDGE_LABEL_MAP: z.string().min(1).optional(),
  CAREBRIDGE_POLICY_FILE: z.string().min(1).optional(),
  /** BI pseudonyms' secret: the same on every instance of a deployment, never changed (pseudonyms would change). */
  CAREBRIDGE_PSEUDONYM_KEY: z.string().min(32, 'at least 32 characters of secret').optional(),
  CAREBRIDGE_DEMO_SEED: z.enum(['auto', 'always', 'never']).default('auto'),
  CAREBRIDGE_DEMO_CHILDREN: z.coerce.number().int().min(50).max(1_000_000).default(2000),
  CAREBRIDGE_AUTHORITY_NAME: z.string().min(1).max(200).default('The local authority'),
  CAREBRIDGE_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  NODE_ENV: z.string().min(1).default('development'),
  CAREBRIDGE_AUTH_ISSUER: z.string().min(1).optional(),
  CAREBRIDGE_AUTH_JWKS_URL: jwksUrl.optional(),
  CAREBRIDGE_AUTH_AUDIENCE: z.string().min(1).optional(),
  CAREBRIDGE_CLAIM_ROLE: claimName.default(claimDefaults.CAREBRIDGE_CLAIM_ROLE),
  CAREBRIDGE_CLAIM_ORG: claimName.default(claimDefaults.CAREBRIDGE_CLAIM_ORG),
  CAREBRIDGE_CLAIM_PURPOSE: claimName.default(claimDefaults.CAREBRIDGE_CLAIM_PURPOSE),
  // Hardening (src/access/operation-limits.ts, trusted-documents.ts, rate-limit.ts).
  CAREBRIDGE_MAX_DEPTH: z.coerce.number().int().min(1).max(100).default(operationLimitDefaults.depth),
  CAREBRIDGE_MAX_ALIASES: z.coerce.number().int().min(0).max(1000).default(operationLimitDefaults.aliases),
  CAREBRIDGE_MAX_TOKENS: z.coerce.number().int().min(10).max(1_000_000).default(operationLimitDefaults.tokens),
  CAREBRIDGE_MAX_DIRECTIVES: z.coerce.number().int().min(0).max(1000).default(operationLimitDefaults.directives),
  CAREBRIDGE_MAX_COST: z.coerce.number().int().min(1).max(1_000_000_000).default(operationLimitDefaults.cost),
  CAREBRIDGE_INTROSPECTION: z.enum(['social-care', 'all', 'none']).default('social-care'),
  CAREBRIDGE_TRUSTED_DOCUMENTS: z.enum(['off', 'allow', 'required']).default('allow'),
  CAREBRIDGE_TRUSTED_DOCUMENTS_DIR: z.string().min(1).optional(),
  CAREBRIDGE_RATE_LIMIT: z
    .string()
    .regex(/^(off|[1-9][0-9]{0,8}\/[1-9][0-9]{0,6})$/, 'must be points/seconds, e.g. 600/60 (600 requests a minute per consumer), or off')
    .default('600/60'),
  CAREBRIDGE_RATE_LIMIT_PREFIX: z.string().regex(/^[\w:.-]{1,100}$/, 'must be letters, digits and _ : . - only').default('carebridge:rate'),
  REDIS_URL: z
    .string()
    .refine((value) => /^rediss?:\/\/[^\s]+$/.test(value), 'must be a redis:// or rediss:// URL')
    .optional(),
  CAREBRIDGE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(10_000),
  // Partners' reads and tokens (src/access/link-purposes.ts, src/access/authentication.ts).
  CAREBRIDGE_PURPOSES_BY_ROLE: z.string().min(1).optional(),
  CAREBRIDGE_MAX_TOKEN_LIFETIME: duration
    .pipe(z.number().min(60, 'must be at least a minute').max(30 * 86_400, 'must be at most 30 days'))
    .default(24 * 3600),
  CAREBRIDGE_CLOCK_TOLERANCE_S: z.coerce.number().int().min(0).max(300).default(30),
  CAREBRIDGE_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(10_000),
  // Whole-authority work at once, and waiting, per instance (src/access/whole-authority-queue.ts).
  CAREBRIDGE_BULK_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  CAREBRIDGE_BULK_QUEUE: z.coerce.number().int().min(0).max(1000).default(4),
  CAREBRIDGE_BULK_TIMEOUT_MS: z.coerce.number().int().min(1000).max(86_400_000).default(600_000),
  // Worker threads for whole-authority rules (src/db/due-date-workers.ts); 0 computes on the main thread.
  CAREBRIDGE_BULK_WORKERS: z.coerce.number().int().min(0).max(16).default(Math.min(4, availableParallelism())),
  // How often an instance checks that the stored due dates answer for today (a new day, an import), and stores them if not.
  CAREBRIDGE_DUE_DATE_CHECK_S: z.coerce.number().int().min(1).max(86_400).default(600),
});

/** Real auth mode needs all three; with none of them the service runs in demo mode. */
const realAuthVariables = ['CAREBRIDGE_AUTH_ISSUER', 'CAREBRIDGE_AUTH_JWKS_URL', 'CAREBRIDGE_AUTH_AUDIENCE'] as const;
const authTrio = 'CAREBRIDGE_AUTH_ISSUER, CAREBRIDGE_AUTH_JWKS_URL and CAREBRIDGE_AUTH_AUDIENCE';

/** Demo auth mode: tokens signed and checked with a local secret (src/access/authentication.ts). */
export const demoAuth = { issuer: 'carebridge-demo', audience: 'carebridge' } as const;

/** Where the token's role, organisation and purpose are read from (`sub` is always `sub`). */
export interface ClaimNames {
  role: string;
  org: string;
  purpose: string;
}

export type AuthSettings =
  | {
      mode: 'demo';
      issuer: typeof demoAuth.issuer;
      jwksUrl: undefined;
      audience: typeof demoAuth.audience;
      claims: ClaimNames;
    }
  | { mode: 'real'; issuer: string; jwksUrl: string; audience: string; claims: ClaimNames };

/** Problems that involve more than one variable, checked on the raw values so they are reported with the rest. */
function crossFieldProblems(present: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  const set = realAuthVariables.filter((name) => present[name] !== undefined);
  if (set.length > 0 && set.length < realAuthVariables.length) {
    for (const name of realAuthVariables.filter((variable) => !set.includes(variable))) {
      problems.push(`${name}: missing: real auth mode needs ${authTrio}, all three (or none of them, for demo mode)`);
    }
  }
  if (set.length === 0 && present.NODE_ENV === 'production') {
    problems.push(
      `NODE_ENV: production refuses demo auth mode (tokens signed with a local secret): set ${authTrio}`,
    );
  }
  if (present.NODE_ENV === 'production' && present.CAREBRIDGE_PSEUDONYM_KEY === undefined) {
    problems.push('CAREBRIDGE_PSEUDONYM_KEY: missing: production needs one BI pseudonym key for every instance (a per-instance key file would give each its own pseudonyms)');
  }
  const seen = new Map<string, string>();
  for (const [name, fallback] of Object.entries(claimDefaults)) {
    const claim = present[name] ?? fallback;
    const other = seen.get(claim);
    if (other) problems.push(`${name}: names the same claim as ${other} (${claim})`);
    else if (claim === 'sub') problems.push(`${name}: cannot be sub: sub is always the reader's identity`);
    seen.set(claim, name);
  }
  return problems;
}

/** An authority's own words for the codes Carebridge computes from, keyed by code set. */
const labelMapFile = z
  .object({
    legalStatus: z.record(z.string(), z.string()).optional(),
    cpCategory: z.record(z.string(), z.string()).optional(),
    placementType: z.record(z.string(), z.string()).optional(),
    keyContactRole: z.record(z.string(), z.enum(keyContactRoles)).optional(),
  })
  .strict()
  .superRefine((file, context) => {
    for (const set of Object.keys(mappableCodeSets) as MappableCodeSet[]) {
      for (const [label, code] of Object.entries(file[set] ?? {})) {
        if (!(mappableCodeSets[set] as readonly string[]).includes(code)) {
          context.addIssue({
            code: 'custom',
            path: [set, label],
            message: `maps to ${code}, which is not a ${set} code (${mappableCodeSets[set].join(', ')})`,
          });
        }
      }
    }
  });

export type LabelMaps = Record<MappableCodeSet, ReadonlyMap<string, string>> & {
  keyContactRole: ReadonlyMap<string, KeyContactRole>;
};

// Labels seen in SSD extracts (rules.md "Code lists"; contract "Key contacts"). Matching ignores case and spacing.
const defaultLabels = {
  legalStatus: {},
  cpCategory: {
    Neglect: 'NEG',
    'Physical abuse': 'PHY',
    'Physical Abuse': 'PHY',
    'Sexual abuse': 'SAB',
    'Emotional abuse': 'EMO',
    Multiple: 'MUL',
    'Multiple/not recommended': 'MUL',
  },
  placementType: {},
  keyContactRole: {
    'Allocated Social Worker': 'SOCIAL_WORKER',
    'Allocated Case Worker': 'SOCIAL_WORKER',
    'Social Worker': 'SOCIAL_WORKER',
    'Team Manager': 'TEAM_MANAGER',
    'Independent Reviewing Officer': 'IRO',
    IRO: 'IRO',
    'Child Protection Co-ordinator': 'CP_COORDINATOR',
    'Child Protection Coordinator': 'CP_COORDINATOR',
    'CP Chair': 'CP_COORDINATOR',
    'Personal Adviser': 'PERSONAL_ADVISER',
    'Personal Advisor': 'PERSONAL_ADVISER',
    'Lead Professional': 'LEAD_PROFESSIONAL',
  },
} satisfies Record<keyof LabelMaps, Record<string, string>>;

export function normaliseLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The key-contact role an involvement's role label stands for in this authority (OTHER when unknown). */
export function keyContactRoleOfLabel(labels: Pick<LabelMaps, 'keyContactRole'>, label: string | null): KeyContactRole {
  return (label ? labels.keyContactRole.get(normaliseLabel(label)) : undefined) ?? 'OTHER';
}

function labelMap<T extends string>(...sources: (Record<string, T> | undefined)[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const source of sources) {
    for (const [label, code] of Object.entries(source ?? {})) map.set(normaliseLabel(label), code);
  }
  return map;
}

export interface Config {
  databaseUrl: string | undefined;
  migrationUrl: string | undefined;
  dataDir: string;
  ssdSchema: string;
  port: number;
  host: string;
  logLevel: z.infer<typeof environment>['LOG_LEVEL'];
  labels: LabelMaps;
  demo: { seed: 'auto' | 'always' | 'never'; children: number };
  /** How the authority is named where it holds parental responsibility. */
  authorityName: string;
  /** Which local rules apply, and their figures (CAREBRIDGE_POLICY_FILE over the seed defaults). */
  policy: Policy;
  /** CAREBRIDGE_PSEUDONYM_KEY; unset: a key file in the data directory (src/access/pseudonyms.ts). */
  pseudonymKey: string | undefined;
  shutdownGraceMs: number;
  /** NODE_ENV (default development); `production` refuses demo auth mode. */
  nodeEnv: string;
  auth: AuthSettings;
  /** Refused before execution with QUERY_TOO_COMPLEX (src/access/operation-limits.ts). */
  operationLimits: OperationLimitSettings;
  /** Who may introspect: social-care only (default), every role, or none. */
  introspection: 'social-care' | 'all' | 'none';
  trustedDocuments: TrustedDocumentSettings;
  /** Requests per consumer per window; null when CAREBRIDGE_RATE_LIMIT=off. */
  rateLimit: RateLimitSettings | null;
  /** statement_timeout for the service's database connections, in ms; 0 is none. */
  statementTimeoutMs: number;
  /** Whole-authority operations (off-store compliance and dueDates, extracts) at once and waiting, per instance. */
  bulk: WholeAuthorityQueueSettings;
  /** Worker threads computing whole-authority due dates and summaries (0: the main thread). */
  bulkWorkers: number;
  /** Seconds between checks that the stored due dates answer for today (src/service.ts). */
  dueDateCheckSeconds: number;
  /** A request that needs the database and has not started answering by then gets 503 (src/http/deadline.ts); also the connect timeout. */
  requestTimeoutMs: number;
  /** The link purposes each partner role reads through: the contract's map, extended by CAREBRIDGE_PURPOSES_BY_ROLE. */
  purposesByRole: PurposesByRole;
  tokens: TokenSettings;
}

export interface TokenSettings {
  /** Longest accepted exp − iat, in seconds (CAREBRIDGE_MAX_TOKEN_LIFETIME). */
  maxLifetimeSeconds: number;
  /** Clock skew allowed on exp, nbf and iat, in seconds (CAREBRIDGE_CLOCK_TOLERANCE_S). */
  clockToleranceSeconds: number;
}

export interface OperationLimitSettings {
  depth: number;
  aliases: number;
  tokens: number;
  directives: number;
  cost: number;
}

export interface TrustedDocumentSettings {
  /** off: by-hash requests refused; allow: a registered hash or a full query; required: partner roles send only registered hashes. */
  mode: 'off' | 'allow' | 'required';
  /** Holds <role>/*.graphql. */
  directory: string;
}

export interface RateLimitSettings {
  points: number;
  durationSeconds: number;
  /** Shared across instances through Redis when set; in memory otherwise. */
  redisUrl: string | undefined;
  keyPrefix: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is not valid:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

function issuesToProblems(issues: z.core.$ZodIssue[], prefix: string): string[] {
  return issues.map((issue) => {
    const where = issue.path.map(String).join('.');
    return `${[prefix, where].filter(Boolean).join(': ')}: ${issue.message}`;
  });
}

function readLabelMaps(file: string | undefined): { labels: LabelMaps; problems: string[] } {
  let overrides: z.infer<typeof labelMapFile> = {};
  const problems: string[] = [];
  if (file) {
    try {
      const parsed = labelMapFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (parsed.success) overrides = parsed.data;
      else problems.push(...issuesToProblems(parsed.error.issues, `CAREBRIDGE_LABEL_MAP (${file})`));
    } catch (error) {
      problems.push(`CAREBRIDGE_LABEL_MAP: cannot read ${file} as JSON (${(error as Error).message})`);
    }
  }
  return {
    problems,
    labels: {
      legalStatus: labelMap(defaultLabels.legalStatus, overrides.legalStatus),
      cpCategory: labelMap(defaultLabels.cpCategory, overrides.cpCategory),
      placementType: labelMap(defaultLabels.placementType, overrides.placementType),
      keyContactRole: labelMap<KeyContactRole>(
        defaultLabels.keyContactRole as Record<string, KeyContactRole>,
        overrides.keyContactRole,
      ),
    },
  };
}

function authSettings(values: z.infer<typeof environment>): AuthSettings {
  const claims = { role: values.CAREBRIDGE_CLAIM_ROLE, org: values.CAREBRIDGE_CLAIM_ORG, purpose: values.CAREBRIDGE_CLAIM_PURPOSE };
  const { CAREBRIDGE_AUTH_ISSUER: issuer, CAREBRIDGE_AUTH_JWKS_URL: jwksUrl, CAREBRIDGE_AUTH_AUDIENCE: audience } = values;
  // crossFieldProblems has already refused a partial set.
  if (issuer && jwksUrl && audience) return { mode: 'real', issuer, jwksUrl, audience, claims };
  return { mode: 'demo', issuer: demoAuth.issuer, jwksUrl: undefined, audience: demoAuth.audience, claims };
}

function rateLimitSettings(values: z.infer<typeof environment>): RateLimitSettings | null {
  if (values.CAREBRIDGE_RATE_LIMIT === 'off') return null;
  const [points, seconds] = values.CAREBRIDGE_RATE_LIMIT.split('/').map(Number);
  return { points: points!, durationSeconds: seconds!, redisUrl: values.REDIS_URL, keyPrefix: values.CAREBRIDGE_RATE_LIMIT_PREFIX };
}

function readPolicy(file: string | undefined): { policy: Policy; problems: string[] } {
  if (!file) return { policy: defaultPolicy, problems: [] };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { policy: defaultPolicy, problems: [`CAREBRIDGE_POLICY_FILE: cannot read ${file} as JSON (${(error as Error).message})`] };
  }
  const parsed = parsePolicy(json);
  return 'policy' in parsed
    ? { policy: parsed.policy, problems: [] }
    : { policy: defaultPolicy, problems: parsed.problems.map((problem) => `CAREBRIDGE_POLICY_FILE (${file}): ${problem}`) };
}

/** CAREBRIDGE_PURPOSES_BY_ROLE: JSON, e.g. {"health": ["EDUCATION_HEALTH_PLAN"]}; each role's purposes are added to the contract's. */
const purposeAdditions = z.strictObject(
  Object.fromEntries(
    linkRoles.map((role) => [
      role,
      z
        .array(z.string().regex(purposePattern, 'must be a purpose (letters, digits, _ . : -), or a prefix ending in *, e.g. EDUCATION_HEALTH_PLAN or HEALTH_*'))
        .max(100)
        .optional(),
    ]),
  ) as Record<(typeof linkRoles)[number], z.ZodOptional<z.ZodArray<z.ZodString>>>,
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? `${issue.keys.join(', ')}: only ${linkRoles.join(', ')} read through links` : 'must be a JSON object of roles to lists of purposes',
  },
);

function readPurposesByRole(json: string | undefined): { purposesByRole: PurposesByRole; problems: string[] } {
  if (!json) return { purposesByRole: extendPurposes({}), problems: [] };
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return { purposesByRole: extendPurposes({}), problems: [`CAREBRIDGE_PURPOSES_BY_ROLE: not JSON (${(error as Error).message})`] };
  }
  const parsed = purposeAdditions.safeParse(value);
  return parsed.success
    ? { purposesByRole: extendPurposes(parsed.data), problems: [] }
    : { purposesByRole: extendPurposes({}), problems: issuesToProblems(parsed.error.issues, 'CAREBRIDGE_PURPOSES_BY_ROLE') };
}

/** Parses the environment; throws ConfigError listing every problem at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set", as in most deployment tooling.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = environment.safeParse(present);
  const problems = parsed.success ? [] : issuesToProblems(parsed.error.issues, '');
  const { labels, problems: labelProblems } = readLabelMaps(present.CAREBRIDGE_LABEL_MAP);
  problems.push(...labelProblems);
  const { policy, problems: policyProblems } = readPolicy(present.CAREBRIDGE_POLICY_FILE);
  problems.push(...policyProblems);
  const { purposesByRole, problems: purposeProblems } = readPurposesByRole(present.CAREBRIDGE_PURPOSES_BY_ROLE);
  problems.push(...purposeProblems);
  problems.push(...crossFieldProblems(present));
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const values = parsed.data;
  return {
    databaseUrl: values.DATABASE_URL,
    migrationUrl: values.DATABASE_MIGRATION_URL,
    dataDir: path.resolve(values.CAREBRIDGE_DATA_DIR),
    ssdSchema: values.CAREBRIDGE_SSD_SCHEMA,
    port: values.PORT,
    host: values.HOST,
    logLevel: values.LOG_LEVEL,
    labels,
    policy,
    pseudonymKey: values.CAREBRIDGE_PSEUDONYM_KEY,
    demo: { seed: values.CAREBRIDGE_DEMO_SEED, children: values.CAREBRIDGE_DEMO_CHILDREN },
    authorityName: values.CAREBRIDGE_AUTHORITY_NAME,
    shutdownGraceMs: values.CAREBRIDGE_SHUTDOWN_GRACE_MS,
    nodeEnv: values.NODE_ENV,
    auth: authSettings(values),
    operationLimits: {
      depth: values.CAREBRIDGE_MAX_DEPTH,
      aliases: values.CAREBRIDGE_MAX_ALIASES,
      tokens: values.CAREBRIDGE_MAX_TOKENS,
      directives: values.CAREBRIDGE_MAX_DIRECTIVES,
      cost: values.CAREBRIDGE_MAX_COST,
    },
    introspection: values.CAREBRIDGE_INTROSPECTION,
    trustedDocuments: {
      mode: values.CAREBRIDGE_TRUSTED_DOCUMENTS,
      directory: path.resolve(values.CAREBRIDGE_TRUSTED_DOCUMENTS_DIR ?? path.join(packageRoot, 'trusted-documents')),
    },
    rateLimit: rateLimitSettings(values),
    statementTimeoutMs: values.CAREBRIDGE_STATEMENT_TIMEOUT_MS,
    purposesByRole,
    tokens: { maxLifetimeSeconds: values.CAREBRIDGE_MAX_TOKEN_LIFETIME, clockToleranceSeconds: values.CAREBRIDGE_CLOCK_TOLERANCE_S },
    requestTimeoutMs: values.CAREBRIDGE_REQUEST_TIMEOUT_MS,
    bulk: { concurrency: values.CAREBRIDGE_BULK_CONCURRENCY, queue: values.CAREBRIDGE_BULK_QUEUE, timeoutMs: values.CAREBRIDGE_BULK_TIMEOUT_MS },
    bulkWorkers: values.CAREBRIDGE_BULK_WORKERS,
    dueDateCheckSeconds: values.CAREBRIDGE_DUE_DATE_CHECK_S,
  };
}
