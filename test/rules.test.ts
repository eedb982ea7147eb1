// The rule registry (src/domain/rules.ts) holds exactly the rules of the domain rules
// (../shared/domain/rules.md), with their basis, and docs/rules.md is what it renders.

import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderRulesDoc } from '../src/domain/rules-doc.js';
import { allRules, rule, rules, type RuleId } from '../src/domain/rules.js';

// The rules live in ../shared/domain; a copy is kept in test/contract so that a clone without
// shared/ still tests against it, and the copy is checked against the original wherever both exist.
const sharedRules = '../shared/domain/rules.md';
const copiedRules = 'test/contract/rules.md';
const idPattern = /^[A-Z]{2,4}(-[A-Z0-9]+)+$/;

interface MarkdownRule {
  id: string;
  /** The basis column, where the table has one. */
  basis: string | undefined;
  /** The source column, where the table has one. */
  source: string | undefined;
  /** The section heading the table sits under. */
  section: string;
}

function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((text) => text.trim());
}

/** Every table row of the markdown whose first cell is a rule id. */
function parseRules(markdown: string): MarkdownRule[] {
  const found: MarkdownRule[] = [];
  let section = '';
  let header: string[] | undefined;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('#')) section = line.replace(/^#+\s*/, '');
    if (!line.trim().startsWith('|')) {
      header = undefined;
      continue;
    }
    const row = cells(line);
    if (!header) {
      header = row.map((name) => name.toLowerCase());
      continue;
    }
    const id = row[0] ?? '';
    if (!idPattern.test(id)) continue;
    const column = (name: string) => {
      const index = header?.indexOf(name) ?? -1;
      return index < 0 ? undefined : row[index];
    };
    found.push({ id, basis: column('basis'), source: column('source'), section });
  }
  return found;
}

/** Where a table gives no basis: a source of local guidance (000, 002) only is LOCAL. */
function basisFromSource(markdown: MarkdownRule): 'STATUTORY' | 'LOCAL' {
  const source = markdown.source ?? /\(source (\d{3})\)/.exec(markdown.section)?.[1] ?? '';
  const citations = source.split(';').map((citation) => citation.trim());
  return citations.every((citation) => /^(000|002)$/.test(citation)) ? 'LOCAL' : 'STATUTORY';
}

const markdownRules = parseRules(readFileSync(copiedRules, 'utf8'));
const registryIds = Object.keys(rules);

describe('rule registry', () => {
  it.runIf(existsSync(sharedRules))(`${copiedRules} is a faithful copy of ${sharedRules}`, () => {
    expect(readFileSync(copiedRules, 'utf8')).toBe(readFileSync(sharedRules, 'utf8'));
  });

  it('rules.md has rule tables to check against', () => {
    expect(markdownRules.length).toBeGreaterThan(50);
  });

  it('holds every rule id of rules.md, and no other', () => {
    const markdownIds = markdownRules.map((found) => found.id);
    expect(markdownIds.filter((id) => !registryIds.includes(id)), 'in rules.md, missing from the registry').toEqual([]);
    expect(registryIds.filter((id) => !markdownIds.includes(id)), 'in the registry, not in rules.md').toEqual([]);
  });

  it("has each rule's basis as rules.md's basis column gives it", () => {
    const withBasis = markdownRules.filter((found) => found.basis !== undefined);
    expect(withBasis.length).toBeGreaterThan(0);
    const wrong = withBasis
      .filter((found) => rules[found.id as RuleId]?.basis !== found.basis)
      .map((found) => `${found.id}: rules.md ${found.basis}, registry ${rules[found.id as RuleId]?.basis}`);
    expect(wrong).toEqual([]);
  });

  it('reads a rule citing only local guidance (000, 002) as LOCAL where rules.md gives no basis', () => {
    const withoutBasis = markdownRules.filter((found) => found.basis === undefined);
    expect(withoutBasis.length).toBeGreaterThan(0);
    const wrong = withoutBasis
      .filter((found) => rules[found.id as RuleId]?.basis !== basisFromSource(found))
      .map((found) => `${found.id}: expected ${basisFromSource(found)}, registry ${rules[found.id as RuleId]?.basis}`);
    expect(wrong).toEqual([]);
  });

  it('names the local guidance documents a source cites', () => {
    for (const found of markdownRules) {
      const source = rules[found.id as RuleId]?.source ?? '';
      const cited = found.source ?? /\(source (\d{3})\)/.exec(found.section)?.[1] ?? '';
      for (const seed of ['000', '002']) {
        expect(source.includes(`(seed ${seed})`), `${found.id} cites ${seed}`).toBe(new RegExp(`\\b${seed}\\b`).test(cited));
      }
    }
  });

  it('makes exactly the local rules switchable', () => {
    for (const entry of allRules()) expect(entry.switchable, entry.id).toBe(entry.basis === 'LOCAL');
  });

  it('has unique ids that follow the pattern and match their keys', () => {
    const ids = allRules().map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [key, entry] of Object.entries(rules)) {
      expect(entry.id).toBe(key);
      expect(key).toMatch(idPattern);
      expect(entry.statement.trim(), key).not.toBe('');
      expect(entry.source.trim(), key).not.toBe('');
    }
    expect(rule('CP-ICPC').id).toBe('CP-ICPC');
  });

  it('docs/rules.md is what the registry renders (run `npm run rules:doc` after changing a rule)', () => {
    expect(
      existsSync('docs/rules.md') ? readFileSync('docs/rules.md', 'utf8') : '',
      'docs/rules.md is stale: run `npm run rules:doc`',
    ).toBe(renderRulesDoc());
  });
});
