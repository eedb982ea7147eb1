// `npm run -s token -- --role R [--org O] [--sub S] [--purpose P]`: prints a signed demo token
// (the JWT alone on stdout, valid 12 hours or CAREBRIDGE_MAX_TOKEN_LIFETIME when shorter) for the server in demo auth mode, signed with the
// same local secret in CAREBRIDGE_DATA_DIR (shared/contract/README.md, "Commands").

import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { demoTokenLifetime, isRole, roles, signDemoToken } from '../access/authentication.js';
import { parseCommandLine, runCommand, UsageError } from './command.js';

const usage = `usage: npm run -s token -- --role <${roles.join('|')}> [--org <org>] [--sub <subject>] [--purpose <purpose>]`;

async function main(): Promise<number> {
  const { values } = parseCommandLine(
    () =>
      parseArgs({
        options: {
          role: { type: 'string' },
          org: { type: 'string' },
          sub: { type: 'string' },
          purpose: { type: 'string' },
          help: { type: 'boolean', short: 'h' },
        },
      }),
    usage,
  );
  if (values.help) {
    process.stdout.write(`${usage}\nPrints a demo token valid ${demoTokenLifetime} (or CAREBRIDGE_MAX_TOKEN_LIFETIME when shorter); works only in demo auth mode.\n`);
    return 0;
  }
  if (values.role === undefined) throw new UsageError(usage);
  if (!isRole(values.role)) throw new UsageError(`unknown role '${values.role}': expected one of ${roles.join(', ')}\n${usage}`);
  for (const option of ['org', 'sub', 'purpose'] as const) {
    if (values[option] !== undefined && values[option].trim() === '') throw new UsageError(`--${option} must not be empty\n${usage}`);
  }
  const config = loadConfig();
  if (config.auth.mode !== 'demo') {
    throw new UsageError(
      'npm run token signs demo tokens only, and demo auth mode is off (CAREBRIDGE_AUTH_ISSUER, CAREBRIDGE_AUTH_JWKS_URL and CAREBRIDGE_AUTH_AUDIENCE are set): ask the identity provider for a token',
    );
  }
  const token = await signDemoToken(config, {
    role: values.role,
    sub: values.sub ?? `demo-${values.role}`,
    org: values.org,
    purpose: values.purpose,
  });
  process.stdout.write(`${token}\n`);
  return 0;
}

runCommand(main);
