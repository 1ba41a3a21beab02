import { COMPRESS_FROM_BYTES, compressionSettingFrom, gzipsSend } from './compression';

describe('producer compression', () => {
  it('auto leaves a small send as it is and gzips a batch from 16 KiB', () => {
    expect(gzipsSend('auto', 900)).toBe(false);
    expect(gzipsSend('auto', COMPRESS_FROM_BYTES - 1)).toBe(false);
    expect(gzipsSend('auto', COMPRESS_FROM_BYTES)).toBe(true);
  });

  it('gzip and none apply to every send', () => {
    expect(gzipsSend('gzip', 10)).toBe(true);
    expect(gzipsSend('none', 10_000_000)).toBe(false);
  });

  it('reads KAFKA_COMPRESSION, auto when unset, and refuses a codec it does not know', () => {
    expect(compressionSettingFrom({})).toBe('auto');
    expect(compressionSettingFrom({ KAFKA_COMPRESSION: 'none' })).toBe('none');
    expect(() => compressionSettingFrom({ KAFKA_COMPRESSION: 'snappy' })).toThrow(/auto, gzip or none/);
  });
});
