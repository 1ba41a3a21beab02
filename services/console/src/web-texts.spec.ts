import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { catalogue } from './web-catalogue';

/**
 * The console's message and label catalogues: every refusal code the services can give has a
 * Danish and an English text (not the same words), and every label exists in both languages.
 * The catalogues are the browser's ES modules; read here as the object literals they are.
 */
const ROOT = join(__dirname, '../../..');


function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('spec.ts') ? [path] : [];
  });
}

/** The rule codes of every RuleViolation the services and libraries can throw, and the outbound client's. */
function ruleCodes(): string[] {
  const codes = new Set(['validation-failed', 'unauthorized', 'forbidden', 'not-found', 'too-many-requests']);
  for (const file of [...sources(join(ROOT, 'services')), ...sources(join(ROOT, 'libs'))]) {
    const text = readFileSync(file, 'utf8');
    // The field is a literal or a name (the access helpers take it as a parameter).
    for (const m of text.matchAll(/new RuleViolation\(\s*(?:'[^']*'|[A-Za-z_][\w.]*),\s*'([^']+)'/g)) codes.add(m[1]);
    // The notice rule's codes are made from its problems (offer-lifecycle.ts: `notice-${check.problem}`).
    if (/new RuleViolation\(\s*'[^']*',\s*`notice-\$\{/.test(text)) {
      codes.add('notice-too-early');
      codes.add('notice-not-first-weekday');
    }
    for (const m of text.matchAll(/rule: '([a-z][a-z-]+)'/g)) codes.add(m[1]);
  }
  return [...codes].sort();
}

describe('the console speaks every refusal in Danish and English', () => {
  const errors = catalogue('errors.js', 'ERRORS');
  const codes = ruleCodes();

  it('finds the codes it checks (the scan works)', () => {
    expect(codes).toEqual(expect.arrayContaining(['closed-once', 'own-operator-only', 'notice-too-early', 'public-address-only', 'cvr-number']));
    expect(codes.length).toBeGreaterThan(40);
  });

  it.each(['da', 'en'])('has a %s text for every code', (language) => {
    expect(codes.filter((code) => !errors[language][code])).toEqual([]);
  });

  it('says them in two languages, not one', () => {
    expect(codes.filter((code) => errors.da[code] === errors.en[code])).toEqual([]);
  });
});

describe('the console labels exist in both languages', () => {
  const texts = catalogue('i18n.js', 'TEXTS');
  it('has the same keys in Danish and English', () => {
    expect(Object.keys(texts.da).filter((k) => !(k in texts.en))).toEqual([]);
    expect(Object.keys(texts.en).filter((k) => !(k in texts.da))).toEqual([]);
  });
});

describe('the console explains a refused field in both languages', () => {
  const rules = catalogue('errors.js', 'FIELD_RULES');

  it('has the same field rules in Danish and English, in different words', () => {
    expect(Object.keys(rules.da).sort()).toEqual(Object.keys(rules.en).sort());
    expect(Object.keys(rules.da)).toEqual(expect.arrayContaining(['invalid', 'isIn', 'matches', 'min', 'max', 'isLatitude']));
    expect(Object.keys(rules.da).filter((k) => rules.da[k] === rules.en[k])).toEqual([]);
  });
});
