// The emitted SDL (schema/schema.graphql, committed) is what the code builds, and it contains
// every contract file built so far: graphql-js finds no breaking change from contract to schema.

import { existsSync, readFileSync } from 'node:fs';
import { buildSchema, findBreakingChanges } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildCarebridgeSchema, printCarebridgeSchema } from '../src/graphql/schema.js';

// The contract lives in ../shared/contract; a copy is kept in test/contract so that a clone
// without shared/ still tests against it, and the copy is checked against the original wherever both exist.
const sharedContract = '../shared/contract';
const builtContracts = ['carebridge.graphql', 'carebridge-access.graphql', 'carebridge-compliance.graphql'];
// Contract additions (`extend type Query`, PageInfo, CareStatusKind) build on the main contract.
const contractSource = (file: string) =>
  file === 'carebridge.graphql'
    ? readFileSync(`test/contract/${file}`, 'utf8')
    : `${readFileSync('test/contract/carebridge.graphql', 'utf8')}\n${readFileSync(`test/contract/${file}`, 'utf8')}`;

describe('schema', () => {
  it('schema/schema.graphql is what the code emits (run `npm run schema` after changing a type)', async () => {
    const emitted = printCarebridgeSchema(await buildCarebridgeSchema());
    expect(readFileSync('schema/schema.graphql', 'utf8')).toBe(emitted);
  });

  it.each(builtContracts)('contains every name of the contract %s', async (file) => {
    const contract = buildSchema(contractSource(file));
    const emitted = buildSchema(readFileSync('schema/schema.graphql', 'utf8'));
    expect(findBreakingChanges(contract, emitted).map((change) => change.description)).toEqual([]);
  });

  it.runIf(existsSync(sharedContract))('test/contract is a faithful copy of ../shared/contract', () => {
    for (const file of builtContracts) {
      expect(readFileSync(`test/contract/${file}`, 'utf8')).toBe(readFileSync(`${sharedContract}/${file}`, 'utf8'));
    }
  });
});
