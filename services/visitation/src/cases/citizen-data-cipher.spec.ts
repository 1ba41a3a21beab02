import { randomBytes } from 'node:crypto';
import { CitizenDataCipher, cipherKeysFromEnv } from './citizen-data-cipher';

const k1 = randomBytes(32).toString('base64');
const k2 = randomBytes(32).toString('base64');
const lookup = randomBytes(32).toString('base64');

describe('citizen data at rest', () => {
  it('seals and opens a value, and the sealed form does not contain it', () => {
    const cipher = new CitizenDataCipher(cipherKeysFromEnv({ CITIZEN_DATA_KEYS: `k1:${k1}`, CPR_LOOKUP_KEY: lookup }));
    const sealed = cipher.seal('0101901234|Jens Hansen');
    expect(JSON.stringify(sealed)).not.toContain('Jens');
    expect(cipher.open(sealed)).toBe('0101901234|Jens Hansen');
  });

  it('opens values sealed with an older key after the key rotates', () => {
    const before = new CitizenDataCipher(cipherKeysFromEnv({ CITIZEN_DATA_KEYS: `k1:${k1}`, CPR_LOOKUP_KEY: lookup }));
    const after = new CitizenDataCipher(cipherKeysFromEnv({ CITIZEN_DATA_KEYS: `k1:${k1},k2:${k2}`, CPR_LOOKUP_KEY: lookup }));
    const old = before.seal('note');
    expect(after.seal('x').keyId).toBe('k2');
    expect(after.open(old)).toBe('note');
  });

  it('refuses a value that was tampered with', () => {
    const cipher = new CitizenDataCipher(cipherKeysFromEnv({ CITIZEN_DATA_KEYS: `k1:${k1}`, CPR_LOOKUP_KEY: lookup }));
    const sealed = cipher.seal('secret');
    const data = Buffer.from(sealed.data, 'base64');
    data[0] ^= 1;
    expect(() => cipher.open({ ...sealed, data: data.toString('base64') })).toThrow();
  });

  it('finds equal CPR numbers by keyed hash, different keys give different hashes', () => {
    const a = new CitizenDataCipher(cipherKeysFromEnv({ CITIZEN_DATA_KEYS: `k1:${k1}`, CPR_LOOKUP_KEY: lookup }));
    const b = new CitizenDataCipher(cipherKeysFromEnv({ CITIZEN_DATA_KEYS: `k1:${k1}`, CPR_LOOKUP_KEY: randomBytes(32).toString('base64') }));
    expect(a.cprLookupHash('0101901234')).toBe(a.cprLookupHash('0101901234'));
    expect(a.cprLookupHash('0101901234')).not.toBe(b.cprLookupHash('0101901234'));
    expect(a.cprLookupHash('0101901234')).not.toContain('0101901234');
  });

  it('refuses to run without keys', () => {
    expect(() => cipherKeysFromEnv({})).toThrow('CITIZEN_DATA_KEYS and CPR_LOOKUP_KEY must be set');
  });
});
