/** Amounts on the wire are kroner as text ("1441.96"); compared in øre so no binary fraction creeps in. */
const oere = (kroner: string) => BigInt(kroner.replace('.', ''));

/**
 * The rise of a day tariff against the previous one, in percent with one decimal (half away from
 * zero); null when there is no previous tariff to compare with.
 */
export function tariffRisePct(previous: string | null, next: string): number | null {
  if (previous === null) return null;
  const before = oere(previous);
  if (before === 0n) return null;
  const perMille = ((oere(next) - before) * 2000n) / before; // twice the per-mille, to round half away from zero
  const rounded = perMille >= 0n ? (perMille + 1n) / 2n : (perMille - 1n) / 2n;
  return Number(rounded) / 10;
}
