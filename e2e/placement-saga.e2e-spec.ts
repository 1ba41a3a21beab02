import { ALL_TOPICS, deadLetterTopic, Topics } from '@tilbudsnet/contracts';
import { EventCollector, testBus, waitUntil } from '@tilbudsnet/testing';
import { DataSource } from 'typeorm';
import { PlacementJobs } from '@tilbudsnet/visitation/src/placements/placement-jobs';
import { offerRequest } from './support/demo-offer';
import { call, startSystem, type RunningSystem } from './support/running-system';

/**
 * The placement saga across visitation and offers on real Kafka and PostgreSQL. Every byte the
 * services print is captured, and at the end every message on every topic is read, to show that no
 * CPR number and no citizen name left visitation.
 */
let system: RunningSystem;
const PURPOSE = { 'x-purpose': 'visitation til botilbud' };
const CITIZENS = [
  { cpr: '0311854477', name: 'Karen Privatsen' },
  { cpr: '1407927781', name: 'Mikkel Hemmeligsen' },
  { cpr: '2902004123', name: 'Asta Fortroligsdatter' },
  { cpr: '0512887710', name: 'Ole Diskretsen' },
];
const printed: string[] = [];
const originalWrite = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };

beforeAll(async () => {
  process.stdout.write = ((chunk: unknown, ...rest: unknown[]) => { printed.push(String(chunk)); return originalWrite.out(chunk as never, ...(rest as [])); }) as never;
  process.stderr.write = ((chunk: unknown, ...rest: unknown[]) => { printed.push(String(chunk)); return originalWrite.err(chunk as never, ...(rest as [])); }) as never;
  process.env.PLACEMENT_REQUEST_TIMEOUT_MS = '60000';
  process.env.LOG_LEVEL = 'info'; // the privacy scan reads every log line
  system = await startSystem('saga');
});

afterAll(async () => {
  process.stdout.write = originalWrite.out as never;
  process.stderr.write = originalWrite.err as never;
  await system?.stop();
});

const officer = async () => ({ ...(await system.identity.authFor('officer-koebenhavn')), ...PURPOSE });
const visitation = async (method: string, path: string, body?: unknown) => call(`${system.visitation.url}${path}`, method, body, await officer());
const offerCapacity = async (id: string) =>
  (await call(`${system.offers.url}/offers/${id}`, 'GET', undefined, await system.identity.authFor('officer-koebenhavn'))).body.capacity;

async function newOffer(places: number): Promise<string> {
  const r = await call(`${system.offers.url}/offers`, 'POST', offerRequest({ name: 'Saga', paragraphs: [{ paragraph: '108', approvedPlaces: places }] }),
    await system.identity.authFor('manager-aarhus'));
  await waitUntil(async () => (await visitation('GET', '/offers?limit=200')).body.items.some((o: { offerId: string }) => o.offerId === r.body.offerId), { what: 'the offer in the catalogue' });
  return r.body.offerId;
}

async function openCase(citizen: { cpr: string; name: string }): Promise<string> {
  const r = await visitation('POST', '/cases', {
    ...citizen, payingMunicipality: '0147', notes: `Fortrolig note om ${citizen.name}`,
    needs: { targetGroups: ['autism'], paragraph: '108', supportLevel: 'high', preferredRegion: '1082' },
  });
  expect(r.status).toBe(201);
  return r.body.id;
}

async function statusOf(placementId: string): Promise<string> {
  return (await visitation('GET', `/placements/${placementId}`)).body.status;
}

async function request(caseId: string, offerId: string): Promise<string> {
  const r = await visitation('POST', `/cases/${caseId}/placements`, { offerId, startDate: '2026-12-01' });
  expect(r.status).toBe(201);
  return r.body.id;
}

let fullOffer: string;
let firstPlacement: string;

it('reserves, then starts a placement on confirmation; the offer\'s vacancy drops by one, and ending frees it', async () => {
  fullOffer = await newOffer(1);
  const caseId = await openCase(CITIZENS[0]);
  firstPlacement = await request(caseId, fullOffer);
  await waitUntil(async () => (await statusOf(firstPlacement)) === 'reserved', { what: 'the reservation' });
  expect(await offerCapacity(fullOffer)).toEqual({ approvedPlaces: 1, occupiedPlaces: 0, reservedPlaces: 1, vacantPlaces: 0 });

  const started = await visitation('POST', `/placements/${firstPlacement}/confirm`);
  expect(started.body).toMatchObject({ status: 'started', actingMunicipality: '0101', payingMunicipality: '0147', reviewDate: '2027-06-01' });
  await waitUntil(async () => (await offerCapacity(fullOffer)).occupiedPlaces === 1, { what: 'occupancy in offers' });
  expect(await offerCapacity(fullOffer)).toEqual({ approvedPlaces: 1, occupiedPlaces: 1, reservedPlaces: 0, vacantPlaces: 0 });
});

