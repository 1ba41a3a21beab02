import { periodOf, Topics } from '@tilbudsnet/contracts';
import { EventCollector, testBus, waitUntil } from '@tilbudsnet/testing';
import { DataSource } from 'typeorm';
import { UnitBookings } from '@tilbudsnet/offers';
import { BookingSaga } from '@tilbudsnet/visitation';
import { offerRequest } from './support/demo-offer';
import { call, startSystem, type RunningSystem } from './support/running-system';

/**
 * Single services (enkeltydelser) from offer to bill: an offer that sells sessions per month, its
 * unit price from a budget, bookings through visitation's saga on the real broker (never more units
 * than the month has, however many officers book at once), deliveries recorded by the operator, and
 * the month close billing each delivered unit once at the unit price. The figures are counted here
 * by hand. Dates are today's, so the test holds on any day it runs.
 */
let system: RunningSystem;
const PURPOSE = { 'x-purpose': 'enkeltydelse: autismebehandling' };
const TODAY = new Date().toISOString().slice(0, 10);
const MONTH = TODAY.slice(0, 7);
const YEAR = Number(TODAY.slice(0, 4));

beforeAll(async () => {
  process.env.CENTRAL_ADMINISTRATION_PCT = '{"1082":0}';
  system = await startSystem('single-services');
});

afterAll(async () => {
  await system?.stop();
});

/** A refusal naming the field and the rule. */
const refusal = (field: string, rule: string) => ({ code: rule, violations: expect.arrayContaining([expect.objectContaining({ field, rule })]) });
const as = (user: string) => system.identity.authFor(user);
const officer = async () => ({ ...(await as('officer-koebenhavn')), ...PURPOSE });

async function openCase(paragraph = '85'): Promise<string> {
  const opened = await call(`${system.visitation.url}/cases`, 'POST', {
    cpr: '0101801234', name: 'Sofie Sessionsen', payingMunicipality: '0147', needs: { targetGroups: ['autism'], paragraph, supportLevel: 'medium' },
  }, await officer());
  expect(opened.status).toBe(201);
  return opened.body.id;
}

async function book(caseId: string, offerId: string, units: number, period = MONTH) {
  return call(`${system.visitation.url}/cases/${caseId}/bookings`, 'POST', { offerId, period, units }, await officer());
}

async function settled(bookingId: string): Promise<{ status: string; reason: string | null; deliveredUnits: number }> {
  let last = { status: 'requested', reason: null, deliveredUnits: 0 };
  await waitUntil(async () => {
    last = (await call(`${system.visitation.url}/bookings/${bookingId}`, 'GET', undefined, await officer())).body;
    return last.status !== 'requested';
  }, { what: `offers' answer to booking ${bookingId}` });
  return last;
}

async function registerSessions(): Promise<string> {
  const offer = await call(`${system.offers.url}/offers`, 'POST', offerRequest({
    name: 'Autismeteamet Aarhus', paragraphs: [{ paragraph: '85', approvedPlaces: 0 }], frameworkAgreement: false,
    units: { kind: 'sessions', per: 'month', unitsPerPeriod: 10 },
  }), await as('manager-aarhus'));
  expect(offer.status).toBe(201);
  expect(offer.body).toMatchObject({ units: { kind: 'sessions', per: 'month', unitsPerPeriod: 10 }, capacity: { approvedPlaces: 0 } });
  return offer.body.offerId;
}

