import { seededRandom } from '@tilbudsnet/platform';
import { waitUntil } from '@tilbudsnet/testing';
import { Workbook } from 'exceljs';
import { DataSource } from 'typeorm';
import { offerRequest } from './support/demo-offer';
import { call, startSystem, type RunningSystem } from './support/running-system';

/**
 * Styringsdata on real Kafka and PostgreSQL: placements made through visitation's saga, months
 * closed through tariffs, and the steering figures equal a count made here by hand from what was
 * generated (start dates × published day rates); no cell under 5 placements is shown, not even
 * its count; others are ranked without names; each organisation reads only its own.
 */
let system: RunningSystem;
const PURPOSE = { 'x-purpose': 'anbringelse' };
const MONTHS = ['2026-08', '2026-09', '2026-10'];

beforeAll(async () => {
  process.env.CENTRAL_ADMINISTRATION_PCT = '{"1082":0}';
  // The month close settles two (operator, paying municipality) pairs at a time here, so the figures
  // counted by hand below also prove that a close streamed in slices bills every placement once.
  process.env.SETTLEMENT_PAIRS_PER_SLICE = '2';
  system = await startSystem('steering');
});

afterAll(async () => {
  await system?.stop();
});

const as = (user: string) => system.identity.authFor(user);

interface Made { placementId: string; offer: 'own' | 'private'; payingMunicipality: string; targetGroup: string; paragraph: string; startDate: string }

const BUDGET = { depreciationAndInterest: '0.00', civilServantPensions: '0.00', otherIncome: '0.00', approvedPlaces: 20, budgetedOccupancyPct: 95, packages: [] };

async function offerWithTariff(body: Record<string, unknown>, manager: string, directOperatingCosts: string): Promise<{ offerId: string; rate: string }> {
  const offer = await call(`${system.offers.url}/offers`, 'POST', offerRequest({ frameworkAgreement: false, ...body }), await as(manager));
  expect([offer.status, offer.status === 201 || offer.body]).toEqual([201, true]);
  const offerId = offer.body.offerId;
  await waitUntil(async () => (await system.tariffs.app.get(DataSource).query('SELECT 1 FROM tariff_offers WHERE offer_id = $1', [offerId])).length === 1, { what: 'the offer in tariffs' });
  await waitUntil(async () => (await system.visitation.app.get(DataSource).query('SELECT 1 FROM catalogue_offers WHERE offer_id = $1', [offerId])).length === 1, { what: 'the offer in the catalogue' });
  const tariff = await call(`${system.tariffs.url}/offers/${offerId}/budgets/2026`, 'PUT', { ...BUDGET, directOperatingCosts }, await as(manager));
  expect(tariff.body.status).toBe('published');
  // The billed rate: for a private operator the day tariff plus its VAT compensation.
  return { offerId, rate: tariff.body.rates.base };
}

/** Øre of a kroner text, and back: the test's own arithmetic, not the service's. */
const oere = (kr: string) => BigInt(kr.replace('.', ''));
const kr = (o: bigint) => `${o / 100n}.${String(o % 100n).padStart(2, '0')}`;
const daysIn = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5)), 0)).getUTCDate();
/** Days of the month from the start date on (no placement here ends). */
function daysBilled(startDate: string, month: string): number {
  if (startDate.slice(0, 7) > month) return 0;
  return startDate.slice(0, 7) === month ? daysIn(month) - Number(startDate.slice(8)) + 1 : daysIn(month);
}

function expectedCells(made: Made[], rates: Record<Made['offer'], string>, municipality: string) {
  const cells = new Map<string, Made[]>();
  for (const month of MONTHS) {
    for (const m of made.filter((x) => x.payingMunicipality === municipality && daysBilled(x.startDate, month) > 0)) {
      const key = [municipality, month, m.targetGroup, m.paragraph].join('|');
      cells.set(key, [...(cells.get(key) ?? []), m]);
    }
  }
  return [...cells.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, group]) => {
    const [payingMunicipality, month, targetGroup, paragraph] = key.split('|');
    if (group.length < 5) return { payingMunicipality, month, targetGroup, paragraph, suppressed: true, figures: null };
    const days = { own: 0, private: 0 };
    let spend = 0n;
    for (const m of group) {
      const d = daysBilled(m.startDate, month);
      days[m.offer] += d;
      spend += BigInt(d) * oere(rates[m.offer]);
    }
    const all = days.own + days.private;
    const share = (n: number) => Math.round((n * 1000) / all) / 10;
    return {
      payingMunicipality, month, targetGroup, paragraph, suppressed: false,
      figures: { placements: group.length, days: all, spend: kr(spend), averageDayRate: kr((2n * spend + BigInt(all)) / (2n * BigInt(all))), shares: { own: share(days.own), bought: 0, private: share(days.private) } },
    };
  });
}