it('rejects a request to the full offer and puts the case on the waiting list; when the place opens, the match is announced', async () => {
  const waitlist = await new EventCollector(await testBus('saga-waitlist'), [Topics.waitlist], true).start();
  try {
    const caseId = await openCase(CITIZENS[1]);
    const placementId = await request(caseId, fullOffer);
    await waitUntil(async () => (await statusOf(placementId)) === 'rejected', { what: 'the rejection' });
    expect((await visitation('GET', `/placements/${placementId}`)).body.reason).toMatch(/no vacant place/);
    const entries = (await visitation('GET', '/waitlist')).body.items.filter((e: { caseId: string }) => e.caseId === caseId);
    expect(entries).toEqual([expect.objectContaining({ status: 'waiting', targetGroup: 'autism', paragraph: '108', regionCode: '1082' })]);

    // The first citizen moves out: the place opens, and the waiting case is told.
    expect((await visitation('POST', `/placements/${firstPlacement}/end`, { endDate: '2027-01-31' })).body.status).toBe('ended');
    await waitUntil(async () => (await offerCapacity(fullOffer)).vacantPlaces === 1, { what: 'the freed place' });
    await waitlist.waitFor((ms) => ms.some((m) => JSON.parse(m.value ?? '{}').type === 'WaitlistMatchFound'), 30000, 'WaitlistMatchFound');
    const match = waitlist.events<{ type: string; payload: any }>().find((e) => e.type === 'WaitlistMatchFound')!;
    expect(match.payload).toMatchObject({ entryId: entries[0].id, offerId: fullOffer, actingMunicipality: '0101' });
    expect((await visitation('GET', '/waitlist')).body.items.find((e: { id: string }) => e.id === entries[0].id))
      .toMatchObject({ status: 'matched', matchedOfferId: fullOffer });

    // The waiting case takes the place: it leaves the waiting list, and the statistics hear of it.
    const second = await request(caseId, fullOffer);
    await waitUntil(async () => (await statusOf(second)) === 'reserved', { what: 'the waiting case\'s reservation' });
    expect((await visitation('POST', `/placements/${second}/confirm`)).body.status).toBe('started');
    expect((await visitation('GET', '/waitlist')).body.items.some((e: { id: string }) => e.id === entries[0].id)).toBe(false);
    await waitlist.waitFor((ms) => ms.some((m) => JSON.parse(m.value ?? '{}').type === 'WaitlistEntryRemoved'), 30000, 'WaitlistEntryRemoved');
    expect(waitlist.events<{ type: string; payload: any }>().find((e) => e.type === 'WaitlistEntryRemoved')!.payload).toEqual({ entryId: entries[0].id, reason: 'placed' });
  } finally {
    await waitlist.stop();
  }
});

it('ends a request offers never answered by timeout, and leaves nothing reserved once offers is back', async () => {
  const offerId = await newOffer(3);
  const caseId = await openCase(CITIZENS[2]);
  await system.stopOffers();
  // Search still answers from visitation's own catalogue while offers is down.
  expect((await visitation('GET', '/offers?limit=200')).body.items.some((o: { offerId: string }) => o.offerId === offerId)).toBe(true);
  const placementId = await request(caseId, offerId);
  await system.visitation.app.get(PlacementJobs).runOnce(new Date(Date.now() + 61_000));
  const timedOut = (await visitation('GET', `/placements/${placementId}`)).body;
  expect(timedOut).toMatchObject({ status: 'timed-out', reason: expect.stringContaining('svarede ikke') });

  await system.restartOffers();
  // Offers now reads the request and, behind it, the cancellation: the late hold is released.
  await waitUntil(async () => {
    const [row] = await system.offers.app.get(DataSource).query('SELECT status FROM placement_holds WHERE placement_id = $1', [placementId]);
    return row?.status === 'released';
  }, { timeoutMs: 30000, what: 'the late hold to be released' });
  expect(await offerCapacity(offerId)).toEqual({ approvedPlaces: 3, occupiedPlaces: 0, reservedPlaces: 0, vacantPlaces: 3 });
  expect(await statusOf(placementId)).toBe('timed-out');
});