it('refuses an offer of units with places, a team visit without regions, and a period not counted as the offer counts', async () => {
  const manager = await as('manager-aarhus');
  const withPlaces = await call(`${system.offers.url}/offers`, 'POST', offerRequest({ units: { kind: 'sessions', per: 'month', unitsPerPeriod: 10 } }), manager);
  expect(withPlaces).toMatchObject({ status: 422, body: refusal('paragraphs', 'no-places-for-single-service') });
  const team = await call(`${system.offers.url}/offers`, 'POST', offerRequest({
    paragraphs: [{ paragraph: '85', approvedPlaces: 0 }], units: { kind: 'team-visit', per: 'week', unitsPerPeriod: 4 },
  }), manager);
  expect(team).toMatchObject({ status: 422, body: refusal('units.travelRegions', 'travel-regions-for-team-visits') });
  const badKind = await call(`${system.offers.url}/offers`, 'POST', offerRequest({ paragraphs: [{ paragraph: '85', approvedPlaces: 0 }], units: { kind: 'massage', per: 'month', unitsPerPeriod: 1 } }), manager);
  expect(badKind.status).toBe(400);
  expect(JSON.stringify(badKind.body)).toContain('units.kind');
});

it('books units through the saga, never more than the month has, bills delivered units once at the unit price', async () => {
  const events = await new EventCollector(await testBus('single-services'), [Topics.booking, Topics.reservation, Topics.tariff, Topics.settlement], true).start();
  try {
    const offerId = await registerSessions();
    await waitUntil(async () => (await system.tariffs.app.get(DataSource).query('SELECT 1 FROM tariff_offers WHERE offer_id = $1 AND units IS NOT NULL', [offerId])).length === 1, { what: 'the offer in tariffs' });

    // Budget to unit price: 1,200,000 kr over 2,000 sessions at 80 % = 750.00 kr a session.
    const manager = await as('manager-aarhus');
    const places = await call(`${system.tariffs.url}/offers/${offerId}/budgets/${YEAR}`, 'PUT', {
      directOperatingCosts: '1200000.00', depreciationAndInterest: '0.00', civilServantPensions: '0.00', otherIncome: '0.00', approvedPlaces: 3, budgetedOccupancyPct: 80,
    }, manager);
    expect(places).toMatchObject({ status: 422, body: refusal('budgetedUnits', 'required-for-single-service') });
    const tariff = await call(`${system.tariffs.url}/offers/${offerId}/budgets/${YEAR}`, 'PUT', {
      directOperatingCosts: '1200000.00', depreciationAndInterest: '0.00', civilServantPensions: '0.00', otherIncome: '0.00', budgetedUnits: 2000, budgetedOccupancyPct: 80,
    }, manager);
    expect(tariff.status).toBe(200);
    expect(tariff.body).toMatchObject({ status: 'published', unitPrice: '750.00', rates: {} });
    const published = await events.waitFor((ms) => ms.some((m) => m.topic === Topics.tariff), 20000, 'TariffPublished');
    expect(JSON.parse(published.find((m) => m.topic === Topics.tariff)!.value!)).toMatchObject({ payload: { offerId, unitPrice: '750.00' } });

    // Search finds it by kind, with its unit price; a search for places does not.
    const search = async (kind: string) => (await call(`${system.visitation.url}/offers?limit=200&kind=${kind}`, 'GET', undefined, await officer())).body.items as { offerId: string; unitPrice?: string }[];
    await waitUntil(async () => (await search('sessions')).some((o) => o.offerId === offerId && o.unitPrice === '750.00'), { what: 'the offer and its unit price in search' });
    expect((await search('units')).some((o) => o.offerId === offerId)).toBe(true);
    expect((await search('places')).some((o) => o.offerId === offerId)).toBe(false);
    expect((await search('assessment')).some((o) => o.offerId === offerId)).toBe(false);

    // Six sessions for one citizen; five more do not fit (four are left).
    const caseId = await openCase();
    const first = await book(caseId, offerId, 6);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'requested', period: MONTH, units: 6 });
    expect(await settled(first.body.id)).toMatchObject({ status: 'reserved' });
    const tooMany = await book(caseId, offerId, 5);
    expect(await settled(tooMany.body.id)).toEqual(expect.objectContaining({ status: 'rejected', reason: `only 4 of 10 units are left in ${MONTH}` }));

    // Six officers ask for one session each at once: four get one, two are refused; never eleven.
    const others = await Promise.all(Array.from({ length: 6 }, () => openCase()));
    const asked = await Promise.all(others.map((c) => book(c, offerId, 1)));
    const answers = await Promise.all(asked.map((a) => settled(a.body.id)));
    expect(answers.filter((a) => a.status === 'reserved')).toHaveLength(4);
    expect(answers.filter((a) => a.status === 'rejected')).toHaveLength(2);
    const availability = async () => (await call(`${system.offers.url}/offers/${offerId}/units/${MONTH}`, 'GET', undefined, await officer())).body;
    expect(await availability()).toMatchObject({ unitsPerPeriod: 10, bookedUnits: 10, freeUnits: 0 });
    // The operator may sell more units a month, never fewer than the month has booked.
    const units = (unitsPerPeriod: number, user = 'manager-aarhus') => as(user).then((h) => call(`${system.offers.url}/offers/${offerId}/units`, 'PATCH', { unitsPerPeriod }, h));
    expect(await units(9)).toMatchObject({ status: 409, body: refusal('unitsPerPeriod', 'not-below-booked') });
    expect((await units(12, 'manager-private')).status).toBe(403);
    expect((await units(12)).body.units).toEqual({ kind: 'sessions', per: 'month', unitsPerPeriod: 12 });
    expect(await availability()).toMatchObject({ unitsPerPeriod: 12, bookedUnits: 10, freeUnits: 2 });
    expect((await units(10)).status).toBe(200);
    await waitUntil(async () => (await search('sessions')).some((o) => o.offerId === offerId && (o as { units?: { unitsPerPeriod: number } }).units?.unitsPerPeriod === 10), { what: 'the new units in search' });
    // The HSDS export gives the units per month as the capacity, none free this month.
    const hsds = (await call(`${system.offers.url}/export/hsds`, 'GET', undefined, await officer())).body;
    expect(hsds.service_capacity.find((c: { service_id: string }) => c.service_id === offerId)).toMatchObject({ unit: { name: 'Sessioner pr. måned (sessions per month)' }, available: 0, maximum: 10 });

    // One is withdrawn: its session is free again.
    const withdrawn = asked[answers.findIndex((a) => a.status === 'reserved')].body.id;
    expect((await call(`${system.visitation.url}/bookings/${withdrawn}/cancel`, 'POST', undefined, await officer())).body.status).toBe('cancelled');
    await waitUntil(async () => (await availability()).freeUnits === 1, { what: 'the withdrawn session free again' });

    // The operator sees its bookings (no citizen in them) and records deliveries; another operator may not.
    const list = await call(`${system.offers.url}/offers/${offerId}/bookings?period=${MONTH}`, 'GET', undefined, manager);
    expect(list.status).toBe(200);
    expect(Object.keys(list.body.find((b: { bookingId: string }) => b.bookingId === first.body.id)).sort()).toEqual(
      ['actingMunicipality', 'bookingId', 'deliveredUnits', 'from', 'offerId', 'payingMunicipality', 'period', 'status', 'to', 'units']);
    expect((await call(`${system.offers.url}/offers/${offerId}/bookings`, 'GET', undefined, await as('manager-private'))).status).toBe(403);
    const deliver = async (bookingId: string, body: object, user = 'manager-aarhus') => call(`${system.offers.url}/offers/${offerId}/bookings/${bookingId}/deliveries`, 'POST', body, await as(user));
    expect((await deliver(first.body.id, { deliveredOn: TODAY, units: 2 }, 'manager-private')).status).toBe(403);
    expect(await deliver(first.body.id, { deliveredOn: TODAY, units: 7 })).toMatchObject({ status: 409, body: refusal('units', 'not-above-booked') });
    expect(await deliver(first.body.id, { deliveredOn: `${YEAR - 1}-01-15`, units: 1 })).toMatchObject({ status: 422, body: refusal('deliveredOn', 'within-booked-period') });
    expect((await deliver(first.body.id, { deliveredOn: 'yesterday', units: 1 })).status).toBe(400);
    expect((await deliver(first.body.id, { deliveredOn: TODAY, units: 2 })).body).toMatchObject({ deliveredUnits: 2, status: 'reserved' });
    expect((await deliver(first.body.id, { deliveredOn: TODAY, units: 4 })).body).toMatchObject({ deliveredUnits: 6, status: 'completed' });
    expect(await deliver(first.body.id, { deliveredOn: TODAY, units: 1 })).toMatchObject({ status: 409, body: { code: 'booking-reserved' } });
    await waitUntil(async () => (await call(`${system.visitation.url}/bookings/${first.body.id}`, 'GET', undefined, await officer())).body.status === 'completed', { what: 'the completed booking in visitation' });
    expect((await call(`${system.visitation.url}/bookings/${first.body.id}`, 'GET', undefined, await officer())).body.deliveredUnits).toBe(6);
    // A booking with delivered units is not withdrawn afterwards.
    expect((await call(`${system.visitation.url}/bookings/${first.body.id}/cancel`, 'POST', undefined, await officer())).status).toBe(409);

    // One more delivery on another booking, then the month close bills the three deliveries.
    const single = asked[answers.findIndex((a, i) => a.status === 'reserved' && asked[i].body.id !== withdrawn)].body.id;
    expect((await deliver(single, { deliveredOn: TODAY, units: 1 })).body.status).toBe('completed');
    const tariffsDb = system.tariffs.app.get(DataSource);
    await waitUntil(async () => (await tariffsDb.query('SELECT 1 FROM unit_deliveries')).length === 3, { what: 'three deliveries in tariffs' });
    const closed = await call(`${system.tariffs.url}/settlements/${MONTH}/close`, 'POST', {}, await as('admin'));
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ statements: 1, lines: 3, total: '5250.00', deliveriesBilled: 3, deliveriesWithoutUnitPrice: 0 });
    const payer = await as('officer-frederiksberg');
    const [statement] = (await call(`${system.tariffs.url}/settlements?month=${MONTH}`, 'GET', undefined, payer)).body.items;
    // (2 + 4 + 1) sessions × 750.00 kr = 5,250.00 kr, counted by hand.
    expect(statement).toMatchObject({ payingMunicipality: '0147', operator: 'municipality:0751', total: '5250.00' });
    expect(statement.lines.map((l: { kind: string; units: number; dayRate: string; amount: string }) => [l.kind, l.units, l.dayRate, l.amount]).sort()).toEqual([
      ['units', 1, '750.00', '750.00'], ['units', 2, '750.00', '1500.00'], ['units', 4, '750.00', '3000.00'],
    ]);
    const csv = await call(`${system.tariffs.url}/settlements/statements/${statement.id}/csv`, 'GET', undefined, payer);
    expect(csv.body).toContain('Enkeltydelse (leverede enheder)');
    // The next month's close finds nothing left to bill: each delivery is billed once.
    const next = new Date(Date.UTC(YEAR, Number(MONTH.slice(5)), 1)).toISOString().slice(0, 7);
    expect((await call(`${system.tariffs.url}/settlements/${next}/close`, 'POST', {}, await as('admin'))).body).toMatchObject({ deliveriesBilled: 0, total: '0.00' });
    // Efterregulering: the year's tariff income of a single service is its billed units (5,250.00),
    // so 6,000.00 kr. of cost is a deficit of 750.00, all of it within 5 % of the cost basis.
    const result = await call(`${system.tariffs.url}/offers/${offerId}/results/${YEAR}`, 'POST', { actualCost: '6000.00' }, await as('manager-aarhus'));
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ actualIncome: '5250.00', actualCost: '6000.00', result: '-750.00', intoNextYear: { year: YEAR + 1, amount: '750.00' } });

    // Every event of the saga is free of personal data.
    const sent = JSON.stringify(events.messages.filter((m) => m.topic === Topics.booking || m.topic === Topics.reservation));
    expect(sent).toContain('BookingRequested');
    expect(sent).not.toMatch(/Sofie|Sessionsen|0101801234/);
  } finally {
    await events.stop();
  }
});

