import type { INestApplication } from '@nestjs/common';
import { createEvent, loadExampleEvent, Topics, type EventOf, type NewEvent, type OfferSnapshot, type EventType } from '@tilbudsnet/contracts';
import { topicOf, topicOwner } from '@tilbudsnet/contracts';
import type { BusProducer } from '@tilbudsnet/messaging';
import { createTestDatabase, EventCollector, testBus, testKafkaBrokers, uniqueGroupId, waitUntil, type TestDatabase } from '@tilbudsnet/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createNotificationsApp } from '../main';
import { HandlingEarlyWarnings } from '../early-warnings/handling-early-warnings';
import { ProtectingOffers } from '../protected-offers/protecting-offers';
import { needRows } from '../need-and-capacity/need-store';
import { RunningSupplyRules } from './running-supply-rules';
import { saveThresholds } from './supply-thresholds';

/**
 * Each supply rule fed a scripted sequence of events on real Kafka into the real service, then
 * evaluated at a chosen moment: it fires at its threshold and stays silent just below it.
 */
let app: INestApplication;
let db: TestDatabase;
let producer: BusProducer;
let risks: EventCollector;
const cause = { correlationId: randomUUID(), causationId: randomUUID() };

beforeAll(async () => {
  process.env.KAFKA_BROKERS = await testKafkaBrokers();
  db = await createTestDatabase('supply_rules');
  process.env.NOTIFICATIONS_DATABASE_URL = db.url;
  process.env.NOTIFICATIONS_JOB_INTERVAL_MS = '0';
  process.env.DELIVERY_INTERVAL_MS = '0';
  app = await createNotificationsApp({ consumerGroup: uniqueGroupId('supply-rules'), sessionTimeoutMs: 6000 });
  await app.startAllMicroservices();
  await app.init();
  const bus = await testBus('supply-rules');
  producer = await bus.producer();
  risks = await new EventCollector(bus, [Topics.supply, Topics.earlyWarning]).start();
});

afterAll(async () => {
  await risks?.stop();
  await producer?.disconnect();
  await app?.close();
  await db?.drop();
});

const versions = new Map<string, number>();
/** Publishes as the owning service would; returns the event's id. */
async function publish<T extends EventType>(type: T, aggregateId: string, payload: NewEvent<T>['payload'], at: string): Promise<string> {
  const version = (versions.get(aggregateId) ?? 0) + 1;
  versions.set(aggregateId, version);
  const event = createEvent(topicOwner(topicOf(type)), { type, aggregateId, aggregateVersion: version, payload } as NewEvent<T>, cause, new Date(at)); // as the owning service would
  await producer.send([{ topic: topicOf(type), messages: [{ key: aggregateId, value: JSON.stringify(event) }] }]);
  return event.eventId;
}

/** The contract's example offer, moved to the scenario's region, target group and figures. */
function snapshot(offerId: string, region: string, targetGroup: string, approved: number, occupied: number, budgetedOccupancyPct = 90): OfferSnapshot {
  return {
    ...loadExampleEvent('OfferRegistered').payload.offer, offerId, name: `Scriptbo ${offerId.slice(0, 4)}`, regionCode: region, targetGroups: [targetGroup],
    paragraphs: [{ paragraph: '108', approvedPlaces: approved }], budgetedOccupancyPct, lastConfirmedAt: null,
    capacity: { approvedPlaces: approved, occupiedPlaces: occupied, reservedPlaces: 0, vacantPlaces: approved - occupied },
  };
}

const capacity = (offerId: string, approved: number, occupied: number): EventOf<'CapacityChanged'>['payload'] => ({
  offerId, capacity: { approvedPlaces: approved, occupiedPlaces: occupied, reservedPlaces: 0, vacantPlaces: approved - occupied },
  paragraphs: [{ paragraph: '108', approvedPlaces: approved }], reason: 'placement-started',
});

const evaluate = (region: string, asOf: string) => app.get(RunningSupplyRules).evaluateAll(new Date(asOf), cause, [region]);
const query = (sql: string, params: unknown[] = []) => app.get(DataSource).query(sql, params);

