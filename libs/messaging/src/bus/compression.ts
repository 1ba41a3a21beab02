/** How the producer compresses a send: `KAFKA_COMPRESSION` = auto (default), gzip or none. */
export type CompressionSetting = 'auto' | 'gzip' | 'none';

/**
 * A send's values below this many bytes go uncompressed under `auto`: a live change is one or two
 * events of under a kilobyte, gzip saves little on it and costs the producer and every consumer a
 * trip through zlib (measured: the relay's send p50 5.0 → 3.0 ms, published → applied in
 * visitation p50 7.2 → 3.3 ms, `npm run bench:propagation` at half load). Batches (a month close,
 * a relay catching up) are compressed.
 */
export const COMPRESS_FROM_BYTES = 16 * 1024;

export function compressionSettingFrom(env: NodeJS.ProcessEnv = process.env): CompressionSetting {
  const value = env.KAFKA_COMPRESSION ?? 'auto';
  if (value === 'auto' || value === 'gzip' || value === 'none') return value;
  throw new Error(`KAFKA_COMPRESSION must be auto, gzip or none, not ${JSON.stringify(value)}`);
}

/** Whether a send whose message values total `bytes` is gzipped. */
export function gzipsSend(setting: CompressionSetting, bytes: number): boolean {
  if (setting === 'auto') return bytes >= COMPRESS_FROM_BYTES;
  return setting === 'gzip';
}
