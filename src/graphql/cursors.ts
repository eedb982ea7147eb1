// Opaque cursors: a caller cannot build one, only hand back what a page gave out.
const prefix = 'child:';

export function encodeCursor(id: string): string {
  return Buffer.from(`${prefix}${id}`, 'utf8').toString('base64url');
}

/** The case id inside a cursor, or undefined when the text is not one of ours. */
export function decodeCursor(cursor: string): string | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  return text.startsWith(prefix) && text.length > prefix.length ? text.slice(prefix.length) : undefined;
}