it('low occupancy: fires after three month-ends below the budgeted percentage, not after two', async () => {
  const low = randomUUID();
  const recovered = randomUUID();
  for (const id of [low, recovered]) {
    await publish('OfferRegistered', id, { offer: snapshot(id, '1081', 'autism', 10, 0) }, '2026-07-15T08:00:00Z');
    await publish('CapacityChanged', id, capacity(id, 10, 8), '2026-07-20T08:00:00Z'); // 80 % < 90 %
  }
  await publish('CapacityChanged', recovered, capacity(recovered, 10, 9), '2026-10-10T08:00:00Z'); // 90 %: not below at October's end
  await waitUntil(async () => (await query('SELECT count(*)::int AS n FROM n_capacity_history WHERE offer_id = ANY($1::uuid[])', [[low, recovered]]))[0].n === 5, { what: 'the history' });

  const fired = await evaluate('1081', '2026-11-05T00:00:00Z');
  expect(fired).toEqual([expect.objectContaining({ rule: 'low-occupancy', offerId: low, figures: expect.objectContaining({ monthsBelow: 3, 'occupancyPct:2026-10': 80 }) })]);
  // Once per open warning: evaluating again raises nothing new.
  expect(await evaluate('1081', '2026-11-06T00:00:00Z')).toEqual([]);
  await risks.waitFor((ms) => ms.some((m) => m.value?.includes('"SupplyRiskDetected"') && m.value.includes(low)), 20000, 'SupplyRiskDetected on Kafka');
  const [warning] = await query("SELECT * FROM early_warnings WHERE offer_id = $1", [low]);
  expect(warning).toMatchObject({ source: 'rule', rule: 'low-occupancy', status: 'raised', category: 'economic', region_code: '1081' });
});

it('waiting list without vacancy: fires on the day the streak reaches the region\'s threshold, not the day before', async () => {
  const offer = randomUUID();
  await publish('OfferRegistered', offer, { offer: snapshot(offer, '1083', 'deafblindness', 2, 0) }, '2026-09-01T08:00:00Z');
  await publish('CapacityChanged', offer, capacity(offer, 2, 2), '2026-09-10T08:00:00Z'); // no vacancy from here
  const entry = randomUUID();
  await publish('WaitlistEntryAdded', entry, { entryId: entry, targetGroup: 'deafblindness', paragraph: '108', regionCode: '1083', actingMunicipality: '0461' }, '2026-10-01T00:00:00Z');
  await waitUntil(async () => (await query('SELECT count(*)::int AS n FROM n_waitlist WHERE entry_id = $1', [entry]))[0].n === 1, { what: 'the waiting entry' });
  // The capacity change comes on another topic than the waiting entry: no order between them, so wait for it too.
  const vacancyRow = () => query("SELECT zero_since FROM n_region_vacancy WHERE region_code = '1083' AND target_group = 'deafblindness'");
  await waitUntil(async () => (await vacancyRow())[0]?.zero_since != null, { what: 'the region without vacancy' });
  const [vacancy] = await vacancyRow();
  expect(new Date(vacancy.zero_since).toISOString()).toBe('2026-09-10T08:00:00.000Z');

  await query("INSERT INTO supply_thresholds VALUES ('1083', 3, 20, 0)"); // Syddanmark's own threshold: 20 days
  expect(await evaluate('1083', '2026-10-20T23:59:59Z')).toEqual([]);
  expect(await evaluate('1083', '2026-10-21T00:00:00Z')).toEqual([
    expect.objectContaining({ rule: 'waitlist-without-vacancy', regionCode: '1083', targetGroup: 'deafblindness', figures: { waiting: 1, daysWithoutVacancy: 20 } }),
  ]);
});

