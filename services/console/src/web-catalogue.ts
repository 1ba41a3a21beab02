import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The console's catalogues (`web/i18n.js`, `web/errors.js`) are the browser's ES modules; tests read
 * an exported object literal from them as the literal it is, up to its last closing brace (a
 * comment for the next export may follow it).
 */
export function catalogue(file: string, name: string): any {
  const text = readFileSync(join(__dirname, 'web', file), 'utf8');
  const start = text.indexOf(`export const ${name} =`);
  if (start < 0) throw new Error(`no export ${name} in web/${file}`);
  const rest = text.slice(start + `export const ${name} =`.length).replace(/export [\s\S]*$/, '');
  return new Function(`return (${rest.slice(0, rest.lastIndexOf('}') + 1).trim()});`)();
}
