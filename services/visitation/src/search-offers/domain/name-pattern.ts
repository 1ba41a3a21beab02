/** `q` as an ILIKE pattern that matches its words in order, with the user's % and _ taken literally. */
export function namePattern(q: string): string {
  return `%${q.trim().split(/\s+/).map((w) => w.replace(/[\\%_]/g, (c) => `\\${c}`)).join('%')}%`;
}