it('ends a booking whose period is over with its unused units, and ends a request offers never answers', async () => {
  const offerId = await registerSessions();
  await waitUntil(async () => (await call(`${system.visitation.url}/offers?limit=200&kind=sessions`, 'GET', undefined, await officer())).body.items.some((o: { offerId: string }) => o.offerId === offerId), { what: 'the offer in search' });
  const caseId = await openCase();
  const booked = await book(caseId, offerId, 3);
  expect(await settled(booked.body.id)).toMatchObject({ status: 'reserved' });
  await call(`${system.offers.url}/offers/${offerId}/bookings/${booked.body.id}/deliveries`, 'POST', { deliveredOn: TODAY, units: 1 }, await as('manager-aarhus'));
  // The offers job, run as on the first day after the month (it ends the earlier test's open bookings too).
  const afterMonth = new Date(Date.UTC(YEAR, Number(MONTH.slice(5)), 1, 12));
  const lastDay = new Date(afterMonth.getTime() - 86_400_000);
  expect(await system.offers.app.get(UnitBookings).completeEnded(lastDay)).toBe(0);
  expect(await system.offers.app.get(UnitBookings).completeEnded(afterMonth)).toBeGreaterThanOrEqual(1);
  await waitUntil(async () => (await call(`${system.visitation.url}/bookings/${booked.body.id}`, 'GET', undefined, await officer())).body.status === 'completed', { what: 'the ended booking in visitation' });
  expect((await call(`${system.offers.url}/offers/${offerId}/units/${MONTH}`, 'GET', undefined, await officer())).body).toMatchObject({ bookedUnits: 1, deliveredUnits: 1, freeUnits: 9 });

  // A citizen placed under § 108 may be granted the § 85 service: the booking is made under the offer's paragraph.
  const placedCitizen = await book(await openCase('108'), offerId, 1);
  expect(await settled(placedCitizen.body.id)).toMatchObject({ status: 'reserved' });
  expect((await call(`${system.visitation.url}/bookings/${placedCitizen.body.id}`, 'GET', undefined, await officer())).body.paragraph).toBe('85');
  await call(`${system.visitation.url}/bookings/${placedCitizen.body.id}/cancel`, 'POST', undefined, await officer());
  // Periods the offer does not count in, or that are over, are refused at once, naming the field.
  const week = periodOf(TODAY, 'week');
  expect(await book(caseId, offerId, 1, week)).toMatchObject({ status: 400, body: refusal('period', 'period-as-offer-counts') });
  expect(await book(caseId, offerId, 1, '2020-01')).toMatchObject({ status: 422, body: refusal('period', 'not-over') });
  // Visitation's job ends a request still unanswered after its time. To have one, the answer to this
  // request is taken back in visitation's table as if it had never arrived, a day ago.
  const visitationDb = system.visitation.app.get(DataSource);
  const waiting = await book(caseId, offerId, 1);
  expect(await settled(waiting.body.id)).toMatchObject({ status: 'reserved' });
  await visitationDb.query(`UPDATE bookings SET status = 'requested', requested_at = now() - interval '1 day' WHERE id = $1`, [waiting.body.id]);
  expect(await system.visitation.app.get(BookingSaga).timeOutUnanswered()).toBe(1);
  expect((await call(`${system.visitation.url}/bookings/${waiting.body.id}`, 'GET', undefined, await officer())).body.status).toBe('timed-out');
  // The time-out reaches offers as a cancellation: the unit is free again.
  await waitUntil(async () => (await call(`${system.offers.url}/offers/${offerId}/units/${MONTH}`, 'GET', undefined, await officer())).body.freeUnits === 9, { what: 'the timed-out unit free again' });
});
