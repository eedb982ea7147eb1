// BI sees children only as pseudonyms (contract, "Who sees what"): HMAC-SHA-256 of the BI
// consumer's organisation and the case id under a per-deployment key, so a pseudonym is stable
// for one consumer, differs between consumers, and cannot be reversed without the key. Its
// cursors carry the case id encrypted (AES-256-GCM), never in the clear.

import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import path from 'node:path';
import { loadOrCreateKeyFile } from './authentication.js';

export const pseudonymKeyFileName = 'pseudonym-key';

/** CAREBRIDGE_PSEUDONYM_KEY when set (required in production, where instances must agree); else a key file in the data directory. */
export async function loadPseudonymKey(settings: { pseudonymKey: string | undefined; dataDir: string }): Promise<Uint8Array> {
  if (settings.pseudonymKey) return new Uint8Array(Buffer.from(settings.pseudonymKey, 'utf8'));
  return loadOrCreateKeyFile(path.join(settings.dataDir, pseudonymKeyFileName), 'pseudonym key', 'every BI pseudonym changes');
}

export class Pseudonyms {
  private readonly hmacKey: Buffer;
  private readonly cursorKey: Buffer;

  constructor(
    key: Uint8Array,
    private readonly org: string,
  ) {
    // Two keys from one secret, so a cursor's key never signs a pseudonym.
    this.hmacKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'carebridge pseudonym', 32));
    this.cursorKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'carebridge bi cursor', 32));
  }

  /** `P` and 128 bits of HMAC(org ‖ case id), base64url. */
  of(caseId: string): string {
    return `P${createHmac('sha256', this.hmacKey).update(`${this.org}\u0000${caseId}`).digest().subarray(0, 16).toString('base64url')}`;
  }

  encodeCursor(caseId: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.cursorKey, iv);
    cipher.setAAD(Buffer.from(this.org, 'utf8'));
    const sealed = Buffer.concat([cipher.update(caseId, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
  }

  /** The case id inside one of this consumer's cursors, or undefined for anything else. */
  decodeCursor(cursor: string): string | undefined {
    if (!/^[A-Za-z0-9_-]{38,}$/.test(cursor)) return undefined;
    const bytes = Buffer.from(cursor, 'base64url');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.cursorKey, bytes.subarray(0, 12));
      decipher.setAAD(Buffer.from(this.org, 'utf8'));
      decipher.setAuthTag(bytes.subarray(12, 28));
      return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
    } catch {
      return undefined;
    }
  }
}
