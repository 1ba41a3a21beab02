import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/** An encrypted value as stored: the key it was sealed with, so keys can rotate. */
export interface SealedValue {
  keyId: string;
  iv: string;
  tag: string;
  data: string;
}

export interface CipherKeys {
  /** Key id -> 32-byte key. Old keys stay to open what they sealed. */
  keys: Map<string, Buffer>;
  currentKeyId: string;
  /** Key of the keyed hash (HMAC) that finds a case by CPR without decrypting. */
  lookupKey: Buffer;
}

/**
 * From `CITIZEN_DATA_KEYS` ("id:base64,id2:base64", each 32 bytes), `CITIZEN_DATA_KEY_ID` (the one
 * that seals, default the last listed) and `CPR_LOOKUP_KEY` (base64). Refuses to run without them.
 */
export function cipherKeysFromEnv(env: NodeJS.ProcessEnv = process.env): CipherKeys {
  const listed = (env.CITIZEN_DATA_KEYS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (!listed.length || !env.CPR_LOOKUP_KEY) throw new Error('CITIZEN_DATA_KEYS and CPR_LOOKUP_KEY must be set');
  const keys = new Map<string, Buffer>();
  for (const item of listed) {
    const [id, b64] = item.split(':');
    const key = Buffer.from(b64 ?? '', 'base64');
    if (!id || key.length !== 32) throw new Error(`CITIZEN_DATA_KEYS: key ${id || '?'} is not 32 bytes of base64`);
    keys.set(id, key);
  }
  const currentKeyId = env.CITIZEN_DATA_KEY_ID ?? listed[listed.length - 1].split(':')[0];
  if (!keys.has(currentKeyId)) throw new Error(`CITIZEN_DATA_KEY_ID ${currentKeyId} is not among CITIZEN_DATA_KEYS`);
  const lookupKey = Buffer.from(env.CPR_LOOKUP_KEY, 'base64');
  if (lookupKey.length < 32) throw new Error('CPR_LOOKUP_KEY must be at least 32 bytes of base64');
  return { keys, currentKeyId, lookupKey };
}

/** AES-256-GCM for citizen data at rest (CPR, name, case notes). */
export class CitizenDataCipher {
  constructor(private readonly config: CipherKeys) {}

  seal(plain: string): SealedValue {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.config.keys.get(this.config.currentKeyId)!, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return { keyId: this.config.currentKeyId, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
  }

  open(sealed: SealedValue): string {
    const key = this.config.keys.get(sealed.keyId);
    if (!key) throw new Error(`no key ${sealed.keyId} to open citizen data`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
  }

  /** Keyed hash of a CPR number: equal numbers give equal hashes; the number cannot be read back. */
  cprLookupHash(cpr: string): string {
    return createHmac('sha256', this.config.lookupKey).update(cpr).digest('hex');
  }
}