/** Every figure object anywhere in an answer: none may rest on fewer than 5 placements. */
function everyFigures(value: unknown, found: { placements: number }[] = []): { placements: number }[] {
  if (Array.isArray(value)) value.forEach((v) => everyFigures(v, found));
  else if (value && typeof value === 'object') {
    if ('placements' in value && typeof (value as { placements: unknown }).placements === 'number') found.push(value as { placements: number });
    Object.values(value).forEach((v) => everyFigures(v, found));
  }
  return found;
}

it('gives each municipality figures equal to a count by hand, suppresses cells under 5, ranks others without names and exports them', async () => {
  const own = await offerWithTariff({ name: 'Styrebo', paragraphs: [{ paragraph: '108', approvedPlaces: 30 }, { paragraph: '107', approvedPlaces: 10 }], targetGroups: ['autism', 'dual-diagnosis'] }, 'manager-aarhus', '10000000.00');
  const priv = await offerWithTariff({
    name: 'Solsikken Styrehus', operator: { kind: 'private', id: '12345678', name: 'Solsikken Omsorg ApS' }, paragraphs: [{ paragraph: '108', approvedPlaces: 20 }], targetGroups: ['autism'],
  }, 'manager-private', '8000000.00');
  const rates = { own: own.rate, private: priv.rate };
  expect(own.rate).not.toBe(priv.rate);

  // Aarhus places 7 in its own offer and 3 privately (autism, §108), 3 with dual diagnosis under §107 (too few to show);
  // Randers, through Aarhus's officer as acting municipality, pays for 5 privately.
  const plan: Omit<Made, 'placementId' | 'startDate'>[] = [
    ...Array.from({ length: 7 }, () => ({ offer: 'own' as const, payingMunicipality: '0751', targetGroup: 'autism', paragraph: '108' })),
    ...Array.from({ length: 3 }, () => ({ offer: 'private' as const, payingMunicipality: '0751', targetGroup: 'autism', paragraph: '108' })),
    ...Array.from({ length: 3 }, () => ({ offer: 'own' as const, payingMunicipality: '0751', targetGroup: 'dual-diagnosis', paragraph: '107' })),
    ...Array.from({ length: 5 }, () => ({ offer: 'private' as const, payingMunicipality: '0730', targetGroup: 'autism', paragraph: '108' })),
  ];
  const rnd = seededRandom(2026);
  const officer = { ...(await as('officer-aarhus')), ...PURPOSE };
  const made: Made[] = [];
  for (const [i, p] of plan.entries()) {
    const startDate = `2026-${rnd() < 0.3 ? '08' : rnd() < 0.5 ? '09' : '10'}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
    const opened = await call(`${system.visitation.url}/cases`, 'POST', {
      cpr: `0202${String(80 + i).padStart(2, '0')}1234`, name: `Borger ${i}`, payingMunicipality: p.payingMunicipality,
      needs: { targetGroups: [p.targetGroup], paragraph: p.paragraph, supportLevel: 'medium' },
      placement: { offerId: p.offer === 'own' ? own.offerId : priv.offerId, startDate },
    }, officer);
    expect(opened.status).toBe(201);
    made.push({ ...p, placementId: opened.body.placement.id, startDate });
  }
  for (const m of made) {
    await waitUntil(async () => (await call(`${system.visitation.url}/placements/${m.placementId}`, 'GET', undefined, officer)).body.status === 'reserved', { what: 'the reservation' });
    expect((await call(`${system.visitation.url}/placements/${m.placementId}/confirm`, 'POST', undefined, officer)).status).toBe(200);
  }
  await waitUntil(async () => (await system.tariffs.app.get(DataSource).query('SELECT count(*)::int AS n FROM tariff_placements'))[0].n === made.length, { what: 'the placements in tariffs' });
  for (const month of MONTHS) {
    const closed = await call(`${system.tariffs.url}/settlements/${month}/close`, 'POST', {}, await as('admin'));
    expect(closed.status).toBe(200);
    // More pairs than one slice holds, and the summary counts what was written.
    const issued = (await call(`${system.tariffs.url}/settlements?month=${month}`, 'GET', undefined, await as('admin'))).body.items;
    expect(issued.length).toBeGreaterThan(2);
    expect(closed.body).toMatchObject({ statements: issued.length, lines: issued.reduce((sum: number, st: { lines: unknown[] }) => sum + st.lines.length, 0) });
  }

  const period = `from=${MONTHS[0]}&to=${MONTHS[2]}`;
  const aarhus = await call(`${system.tariffs.url}/steering/municipalities/0751?${period}`, 'GET', undefined, await as('officer-aarhus'));
  expect(aarhus.status).toBe(200);
  expect(aarhus.body.cells).toEqual(expectedCells(made, rates, '0751'));
  expect(aarhus.body.cells.some((c: { suppressed: boolean }) => c.suppressed)).toBe(true); // the dual diagnosis cell: 3 placements
  expect(aarhus.body.total.figures.placements).toBe(13);
  expect(aarhus.body.trend.map((t: { month: string }) => t.month)).toEqual(MONTHS);
  // Others without names: Randers is in the ranking as a rate, never as its code.
  expect(aarhus.body.ranking).toHaveLength(2);
  expect(aarhus.body.ranking.filter((r: { self: boolean }) => r.self)).toHaveLength(1);
  expect(JSON.stringify(aarhus.body.ranking)).not.toContain('0730');
  const randersRate = aarhus.body.ranking.find((r: { self: boolean }) => !r.self).averageDayRate;
  expect(randersRate).toBe(priv.rate); // all its days private, at the one rate
  for (const f of everyFigures(aarhus.body)) expect(f.placements).toBeGreaterThanOrEqual(5);

  const region = await call(`${system.tariffs.url}/steering/regions/1082?${period}`, 'GET', undefined, await as('kkr-midtjylland'));
  expect(region.status).toBe(200);
  expect(region.body.municipalities.map((m: { payingMunicipality: string }) => m.payingMunicipality)).toEqual(['0730', '0751']);
  expect(region.body.municipalities[0].figures).toMatchObject({ placements: 5, shares: { own: 0, bought: 0, private: 100 }, averageDayRate: priv.rate });
  expect(region.body.cells.filter((c: { payingMunicipality: string }) => c.payingMunicipality === '0751')).toEqual(expectedCells(made, rates, '0751'));
  expect(region.body.benchmarks.region.figures.placements).toBe(18);
  for (const f of everyFigures(region.body)) expect(f.placements).toBeGreaterThanOrEqual(5);

  // CSV and Excel: the same cells, names beside codes, the suppressed cell saying so.
  const csv = await call(`${system.tariffs.url}/steering/municipalities/0751/csv?${period}`, 'GET', undefined, await as('officer-aarhus'));
  expect(csv.body).toContain('0751;Aarhus Kommune (0751);2026-10;dual-diagnosis;');
  expect(csv.body).toMatch(/;dual-diagnosis;[^;\n]+;SEL § 107;færre end 5;færre end 5;/);
  const xlsx = await call(`${system.tariffs.url}/steering/regions/1082/xlsx?${period}`, 'GET', undefined, await as('kkr-midtjylland'));
  const workbook = new Workbook();
  await workbook.xlsx.load(xlsx.body);
  expect(workbook.worksheets[0].rowCount).toBe(2 + region.body.cells.length);
});

it('lets a municipality read only its own figures and a secretariat only its region, and names the field of a bad period', async () => {
  expect((await call(`${system.tariffs.url}/steering/municipalities/0751`, 'GET', undefined, await as('officer-koebenhavn'))).status).toBe(403);
  expect((await call(`${system.tariffs.url}/steering/regions/1082`, 'GET', undefined, await as('kkr-nordjylland'))).status).toBe(403);
  expect((await call(`${system.tariffs.url}/steering/regions/1082`, 'GET', undefined, await as('manager-aarhus'))).status).toBe(403);
  const officer = await as('officer-aarhus');
  const bad = async (query: string) => (await call(`${system.tariffs.url}/steering/municipalities/0751?${query}`, 'GET', undefined, officer));
  for (const [query, field] of [['from=2026-13', 'from'], ['to=26-01', 'to'], ['from=2026-10&to=2026-09', 'from'], ['from=2023-01&to=2026-01', 'to']]) {
    const answer = await bad(query);
    expect([query, answer.status, answer.body]).toEqual([query, 400, expect.anything()]);
    expect(JSON.stringify(answer.body)).toContain(`"field":"${field}"`);
  }
  expect((await call(`${system.tariffs.url}/steering/municipalities/9999`, 'GET', undefined, officer)).status).toBe(400);
});
