// Trusted documents (issue 6, "Hardening"): the operations each role is approved to send, as
// files `trusted-documents/<role>/*.graphql` at the repository root, loaded once at start-up
// and keyed by the sha256 (hex) of each file's exact text, the hash Apollo's persisted queries
// carry in `extensions.persistedQuery.sha256Hash`.
//
// CAREBRIDGE_TRUSTED_DOCUMENTS:
// - `off`: no look-up by hash (PERSISTED_QUERY_NOT_SUPPORTED, reported as BAD_USER_INPUT);
// - `allow` (default): a registered hash or a full query;
// - `required`: partner roles (every role but social-care) may send only a document registered
//   for their role, by hash (or as its exact text); anything else is FORBIDDEN.
// Nothing is registered at run time: Apollo's automatic persisted queries would let any caller
// add to the list, so the registry is the persisted-query cache and writes to it are dropped.

import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, parse, type GraphQLFormattedError } from 'graphql';
import { ConfigError, type TrustedDocumentSettings } from '../config.js';
import type { RequestContext } from '../graphql/context.js';
import type { Logger } from '../log.js';
import { isRole, roles, type Role } from './authentication.js';

export interface TrustedDocument {
  hash: string;
  text: string;
  /** Where it was read from, relative to the registry's directory. */
  file: string;
  roles: Set<Role>;
}

export function documentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Reads `<directory>/<role>/*.graphql`; every problem (unknown role folder, syntax error) is a ConfigError. */
export async function readTrustedDocuments(directory: string): Promise<Map<string, TrustedDocument>> {
  const documents = new Map<string, TrustedDocument>();
  let entries;
  try {
    entries = await readdir(directory, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return documents;
    throw error;
  }
  const problems: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isDirectory()) continue;
    if (!isRole(entry.name)) {
      problems.push(`CAREBRIDGE_TRUSTED_DOCUMENTS_DIR: ${path.join(directory, entry.name)}: not a role (${roles.join(', ')})`);
      continue;
    }
    const role = entry.name;
    const files = (await readdir(path.join(directory, role))).filter((name) => name.endsWith('.graphql')).sort();
    for (const name of files) {
      const file = path.join(role, name);
      const text = await readFile(path.join(directory, file), 'utf8');
      try {
        const parsed = parse(text);
        if (!parsed.definitions.some((definition) => definition.kind === Kind.OPERATION_DEFINITION)) {
          problems.push(`CAREBRIDGE_TRUSTED_DOCUMENTS_DIR: ${path.join(directory, file)}: holds no operation`);
          continue;
        }
      } catch (error) {
        problems.push(`CAREBRIDGE_TRUSTED_DOCUMENTS_DIR: ${path.join(directory, file)}: ${(error as Error).message}`);
        continue;
      }
      const hash = documentHash(text);
      const known = documents.get(hash);
      if (known) known.roles.add(role);
      else documents.set(hash, { hash, text, file, roles: new Set([role]) });
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return documents;
}

/** Apollo's persisted-query cache, read-only: only registered documents resolve. */
interface ReadOnlyDocumentCache {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<boolean>;
}

export interface TrustedDocuments {
  documents: ReadonlyMap<string, TrustedDocument>;
  /** Apollo's `persistedQueries` constructor option. */
  persistedQueries: false | { cache: ReadOnlyDocumentCache; ttl: null };
  plugin: ApolloServerPlugin<RequestContext>;
}

const forbidden = (message: string) => new GraphQLError(message, { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });

export async function loadTrustedDocuments(settings: TrustedDocumentSettings, logger: Logger): Promise<TrustedDocuments> {
  const documents = await readTrustedDocuments(settings.directory);
  if (settings.mode === 'required' && documents.size === 0) {
    logger.warn({ directory: settings.directory }, 'CAREBRIDGE_TRUSTED_DOCUMENTS=required but no trusted documents are registered: partner roles can send nothing');
  } else {
    logger.info({ directory: settings.directory, documents: documents.size, mode: settings.mode }, 'trusted documents loaded');
  }
  // Apollo prefixes its keys (`apq:<hash>`); a sha256 hex never holds a colon.
  const cache: ReadOnlyDocumentCache = {
    get: async (key) => documents.get(key.slice(key.lastIndexOf(':') + 1))?.text,
    set: async () => {},
    delete: async () => false,
  };
  const registeredFor = (role: Role, hash: string | undefined) => {
    const document = hash ? documents.get(hash) : undefined;
    return document !== undefined && (role === 'social-care' || document.roles.has(role));
  };
  return {
    documents,
    persistedQueries: settings.mode === 'off' ? false : { cache, ttl: null },
    plugin: {
      async requestDidStart() {
        return {
          async didResolveOperation({ contextValue, queryHash, metrics }) {
            const role = contextValue.claims.role;
            // A hash resolves only to a document registered for the caller's role.
            if (metrics.persistedQueryHit && !registeredFor(role, queryHash)) {
              throw forbidden(`persisted document ${queryHash}: not a trusted document for the ${role} role`);
            }
            if (settings.mode === 'required' && role !== 'social-care' && !registeredFor(role, queryHash)) {
              throw forbidden(
                `the ${role} role may send only trusted documents (CAREBRIDGE_TRUSTED_DOCUMENTS=required): send extensions.persistedQuery.sha256Hash of a document registered for ${role}, not a query of its own`,
              );
            }
          },
        };
      },
    },
  };
}

/** For formatError: Apollo's persisted-query answers in the contract's codes. Undefined otherwise. */
export function formatTrustedDocumentRefusal(formatted: GraphQLFormattedError): GraphQLFormattedError | undefined {
  switch (formatted.extensions?.code) {
    case 'PERSISTED_QUERY_NOT_FOUND':
      return {
        message: 'extensions.persistedQuery.sha256Hash: no trusted document has this hash; send the query text, or ask the authority to register the document',
        // Apollo's own code: automatic-persisted-query clients resend the full text on seeing it.
        extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', argument: 'extensions.persistedQuery.sha256Hash' },
      };
    case 'PERSISTED_QUERY_NOT_SUPPORTED':
      return {
        message: 'extensions.persistedQuery: trusted documents are switched off here (CAREBRIDGE_TRUSTED_DOCUMENTS=off); send the query text',
        extensions: { code: 'BAD_USER_INPUT', argument: 'extensions.persistedQuery' },
      };
    default:
      return undefined;
  }
}
