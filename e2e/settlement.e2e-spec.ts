import { Topics } from '@tilbudsnet/contracts';
import { EventCollector, testBus, waitUntil } from '@tilbudsnet/testing';
import { Workbook } from 'exceljs';
import { DataSource } from 'typeorm';
import { offerRequest } from './support/demo-offer';
import { call, startSystem, type RunningSystem } from './support/running-system';

/**
 * From budget to bill: an operator's budget gives a tariff; a placement made through visitation,
 * with a package change on the 17th, gives at month close the statement the paying municipality
 * expects. København acts, Frederiksberg pays.
 */
let system: RunningSystem;
const PURPOSE = { 'x-purpose': 'anbringelse' };

beforeAll(async () => {
  process.env.CENTRAL_ADMINISTRATION_PCT = '{"1082":0}';
  system = await startSystem('settlement');
});

afterAll(async () => {
  await system?.stop();
});

const as = (user: string) => system.identity.authFor(user);

/** The month's statements as operations reads them (the close answers with a summary only). */
async function monthStatements(month: string) {
  const read = await call(`${system.tariffs.url}/settlements?month=${month}`, 'GET', undefined, await as('admin'));
  expect(read.status).toBe(200);
  return read.body.items;
}

it('bills the paying municipality for the days at each package\'s rate, and only it and the operator see the statement', async () => {
  const settlements = await new EventCollector(await testBus('settlement'), [Topics.settlement, Topics.tariff], true).start();
  try {
    const offer = await call(`${system.offers.url}/offers`, 'POST', offerRequest({ name: 'Takstbo', frameworkAgreement: false }), await as('manager-aarhus'));
    const offerId = offer.body.offerId;
    await waitUntil(async () => (await system.tariffs.app.get(DataSource).query('SELECT 1 FROM tariff_offers WHERE offer_id = $1', [offerId])).length === 1, { what: 'the offer in tariffs' });
    const tariff = await call(`${system.tariffs.url}/offers/${offerId}/budgets/2026`, 'PUT', {
      directOperatingCosts: '10000000.00', depreciationAndInterest: '0.00', civilServantPensions: '0.00', otherIncome: '0.00',
      approvedPlaces: 20, budgetedOccupancyPct: 95, packages: [{ code: 'high', supplementPerDay: '450.00' }],
    }, await as('manager-aarhus'));
    expect(tariff.body).toMatchObject({ status: 'published', dayTariff: '1441.96', rates: { base: '1441.96', high: '1891.96' } });
    expect(tariff.body.lines).toContainEqual({ label: 'Døgntakst', amount: '1441.96' });
    await settlements.waitFor((ms) => ms.some((m) => m.topic === Topics.tariff), 20000, 'TariffPublished');

    const officer = { ...(await as('officer-koebenhavn')), ...PURPOSE };
    await waitUntil(async () => (await call(`${system.visitation.url}/offers?limit=200`, 'GET', undefined, officer)).body.items.some((o: { offerId: string }) => o.offerId === offerId), { what: 'the offer in search' });
    // The published tariff reaches search: a price filter and the rate among the reasons.
    const priced = (max: string) => call(`${system.visitation.url}/offers?limit=200&tariffYear=2026&packageCode=high&maxDayTariff=${max}`, 'GET', undefined, officer);
    await waitUntil(async () => (await priced('1900.00')).body.items.some((o: { offerId: string }) => o.offerId === offerId), { what: 'the price in search' });
    const hit = (await priced('1900.00')).body.items.find((o: { offerId: string }) => o.offerId === offerId);
    expect(hit.rank).toMatchObject({ dayRate: '1891.96', reasons: expect.arrayContaining(['døgntakst 1.891,96 kr']) });
    expect((await priced('1891.95')).body.items.some((o: { offerId: string }) => o.offerId === offerId)).toBe(false);

    const opened = await call(`${system.visitation.url}/cases`, 'POST', {
      cpr: '1010801234', name: 'Ole Betaler', payingMunicipality: '0147', needs: { targetGroups: ['autism'], paragraph: '108', supportLevel: 'medium' },
    }, officer);
    const placement = await call(`${system.visitation.url}/cases/${opened.body.id}/placements`, 'POST', { offerId, startDate: '2026-11-10' }, officer);
    await waitUntil(async () => (await call(`${system.visitation.url}/placements/${placement.body.id}`, 'GET', undefined, officer)).body.status === 'reserved', { what: 'the reservation' });
    await call(`${system.visitation.url}/placements/${placement.body.id}/confirm`, 'POST', undefined, officer);
    await call(`${system.visitation.url}/placements/${placement.body.id}/package`, 'POST', { packageCode: 'high', effectiveDate: '2026-11-17' }, officer);
    await waitUntil(async () => {
      const [row] = await system.tariffs.app.get(DataSource).query('SELECT packages FROM tariff_placements WHERE placement_id = $1', [placement.body.id]);
      return row?.packages.length === 2;
    }, { what: 'the placement and its package change in tariffs' });

    const measure = await call(`${system.tariffs.url}/placements/${placement.body.id}/special-measures`, 'POST', { code: 'ekstra-nattevagt', perDay: '300.00', from: '2026-11-28' }, await as('manager-aarhus'));
    expect(measure.status).toBe(201);
    expect(measure.body.specialMeasures).toEqual([{ code: 'ekstra-nattevagt', perDay: '300.00', from: '2026-11-28', to: null }]);
    // The operator reads its offer's placements with their measures (no citizen); another operator is refused.
    const pricedPlacements = await call(`${system.tariffs.url}/offers/${offer.body.offerId}/placements`, 'GET', undefined, await as('manager-aarhus'));
    expect(pricedPlacements.body.items).toEqual([expect.objectContaining({ placementId: placement.body.id, payingMunicipality: '0147', actingMunicipality: '0101', startDate: '2026-11-10', endDate: null,
      specialMeasures: [{ code: 'ekstra-nattevagt', perDay: '300.00', from: '2026-11-28', to: null }] })]);
    expect(Object.keys(pricedPlacements.body.items[0]).sort()).toEqual(['actingMunicipality', 'endDate', 'packages', 'payingMunicipality', 'placementId', 'specialMeasures', 'startDate']);
    expect((await call(`${system.tariffs.url}/offers/${offer.body.offerId}/placements`, 'GET', undefined, await as('manager-private'))).status).toBe(403);
    const closed = await call(`${system.tariffs.url}/settlements/2026-11/close`, 'POST', { invoiceDate: '2026-12-02' }, await as('admin'));
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ month: '2026-11', invoiceDate: '2026-12-02', heldBack: 0 });
    const monthIssued = await monthStatements('2026-11');
    expect(closed.body.statements).toBe(monthIssued.length);
    expect(closed.body.lines).toBe(monthIssued.reduce((sum: number, s: { lines: unknown[] }) => sum + s.lines.length, 0));
    // The summary's total is the statements' sum, to the øre.
    expect(Math.round(Number(closed.body.total) * 100)).toBe(monthIssued.reduce((sum: number, s: { total: string }) => sum + Math.round(Number(s.total) * 100), 0));
    const statement = monthIssued.find((s: { payingMunicipality: string }) => s.payingMunicipality === '0147');
    expect(statement).toMatchObject({
      operator: 'municipality:0751', month: '2026-11', invoiceDate: '2026-12-02', dueDate: '2027-01-01', total: '37481.16', lateClaimLines: 0,
      lines: [
        expect.objectContaining({ from: '2026-11-10', to: '2026-11-16', days: 7, packageCode: 'base', dayRate: '1441.96', amount: '10093.72' }),
        expect.objectContaining({ from: '2026-11-17', to: '2026-11-30', days: 14, packageCode: 'high', dayRate: '1891.96', amount: '26487.44' }),
        expect.objectContaining({ kind: 'special-measure', from: '2026-11-28', to: '2026-11-30', days: 3, packageCode: 'ekstra-nattevagt', amount: '900.00' }),
      ],
    });
    expect((await call(`${system.tariffs.url}/settlements/2026-11/close`, 'POST', {}, await as('admin'))).status).toBe(409);

    // Frederiksberg pays: it sees the statement and its CSV, not the case. København acts: it sees the case, not the bill.
    const payer = await as('officer-frederiksberg');
    expect((await call(`${system.tariffs.url}/settlements?month=2026-11`, 'GET', undefined, payer)).body.items.map((s: { id: string }) => s.id)).toEqual([statement.id]);
    const csv = await call(`${system.tariffs.url}/settlements/statements/${statement.id}/csv`, 'GET', undefined, payer);
    expect(csv.body).toContain(';stay;Ophold;2026-11-17;2026-11-30;14;high;1891,96;26487,44;nej');
    expect(csv.body).toContain(';special-measure;Særlig foranstaltning;2026-11-28;2026-11-30;3;ekstra-nattevagt;300,00;900,00;nej');
    expect(csv.body).toContain('I alt;;;;;;;;37481,16;');
    // Names beside the codes: who pays and who invoices.
    expect(csv.body.split('\n')[0]).toBe('# Afregning 2026-11: betalingskommune Frederiksberg Kommune (0147), driftsherre Aarhus Kommune (municipality:0751), fakturadato 2026-12-02, forfald 2027-01-01');
    const xlsx = await call(`${system.tariffs.url}/settlements/statements/${statement.id}/xlsx`, 'GET', undefined, payer);
    const workbook = new Workbook();
    await workbook.xlsx.load(xlsx.body);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(4).values).toEqual([undefined, placement.body.id, 'stay', 'Ophold', '2026-11-17', '2026-11-30', 14, 'high', 1891.96, 26487.44, 'nej']);
    expect(sheet.getRow(6).getCell(9).value).toBe(37481.16);
    expect((await call(`${system.visitation.url}/cases/${opened.body.id}`, 'GET', undefined, { ...payer, ...PURPOSE })).status).toBe(403);
    expect((await call(`${system.tariffs.url}/settlements?month=2026-11`, 'GET', undefined, await as('officer-koebenhavn'))).body.items).toEqual([]);
    expect((await call(`${system.tariffs.url}/settlements?month=2026-11`, 'GET', undefined, await as('manager-aarhus'))).body.items).toHaveLength(1);

    await settlements.waitFor((ms) => ms.some((m) => m.topic === Topics.settlement), 20000, 'SettlementIssued');
    const issued = settlements.events<{ type: string; payload: any }>().find((e) => e.type === 'SettlementIssued')!;
    expect(issued.payload).toMatchObject({ statementId: statement.id, payingMunicipality: '0147', total: '37481.16', lines: 3 });

    const trade = await call(`${system.tariffs.url}/trade/2026`, 'GET', undefined, await as('kkr-midtjylland'));
    expect(trade.body.items).toEqual([{ buyer: '0147', seller: 'municipality:0751', placements: 1, days: 21, amount: '37481.16' }]);

    // Year end: income 37,481.16 against an actual cost of 600,000.00 is a deficit of 562,518.84. The
    // limit is 5 % of the cost basis (the 2026 budget's yearly cost, 10,000,000.00): 500,000.00 is
    // recovered next year, the rest (62,518.84) two years later, as a line of that year's tariff.
    // (5 % of the actual cost would have been 30,000.00.)
    const result = await call(`${system.tariffs.url}/offers/${offerId}/results/2026`, 'POST', { actualCost: '600000.00' }, await as('manager-aarhus'));
    expect(result.body).toMatchObject({
      actualIncome: '37481.16', result: '-562518.84', costBasis: '10000000.00', limit: '500000.00',
      intoNextYear: { year: 2027, amount: '500000.00' }, intoYearAfterNext: { year: 2028, amount: '62518.84' },
    });
    expect(result.body.lines).toContainEqual({ label: '5 % af omkostningsgrundlaget 2026: højst overført til budget 2027', amount: '500000.00' });
    const noTariff = await call(`${system.tariffs.url}/offers/${offerId}/results/2025`, 'POST', { actualCost: '600000.00' }, await as('manager-aarhus'));
    expect(noTariff.status).toBe(409);
    expect(noTariff.body.violations).toEqual([expect.objectContaining({ field: 'year', rule: 'tariff-exists' })]);
    const later = await call(`${system.tariffs.url}/offers/${offerId}/budgets/2028`, 'PUT', {
      directOperatingCosts: '10000000.00', depreciationAndInterest: '0.00', civilServantPensions: '0.00', otherIncome: '0.00', approvedPlaces: 20, budgetedOccupancyPct: 95,
    }, await as('manager-aarhus'));
    expect(later.body.lines).toContainEqual({ label: 'Efterregulering fra 2026', amount: '62518.84' });
  } finally {
    await settlements.stop();
  }
});