it('closures exceeding capacity: silent while capacity after the closure equals demand, fires when one more citizen waits', async () => {
  const staying = randomUUID();
  const closing = randomUUID();
  await publish('OfferRegistered', staying, { offer: snapshot(staying, '1085', 'severe-eating-disorder', 6, 0) }, '2026-10-01T08:00:00Z');
  await publish('OfferRegistered', closing, { offer: snapshot(closing, '1085', 'severe-eating-disorder', 4, 0) }, '2026-10-01T08:00:00Z');
  // Five citizens live in the two offers; one waits. Demand 6.
  for (const [i, offerId] of [staying, staying, staying, closing, closing].entries()) {
    const placementId = randomUUID();
    await publish('PlacementRequested', placementId, {
      placementId, offerId, paragraph: '108', targetGroup: 'severe-eating-disorder', actingMunicipality: '0265', payingMunicipality: '0265', startDate: '2026-10-05',
    }, `2026-10-02T08:0${i}:00Z`);
    await publish('PlacementStarted', placementId, {
      placementId, offerId, actingMunicipality: '0265', payingMunicipality: '0265', startDate: '2026-10-05', packageCode: 'base',
    }, `2026-10-05T08:0${i}:00Z`);
  }
  const first = randomUUID();
  await publish('WaitlistEntryAdded', first, { entryId: first, targetGroup: 'severe-eating-disorder', paragraph: '108', regionCode: '1085', actingMunicipality: '0265' }, '2026-10-06T00:00:00Z');
  await waitUntil(async () => (await query("SELECT count(*)::int AS n FROM n_placements WHERE status = 'started' AND target_group = 'severe-eating-disorder'"))[0].n === 5, { what: 'the placements' });
  await waitUntil(async () => (await query('SELECT count(*)::int AS n FROM n_waitlist WHERE entry_id = $1', [first]))[0].n === 1, { what: 'the waiting entry' });

  // 10 places - 4 closing = 6 = 5 occupied + 1 waiting: not less, no warning.
  await publish('OfferClosureAnnounced', closing, { offerId: closing, effectiveDate: '2027-03-01', placementsAffected: 2 }, '2026-11-02T08:00:00Z');
  await waitUntil(async () => (await query('SELECT closure_date FROM n_offers WHERE offer_id = $1', [closing]))[0].closure_date !== null, { what: 'the closure' });
  expect(await query("SELECT * FROM early_warnings WHERE rule = 'closures-exceed-capacity'")).toEqual([]);
  expect(await evaluate('1085', '2026-11-10T00:00:00Z')).toEqual([]);

  const second = randomUUID();
  await publish('WaitlistEntryAdded', second, { entryId: second, targetGroup: 'severe-eating-disorder', paragraph: '108', regionCode: '1085', actingMunicipality: '0265' }, '2026-11-11T00:00:00Z');
  await waitUntil(async () => (await query('SELECT count(*)::int AS n FROM n_waitlist WHERE entry_id = $1', [second]))[0].n === 1, { what: 'the second waiting entry' });
  expect(await evaluate('1085', '2026-11-12T00:00:00Z')).toEqual([
    expect.objectContaining({ rule: 'closures-exceed-capacity', figures: expect.objectContaining({ capacityAfter: 6, demand: 7 }) }),
  ]);
  // The secretariat of Sjælland and the municipality with citizens there got the warning in their inbox.
  const recipients = await query("SELECT DISTINCT e.recipient FROM inbox_entries e JOIN notices n ON n.id = e.notice_id WHERE n.kind = 'early-warning' AND n.data->>'regionCode' = '1085' ORDER BY 1");
  expect(recipients.map((r: { recipient: string }) => r.recipient)).toEqual(['municipality:0265', 'region:1085']);
});

it('forecast gap (kapacitets- og behovsopgørelse): the forecast need from starts and stays, silent at the region\'s threshold, fires above it', async () => {
  const offerId = randomUUID();
  await publish('OfferRegistered', offerId, { offer: snapshot(offerId, '1081', 'severe-hearing-impairment', 3, 0) }, '2024-10-01T08:00:00Z');
  // One citizen a month for the last 12 of the 24 months before 10 November 2026; the first five moved out on 5 May 2026.
  const starts = Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(2025, 10 + i, 5)).toISOString().slice(0, 10));
  for (const [i, startDate] of starts.entries()) {
    const placementId = randomUUID();
    await publish('PlacementRequested', placementId, {
      placementId, offerId, paragraph: '108', targetGroup: 'severe-hearing-impairment', actingMunicipality: '0851', payingMunicipality: '0851', startDate,
    }, `${startDate}T07:00:00Z`);
    await publish('PlacementStarted', placementId, { placementId, offerId, actingMunicipality: '0851', payingMunicipality: '0851', startDate, packageCode: 'base' }, `${startDate}T08:00:00Z`);
    if (i < 5) await publish('PlacementEnded', placementId, { placementId, offerId, endDate: '2026-05-05' }, '2026-05-05T08:00:00Z');
  }
  await waitUntil(async () => (await query("SELECT count(*)::int AS n FROM n_placements WHERE target_group = 'severe-hearing-impairment' AND started_on IS NOT NULL"))[0].n === 12
    && (await query("SELECT count(*)::int AS n FROM n_placements WHERE target_group = 'severe-hearing-impairment' AND ended_on IS NOT NULL"))[0].n === 5, { what: 'the placements' });
  // By hand: λ = 1 − 0.7^12 = 0.986 a month (12 months of none, then 12 of one); W = mean of 181, 151, 120, 89, 61 days
  // = 120.4 days = 3.96 months; need = ceil(0.986 × 3.96 + 0 waiting) = 4 places; 3 approved: a gap of 1.
  const row = (await needRows(app.get(DataSource).manager, '1081', 2027, new Date('2026-11-10T00:00:00Z'))).find((r) => r.targetGroup === 'severe-hearing-impairment');
  expect(row).toMatchObject({ targetGroup: 'severe-hearing-impairment', forecast: { monthlyInflow: 1, meanStayMonths: 4, stayBasis: 'completed', placesNeeded: 4, placesAvailable: 3, gap: 1 } });
  await saveThresholds(app.get(DataSource).manager, '1081', { lowOccupancyMonths: 3, noVacancyDays: 30, closureMarginPlaces: 0, forecastGapPlaces: 1 });
  expect((await evaluate('1081', '2026-11-10T00:00:00Z')).filter((f) => f.rule === 'forecast-gap')).toEqual([]);
  await saveThresholds(app.get(DataSource).manager, '1081', { lowOccupancyMonths: 3, noVacancyDays: 30, closureMarginPlaces: 0, forecastGapPlaces: 0 });
  expect((await evaluate('1081', '2026-11-10T00:00:00Z')).filter((f) => f.rule === 'forecast-gap')).toEqual([
    expect.objectContaining({ rule: 'forecast-gap', regionCode: '1081', targetGroup: 'severe-hearing-impairment', figures: expect.objectContaining({ placesNeeded: 4, placesAvailable: 3, gap: 1 }) }),
  ]);
  await risks.waitFor((ms) => ms.some((m) => (m.value ?? '').includes('"rule":"forecast-gap"') && (m.value ?? '').includes('SupplyRiskDetected')), 20000, 'SupplyRiskDetected for the forecast gap');
});

