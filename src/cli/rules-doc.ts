// `npm run rules:doc`: writes docs/rules.md from the rule registry (a test fails when the file
// and the registry disagree).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderRulesDoc } from '../domain/rules-doc.js';
import { runCommand } from './command.js';

export const rulesDocPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/rules.md');

runCommand(async () => {
  mkdirSync(path.dirname(rulesDocPath), { recursive: true });
  writeFileSync(rulesDocPath, renderRulesDoc());
  process.stdout.write(`wrote ${path.relative(process.cwd(), rulesDocPath)}\n`);
  return 0;
});
