// Numbers and amounts as a Danish (or English) reader writes them: "1.350.000,00 kr." / "DKK 1,350,000.00".

const locale = (lang) => (lang === 'da' ? 'da-DK' : 'en-GB');

/** An amount in kroner for display; '–' when there is none. */
export function formatAmount(value, lang) {
  if (value === null || value === undefined || value === '' || Number.isNaN(Number(value))) return '–';
  const text = Number(value).toLocaleString(locale(lang), { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return lang === 'da' ? `${text} kr.` : `DKK ${text}`;
}

/**
 * Reads an amount typed in Danish ("1.350.000,00", "1 350 000,5", "4100") or plain form
 * ("1350000.00") and returns it as the APIs want it ("1350000.00"), or null when it is no amount.
 */
export function parseAmount(text) {
  const compact = String(text ?? '').trim().replace(/[\s\u00a0]/g, '').replace(/kr\.?$/i, '');
  let normalised;
  if (/^\d{1,3}(\.\d{3})*(,\d{1,2})?$/.test(compact) || /^\d+(,\d{1,2})?$/.test(compact)) {
    normalised = compact.replace(/\./g, '').replace(',', '.'); // Danish: dots group thousands, a comma starts the øre
  } else if (/^\d+(\.\d{1,2})?$/.test(compact)) {
    normalised = compact; // plain: a dot starts the øre
  } else if (/^\d{1,3}(,\d{3})+(\.\d{1,2})?$/.test(compact)) {
    normalised = compact.replace(/,/g, ''); // English: commas group thousands
  } else {
    return null;
  }
  const [kroner, ore = ''] = normalised.split('.');
  if (kroner.replace(/^0+(?=\d)/, '').length > 13) return null;
  return `${kroner.replace(/^0+(?=\d)/, '')}.${ore.padEnd(2, '0')}`;
}

/** A calendar day ("2026-11-23") as its reader writes it: "23.11.2026" / "23/11/2026"; '–' when there is none. */
export function formatDate(day, lang) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(String(day ?? '').slice(0, 10))) return '–';
  const [y, m, d] = String(day).slice(0, 10).split('-');
  return lang === 'da' ? `${d}.${m}.${y}` : `${d}/${m}/${y}`;
}

/** A count with its noun in the right number: plural(1, ['ledig plads', 'ledige pladser']) = "1 ledig plads". */
export function plural(count, [one, many], lang) {
  return `${Number(count).toLocaleString(locale(lang))} ${Number(count) === 1 ? one : many}`;
}

/** A moment as a Danish reader means it: its day and time in Copenhagen ("23.11.2026 14:05"); '–' when there is none. */
export function formatMoment(at, lang) {
  if (!at) return '–';
  const moment = new Date(at);
  const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(moment); // sv-SE writes YYYY-MM-DD
  const time = moment.toLocaleTimeString(locale(lang), { timeZone: 'Europe/Copenhagen', hour: '2-digit', minute: '2-digit' });
  return `${formatDate(day, lang)} ${time}`;
}