describe('protected highly specialised offers (styrket samarbejde)', () => {
  const secretariat = { sub: 'kkr-nordjylland', name: 'KKR Nordjylland', role: 'kkr-secretariat', organisation: { kind: 'region', code: '1081' } } as const;
  const riskEvents = () => risks.events<{ type: string; payload: { rule: string; offerId?: string; figures: Record<string, number> } }>().filter((e) => e.type === 'SupplyRiskDetected');

  it('warns the secretariat and the operator when another offer in the region gets places for the same target group and paragraph, and when a municipality keeps fewer placements than agreed', async () => {
    const guarded = randomUUID();
    await publish('OfferRegistered', guarded, { offer: snapshot(guarded, '1081', 'acquired-brain-injury', 20, 0) }, '2026-10-01T08:00:00Z');
    const placementId = randomUUID();
    await publish('PlacementRequested', placementId, {
      placementId, offerId: guarded, actingMunicipality: '0851', payingMunicipality: '0851', targetGroup: 'acquired-brain-injury', paragraph: '108', startDate: '2026-10-05',
    }, '2026-10-04T08:00:00Z');
    await publish('PlacementStarted', placementId, {
      placementId, offerId: guarded, actingMunicipality: '0851', payingMunicipality: '0851', startDate: '2026-10-05', packageCode: 'base',
    }, '2026-10-05T08:00:00Z');
    await waitUntil(async () => (await query("SELECT count(*)::int AS n FROM n_placements WHERE offer_id = $1 AND status = 'started'", [guarded]))[0].n === 1, { what: 'the placement' });

    // Aalborg agreed to keep 1 placement and keeps 1; Hjørring agreed to 2 and keeps none: only Hjørring is warned about.
    const view = await app.get(ProtectingOffers).protect(secretariat as never, guarded, 'acquired-brain-injury', {
      decidedOn: '2026-06-15', agreementReference: 'Rammeaftale 2027-28, bilag 3', agreedShares: [{ municipality: '0851', placements: 1 }, { municipality: '0860', placements: 2 }],
    }, cause);
    expect(view.shares).toEqual([{ municipality: '0851', agreed: 1, actual: 1 }, { municipality: '0860', agreed: 2, actual: 0 }]);
    await waitUntil(() => riskEvents().some((e) => e.payload.rule === 'protected-offer-below-share' && e.payload.offerId === guarded), { what: 'the share warning on Kafka' });
    expect(riskEvents().filter((e) => e.payload.rule === 'protected-offer-below-share' && e.payload.offerId === guarded).map((e) => e.payload.figures))
      .toEqual([{ agreedPlacements: 2, actualPlacements: 0, missing: 2 }]);

    // A competitor for the same group and paragraph in the region: warned, with the figures. One under another paragraph: not.
    const competitor = randomUUID();
    const elsewhere = randomUUID();
    await publish('OfferRegistered', elsewhere, { offer: { ...snapshot(elsewhere, '1081', 'acquired-brain-injury', 6, 0), paragraphs: [{ paragraph: '107', approvedPlaces: 6 }] } }, '2026-11-02T08:00:00Z');
    await publish('OfferRegistered', competitor, { offer: snapshot(competitor, '1081', 'acquired-brain-injury', 8, 0) }, '2026-11-02T09:00:00Z');
    await waitUntil(() => riskEvents().some((e) => e.payload.rule === 'protected-offer-competition' && e.payload.offerId === guarded), { what: 'the competition warning on Kafka' });
    // It grows again while the warning is open: no second warning for the same competitor.
    await publish('CapacityChanged', competitor, capacity(competitor, 10, 0), '2026-11-03T08:00:00Z');
    await waitUntil(async () => (await query('SELECT approved FROM n_offers WHERE offer_id = $1', [competitor]))[0]?.approved === 10, { what: 'the growth' });
    const competition = riskEvents().filter((e) => e.payload.rule === 'protected-offer-competition' && e.payload.offerId === guarded);
    expect(competition.map((e) => e.payload.figures)).toEqual([{ addedPlaces: 8, competitorApprovedAfter: 8, protectedApproved: 20, protectedOccupied: 0 }]);

    const warnings = await query("SELECT rule, offer_id, region_code FROM early_warnings WHERE offer_id = $1 ORDER BY rule", [guarded]);
    expect(warnings).toEqual([
      { rule: 'protected-offer-below-share', offer_id: guarded, region_code: '1081' },
      { rule: 'protected-offer-competition', offer_id: guarded, region_code: '1081' },
    ]);
    // The operator reads them (Aarhus Kommune operates the contract's example offer), a stranger does not.
    const operator = { sub: 'manager-aarhus', name: 'Aarhus', role: 'offer-manager', organisation: { kind: 'operator', operatorKind: 'municipality', id: '0751' } };
    const seen = await app.get(HandlingEarlyWarnings).list(operator as never, {});
    expect(seen.filter((w) => w.offerId === guarded).map((w) => w.rule).sort()).toEqual(['protected-offer-below-share', 'protected-offer-competition']);
    const listed = await app.get(ProtectingOffers).list(operator as never);
    expect(listed.map((p) => [p.offerId, p.agreementReference])).toEqual([[guarded, 'Rammeaftale 2027-28, bilag 3']]);
    const stranger = { ...operator, organisation: { kind: 'operator', operatorKind: 'private', id: '12345678' } };
    expect((await app.get(HandlingEarlyWarnings).list(stranger as never, {})).filter((w) => w.offerId === guarded)).toEqual([]);
  });
});

