// Renders docs/rules.md from the rule registry (src/domain/rules.ts). Pure: `npm run rules:doc`
// writes the result, and test/rules.test.ts fails when the committed file is stale.

import { allRules, ruleAreas, type Rule, type RuleArea } from './rules.js';

const areaTitles: Record<RuleArea, string> = {
  calendar: 'Calendar',
  'child-protection': 'Child protection (CP)',
  'child-in-need': 'Child in need (CiN) and assessment',
  'child-in-care': 'Child in care (CiC, looked after)',
  'dual-status': 'Dual status: a child on a CP plan who is also in care',
  'parental-responsibility': 'Parental responsibility (PR)',
  'care-leavers': 'Care leavers (CL)',
};

/** A table cell: pipes escaped, line breaks folded. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

function row(rule: Rule): string {
  return `| ${[rule.id, rule.statement, rule.basis, rule.source].map(cell).join(' | ')} |`;
}

export function renderRulesDoc(): string {
  const rules = allRules();
  const lines: string[] = [
    '# Carebridge rule catalogue',
    '',
    'Generated from `src/domain/rules.ts` — do not edit; run `npm run rules:doc`.',
    '',
    'Every computed date or outcome names the rule that produced it, by id, with its basis.',
    'STATUTORY rules are national (England) and cannot be switched off. LOCAL rules come from',
    "local authorities' guidance documents (seeds 000 and 002); they are defaults an authority",
    'can change in its policy configuration. Counting conventions (working days, months, weeks)',
    'are in `shared/domain/rules.md`, "Conventions".',
  ];
  for (const area of ruleAreas) {
    const inArea = rules.filter((rule) => rule.area === area);
    if (inArea.length === 0) continue;
    lines.push('', `## ${areaTitles[area]}`, '', '| id | rule | basis | source |', '|---|---|---|---|');
    lines.push(...inArea.map(row));
  }
  return `${lines.join('\n')}\n`;
}
