// Writes a small hand-made extract folder: file name → CSV text (lines joined with \n) or bytes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export function writeExtract(files: Record<string, string[] | string | Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'carebridge-extract-'));
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(path.join(dir, name), Array.isArray(content) ? `${content.join('\n')}\n` : content);
  }
  return dir;
}