it('a reservation that ran out while the officer confirmed does not undo the start, whichever of the two comes first', async () => {
  // Offers expires a hold at its deadline; visitation confirms a placement it still sees reserved.
  // The two events travel on different topics, so notifications may read them in either order.
  const offerId = randomUUID();
  await publish('OfferRegistered', offerId, { offer: snapshot(offerId, '1082', 'autism', 4, 0) }, '2026-10-01T08:00:00Z');
  const [startedFirst, expiredFirst] = [randomUUID(), randomUUID()];
  const ids: string[] = [];
  for (const placementId of [startedFirst, expiredFirst]) {
    ids.push(await publish('PlacementRequested', placementId, {
      placementId, offerId, paragraph: '108', targetGroup: 'autism', actingMunicipality: '0751', payingMunicipality: '0751', startDate: '2026-10-05',
    }, '2026-10-02T08:00:00Z'));
  }
  const started = (placementId: string) => publish('PlacementStarted', placementId, {
    placementId, offerId, actingMunicipality: '0751', payingMunicipality: '0751', startDate: '2026-10-05', packageCode: 'base',
  }, '2026-10-05T08:00:00Z');
  const expired = (placementId: string) => publish('ReservationExpired', placementId, { placementId, offerId }, '2026-10-05T08:00:01Z');
  ids.push(await started(startedFirst), await expired(startedFirst));
  ids.push(await expired(expiredFirst), await started(expiredFirst));
  await waitUntil(async () => (await query('SELECT count(*)::int AS n FROM messaging_inbox WHERE event_id = ANY($1::uuid[])', [ids]))[0].n === ids.length, { what: 'every event applied' });

  const status = async (id: string) => (await query('SELECT status FROM n_placements WHERE placement_id = $1', [id]))[0]?.status;
  expect(await status(startedFirst)).toBe('started');
  expect(await status(expiredFirst)).toBe('started');
});