it('holds back a placement month whose package the new year\'s tariff dropped, lists it for a decision, and bills it once decided', async () => {
  const manager = await as('manager-aarhus');
  const offer = await call(`${system.offers.url}/offers`, 'POST', offerRequest({ name: 'Pakkebo', frameworkAgreement: false }), manager);
  const offerId = offer.body.offerId;
  await waitUntil(async () => (await system.tariffs.app.get(DataSource).query('SELECT 1 FROM tariff_offers WHERE offer_id = $1', [offerId])).length === 1, { what: 'the offer in tariffs' });
  const budget = { directOperatingCosts: '10000000.00', depreciationAndInterest: '0.00', civilServantPensions: '0.00', otherIncome: '0.00', approvedPlaces: 20, budgetedOccupancyPct: 95 };
  const t2026 = await call(`${system.tariffs.url}/offers/${offerId}/budgets/2026`, 'PUT', { ...budget, packages: [{ code: 'p2800', supplementPerDay: '1358.04' }] }, manager);
  expect(t2026.body.rates).toEqual({ base: '1441.96', p2800: '2800.00' });

  const officer = { ...(await as('officer-koebenhavn')), ...PURPOSE };
  await waitUntil(async () => (await call(`${system.visitation.url}/offers?limit=200`, 'GET', undefined, officer)).body.items.some((o: { offerId: string }) => o.offerId === offerId), { what: 'the offer in search' });
  const opened = await call(`${system.visitation.url}/cases`, 'POST', {
    cpr: '0202802345', name: 'Pia Pakke', payingMunicipality: '0147', needs: { targetGroups: ['autism'], paragraph: '108', supportLevel: 'high' },
  }, officer);
  const placement = await call(`${system.visitation.url}/cases/${opened.body.id}/placements`, 'POST', { offerId, startDate: '2026-12-01', packageCode: 'p2800' }, officer);
  await waitUntil(async () => (await call(`${system.visitation.url}/placements/${placement.body.id}`, 'GET', undefined, officer)).body.status === 'reserved', { what: 'the reservation' });
  await call(`${system.visitation.url}/placements/${placement.body.id}/confirm`, 'POST', undefined, officer);
  await waitUntil(async () => (await system.tariffs.app.get(DataSource).query('SELECT 1 FROM tariff_placements WHERE placement_id = $1', [placement.body.id])).length === 1, { what: 'the placement in tariffs' });

  // The 2027 budget drops p2800: the tariff says so before anyone approves or bills it.
  const t2027 = await call(`${system.tariffs.url}/offers/${offerId}/budgets/2027`, 'PUT', budget, manager);
  expect(t2027.body.rates).toEqual({ base: '1441.96' });
  expect(t2027.body.warnings).toEqual([expect.objectContaining({ rule: 'package-dropped', packageCode: 'p2800', placements: 1 })]);
  expect((await call(`${system.tariffs.url}/offers/${offerId}/tariffs/2026`, 'GET', undefined, manager)).body.warnings).toEqual([]);

  // January 2027: no line at the base rate; the month is held and listed for the operator and the acting municipality.
  const closed = await call(`${system.tariffs.url}/settlements/2027-01/close`, 'POST', { invoiceDate: '2027-02-01' }, await as('admin'));
  expect(closed.status).toBe(200);
  expect(closed.body.heldBack).toBeGreaterThanOrEqual(1);
  expect((await monthStatements('2027-01')).flatMap((s: { lines: { placementId: string }[] }) => s.lines).filter((l: { placementId: string }) => l.placementId === placement.body.id)).toEqual([]);
  const held = { placementId: placement.body.id, month: '2027-01', packageCode: 'p2800', tariffYear: 2027, from: '2027-01-01', to: '2027-01-31', days: 31, status: 'held', actingMunicipality: '0101', payingMunicipality: '0147' };
  // (Other placements of the run may be held too: those in offers without a 2027 tariff.)
  const ofThisPlacement = (items: { placementId: string }[]) => items.filter((i) => i.placementId === placement.body.id);
  for (const user of ['officer-koebenhavn', 'manager-aarhus', 'officer-frederiksberg']) {
    const listed = await call(`${system.tariffs.url}/package-decisions`, 'GET', undefined, await as(user));
    expect(ofThisPlacement(listed.body.items)).toEqual([expect.objectContaining(held)]);
  }
  expect((await call(`${system.tariffs.url}/package-decisions`, 'GET', undefined, await as('officer-aarhus'))).body.items).toEqual([]);
  expect((await call(`${system.tariffs.url}/package-decisions`, 'GET', undefined, await as('manager-private'))).body.items).toEqual([]);
  expect((await call(`${system.tariffs.url}/package-decisions?status=everything`, 'GET', undefined, await as('admin'))).status).toBe(400);
  // Nothing is decided yet: billing the held months bills nothing.
  expect((await call(`${system.tariffs.url}/settlements/held/bill`, 'POST', {}, await as('admin'))).body).toEqual([]);

  // The acting municipality decides: the base package from New Year. Then the month is billed on a supplementary statement.
  await call(`${system.visitation.url}/placements/${placement.body.id}/package`, 'POST', { packageCode: 'base', effectiveDate: '2027-01-01' }, officer);
  await waitUntil(async () => {
    const [row] = await system.tariffs.app.get(DataSource).query('SELECT packages FROM tariff_placements WHERE placement_id = $1', [placement.body.id]);
    return row?.packages.length === 2;
  }, { what: 'the package decision in tariffs' });
  const billed = await call(`${system.tariffs.url}/settlements/held/bill`, 'POST', { invoiceDate: '2027-02-10' }, await as('admin'));
  expect(billed.body).toEqual([expect.objectContaining({
    month: '2027-01', supplement: 1, payingMunicipality: '0147', operator: 'municipality:0751', invoiceDate: '2027-02-10', total: '44700.76',
    lines: [expect.objectContaining({ placementId: placement.body.id, from: '2027-01-01', to: '2027-01-31', days: 31, packageCode: 'base', dayRate: '1441.96', amount: '44700.76' })],
  })]);
  const after = await call(`${system.tariffs.url}/package-decisions?status=billed`, 'GET', undefined, await as('officer-koebenhavn'));
  expect(after.body.items).toEqual([expect.objectContaining({ placementId: placement.body.id, status: 'billed', statementId: billed.body[0].id })]);
  expect(ofThisPlacement((await call(`${system.tariffs.url}/package-decisions`, 'GET', undefined, await as('officer-koebenhavn'))).body.items)).toEqual([]);
  const csv = await call(`${system.tariffs.url}/settlements/statements/${billed.body[0].id}/csv`, 'GET', undefined, await as('officer-frederiksberg'));
  expect(csv.body).toContain('# Tillægsafregning 1 for 2027-01');
});

