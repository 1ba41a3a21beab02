/**
 * Money is integer øre (1 kr = 100 øre), never a binary float. The one rounding rule of the
 * system lives here: to the øre, half up (away from zero for negative amounts, as accountants do).
 */
export type Oere = bigint;

/** `numerator / denominator`, rounded to a whole øre, half up. */
export function divideRounded(numerator: bigint, denominator: bigint): Oere {
  if (denominator === 0n) throw new Error('division by zero');
  const negative = (numerator < 0n) !== (denominator < 0n);
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const rounded = (2n * n + d) / (2n * d);
  return negative ? -rounded : rounded;
}

/** `amount × percent / 100` with the percent given to two decimals (e.g. 6.25), rounded half up. */
export function percentOf(amount: Oere, percent: number): Oere {
  const basisPoints = BigInt(Math.round(percent * 100));
  return divideRounded(amount * basisPoints, 10_000n);
}

/** Kroner with two decimals as øre: "1441.96" or 1441.96 → 144196n. */
export function kroner(value: string | number): Oere {
  const text = typeof value === 'number' ? value.toFixed(2) : value;
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) throw new Error(`not an amount in kroner: ${text}`);
  const oere = BigInt(match[2]) * 100n + BigInt((match[3] ?? '0').padEnd(2, '0'));
  return match[1] ? -oere : oere;
}

/** Øre as kroner text with two decimals: 144196n → "1441.96". */
export function formatKroner(oere: Oere): string {
  const negative = oere < 0n;
  const abs = negative ? -oere : oere;
  return `${negative ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}
