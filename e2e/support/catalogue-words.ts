import { catalogue } from '@tilbudsnet/console/src/web-catalogue';

/**
 * The console's label and message catalogues (i18n.js, errors.js), read as the object literals they
 * are, to find words of the other language on a rendered page: a Danish page must show none of the
 * English texts, an English page none of the Danish phrases.
 */

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return []; // texts made by functions are checked through their fixed parts elsewhere
}

type Lang = 'da' | 'en';
const catalogues = [catalogue('i18n.js', 'TEXTS'), catalogue('errors.js', 'ERRORS'), catalogue('errors.js', 'FIELD_RULES')];
const textsOf = (lang: Lang) => new Set(catalogues.flatMap((c) => strings(c[lang])).map((s) => s.trim()).filter((s) => /\p{L}/u.test(s)));
const TEXTS: Record<Lang, Set<string>> = { da: textsOf('da'), en: textsOf('en') };

/**
 * Texts of the other language that stand on the page as whole words. On English pages only Danish
 * phrases of two words or more count: single Danish words also occur in names an English page must
 * show as they are ("Aarhus Kommune").
 */
export function wordsOfTheOtherLanguage(pageText: string, lang: string): string[] {
  const own = lang === 'en' ? TEXTS.en : TEXTS.da;
  const other = lang === 'en' ? TEXTS.da : TEXTS.en;
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [...other]
    .filter((s) => s.length >= 3 && !own.has(s) && (lang !== 'en' || /\s/.test(s)))
    .filter((s) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(s)}(?![\\p{L}\\p{N}])`, 'u').test(pageText))
    .sort();
}
