import { paramMatching } from '@tilbudsnet/platform';

/** Path parameters of the tariff routes, checked like body fields (a 400 naming the parameter). */
export const YEAR = paramMatching('year', (v) => /^20\d{2}$/.test(v), 'a year 2000-2099');
export const MONTH = paramMatching('month', (v) => /^\d{4}-(0[1-9]|1[0-2])$/.test(v), 'a month YYYY-MM');
