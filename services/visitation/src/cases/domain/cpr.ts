/**
 * CPR number rule: 10 digits whose first six are a real date (DDMMYY); the 7th digit and the year
 * give the century. No modulus-11 check: numbers issued since 2007 need not pass it.
 * Messages never repeat the number.
 */
export function centuryOf(year2: number, seventhDigit: number): number {
  if (seventhDigit <= 3) return 1900;
  if (seventhDigit === 4 || seventhDigit === 9) return year2 <= 36 ? 2000 : 1900;
  return year2 <= 57 ? 2000 : 1800; // 5-8
}

export function birthDateOfCpr(cpr: string): Date | null {
  if (!/^\d{10}$/.test(cpr)) return null;
  const day = Number(cpr.slice(0, 2));
  const month = Number(cpr.slice(2, 4));
  const year2 = Number(cpr.slice(4, 6));
  const year = centuryOf(year2, Number(cpr[6])) + year2;
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? date : null;
}

export function isValidCpr(cpr: string): boolean {
  return birthDateOfCpr(cpr) !== null;
}
