// `npm run schema`: writes the emitted SDL to schema/schema.graphql (committed; a test fails
// when the code and the file disagree).
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCarebridgeSchema, printCarebridgeSchema } from '../graphql/schema.js';
import { runCommand } from './command.js';

export const emittedSchemaPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../schema/schema.graphql');

runCommand(async () => {
  mkdirSync(path.dirname(emittedSchemaPath), { recursive: true });
  writeFileSync(emittedSchemaPath, printCarebridgeSchema(await buildCarebridgeSchema()));
  process.stdout.write(`wrote ${path.relative(process.cwd(), emittedSchemaPath)}\n`);
  return 0;
});