it('flags a started placement for re-placement in the worklist when its offer announces a closure', async () => {
  const offerId = await newOffer(2);
  const caseId = await openCase(CITIZENS[0]);
  const placementId = await request(caseId, offerId);
  await waitUntil(async () => (await statusOf(placementId)) === 'reserved', { what: 'the reservation' });
  await visitation('POST', `/placements/${placementId}/confirm`);
  await waitUntil(async () => (await offerCapacity(offerId)).occupiedPlaces === 1, { what: 'occupancy in offers' });
  const earliest = (await call(`${system.offers.url}/offers/${offerId}/closure`, 'POST', { effectiveDate: '2000-01-03' }, await system.identity.authFor('manager-aarhus'))).body.earliestAllowedDate;
  const announced = await call(`${system.offers.url}/offers/${offerId}/closure`, 'POST', { effectiveDate: earliest }, await system.identity.authFor('manager-aarhus'));
  expect(announced.status).toBe(200);
  await waitUntil(async () => (await visitation('GET', '/worklist')).body.replacements.some((p: { id: string }) => p.id === placementId), { what: 'the re-placement in the worklist' });
  const flagged = (await visitation('GET', '/worklist')).body.replacements.find((p: { id: string }) => p.id === placementId);
  expect(flagged).toMatchObject({ needsReplacementFrom: earliest, offerId, status: 'started' });
});

it('opens a case with its placement request in one step; a refused request leaves no case, and no CPR number, behind', async () => {
  const citizen = CITIZENS[3];
  const body = (offerId: string) => ({
    ...citizen, notes: `Fortrolig note om ${citizen.name}`,
    needs: { targetGroups: ['autism'], paragraph: '108', supportLevel: 'medium' }, placement: { offerId, startDate: '2026-12-01' },
  });
  const casesOf = async () => (await visitation('POST', '/cases/find-by-cpr', { cpr: citizen.cpr })).body.items;

  const refused = await visitation('POST', '/cases', body('00000000-0000-4000-8000-000000000000'));
  expect(refused.status).toBe(422);
  expect(refused.body.violations[0]).toMatchObject({ field: 'placement.offerId', rule: 'offer-in-catalogue' });
  expect(await casesOf()).toEqual([]);

  const offerId = await newOffer(2);
  const opened = await visitation('POST', '/cases', body(offerId));
  expect(opened.status).toBe(201);
  expect(opened.body.placement).toMatchObject({ caseId: opened.body.id, offerId, status: 'requested', startDate: '2026-12-01' });
  expect((await casesOf()).map((c: { id: string }) => c.id)).toEqual([opened.body.id]);
  await waitUntil(async () => (await statusOf(opened.body.placement.id)) === 'reserved', { what: 'the reservation' });
});

it('sent no CPR number, name or case note over Kafka, and printed none in any log line', async () => {
  const everything = await new EventCollector(await testBus('privacy-scan'), [...ALL_TOPICS, ...ALL_TOPICS.map(deadLetterTopic)], true).start();
  try {
    await everything.waitFor((ms) => ms.some((m) => m.topic === Topics.waitlist) && ms.some((m) => m.topic === Topics.placement), 30000, 'the run\'s messages');
    await new Promise((r) => setTimeout(r, 1000));
    const onKafka = everything.messages.map((m) => `${m.key} ${m.value} ${JSON.stringify(m.headers)}`).join('\n');
    // The scan saw the whole saga, so its silence on personal data means something.
    const types = new Set(everything.events<{ type: string }>().map((e) => e.type));
    for (const type of ['PlacementRequested', 'PlaceReserved', 'ReservationRejected', 'PlacementStarted', 'PlacementEnded', 'PlacementCancelled', 'WaitlistEntryAdded', 'WaitlistMatchFound', 'WaitlistEntryRemoved', 'OfferClosureAnnounced']) {
      expect(types).toContain(type);
    }
    const logs = printed.join('');
    for (const citizen of CITIZENS) {
      for (const secret of [citizen.cpr, `${citizen.cpr.slice(0, 6)}-${citizen.cpr.slice(6)}`, citizen.name, 'Fortrolig note']) {
        expect(onKafka).not.toContain(secret);
        expect(logs).not.toContain(secret);
      }
    }
  } finally {
    await everything.stop();
  }
});