it('holds back a placement month in an offer with no published tariff for the year (never a line at 0 kr.), and bills it once the tariff is published', async () => {
  const manager = await as('manager-aarhus');
  const offer = await call(`${system.offers.url}/offers`, 'POST', offerRequest({ name: 'Uden takst', frameworkAgreement: false }), manager);
  const offerId = offer.body.offerId;
  const officer = { ...(await as('officer-koebenhavn')), ...PURPOSE };
  await waitUntil(async () => (await system.visitation.app.get(DataSource).query('SELECT 1 FROM catalogue_offers WHERE offer_id = $1', [offerId])).length === 1, { what: 'the offer in visitation' });
  const opened = await call(`${system.visitation.url}/cases`, 'POST', {
    cpr: '0303803456', name: 'Tove Takstløs', needs: { targetGroups: ['autism'], paragraph: '108', supportLevel: 'medium' }, placement: { offerId, startDate: '2026-12-01' },
  }, officer);
  expect(opened.status).toBe(201);
  const placementId = opened.body.placement.id;
  await waitUntil(async () => (await call(`${system.visitation.url}/placements/${placementId}`, 'GET', undefined, officer)).body.status === 'reserved', { what: 'the reservation' });
  await call(`${system.visitation.url}/placements/${placementId}/confirm`, 'POST', undefined, officer);
  await waitUntil(async () => (await system.tariffs.app.get(DataSource).query('SELECT 1 FROM tariff_placements WHERE placement_id = $1', [placementId])).length === 1, { what: 'the placement in tariffs' });

  const closed = await call(`${system.tariffs.url}/settlements/2026-12/close`, 'POST', { invoiceDate: '2027-01-04' }, await as('admin'));
  expect(closed.status).toBe(200);
  const lines = (await monthStatements('2026-12')).flatMap((st: { lines: { placementId: string; amount: string }[] }) => st.lines);
  expect(lines.filter((l: { placementId: string }) => l.placementId === placementId)).toEqual([]);
  expect(lines.filter((l: { amount: string }) => Number(l.amount) === 0)).toEqual([]);
  const listed = (await call(`${system.tariffs.url}/package-decisions`, 'GET', undefined, officer)).body.items.filter((i: { placementId: string }) => i.placementId === placementId);
  expect(listed).toEqual([expect.objectContaining({ month: '2026-12', days: 31, status: 'held', reason: expect.stringContaining('ingen offentliggjort takst for 2026') })]);

  // The tariff is published: the held month is billed on a supplementary statement, 31 days at its rate.
  const tariff = await call(`${system.tariffs.url}/offers/${offerId}/budgets/2026`, 'PUT', {
    directOperatingCosts: '10000000.00', depreciationAndInterest: '0.00', civilServantPensions: '0.00', otherIncome: '0.00', approvedPlaces: 20, budgetedOccupancyPct: 95, packages: [],
  }, manager);
  expect(tariff.body).toMatchObject({ status: 'published', rates: { base: '1441.96' } });
  const billed = await call(`${system.tariffs.url}/settlements/held/bill`, 'POST', { invoiceDate: '2027-01-11' }, await as('admin'));
  expect(billed.body).toEqual([expect.objectContaining({
    month: '2026-12', supplement: 1, payingMunicipality: '0101', total: '44700.76',
    lines: [expect.objectContaining({ placementId, from: '2026-12-01', to: '2026-12-31', days: 31, packageCode: 'base', dayRate: '1441.96', amount: '44700.76' })],
  })]);
});
