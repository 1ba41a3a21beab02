import { createEvent, deadLetterTopic, loadExampleEvent, Topics } from '@tilbudsnet/contracts';
import { randomUUID } from 'node:crypto';
import { EventCollector, testBus, waitUntil } from '@tilbudsnet/testing';
import { DataSource } from 'typeorm';
import { offerRequest } from './support/demo-offer';
import { call, startSystem, type RunningSystem } from './support/running-system';

let system: RunningSystem;

beforeAll(async () => {
  system = await startSystem('skeleton');
});

afterAll(async () => {
  await system?.stop();
});

/** Offer manager of Aarhus Kommune, the operator of `offerRequest()`'s offers. */
const manager = () => system.identity.authFor('manager-aarhus');

async function searchVacancy(offerId: string, query = 'targetGroup=autism&region=1082'): Promise<number | undefined> {
  const { body } = await call(`${system.visitation.url}/offers?${query}&limit=200`, 'GET', undefined, await system.identity.authFor('officer-odense'));
  return body.items.find((o: { offerId: string }) => o.offerId === offerId)?.capacity.vacantPlaces;
}

describe('walking skeleton: offers to visitation over Kafka', () => {
  it('shows a registered offer and its capacity change in visitation search', async () => {
    const created = await call(`${system.offers.url}/offers`, 'POST', offerRequest({ name: 'Skeleton A' }), await manager());
    expect(created.status).toBe(201);
    const id = created.body.offerId;
    await waitUntil(async () => (await searchVacancy(id)) === 12, { what: 'the new offer in search' });

    const changed = await call(`${system.offers.url}/offers/${id}/capacity`, 'PATCH', { approvedPlaces: 15 }, await manager());
    expect(changed.status).toBe(200);
    await waitUntil(async () => (await searchVacancy(id)) === 15, { what: 'the new vacancy in search' });
    expect(await searchVacancy(id, 'hasVacancy=true&paragraph=108')).toBe(15);
  });

  it('delivers 1,000 changes to one offer in order, and the read model ends at the last value', async () => {
    const created = await call(`${system.offers.url}/offers`, 'POST', offerRequest({ name: 'Skeleton ordering' }), await manager());
    const id = created.body.offerId;
    const topic = await new EventCollector(await testBus('ordering'), [Topics.offer], true).start();
    try {
      const values = Array.from({ length: 1000 }, (_, i) => 1 + ((i * 37) % 200));
      const auth = await manager();
      for (const approvedPlaces of values) {
        const r = await call(`${system.offers.url}/offers/${id}/capacity`, 'PATCH', { approvedPlaces }, auth);
        expect(r.status).toBe(200);
      }
      const last = values[values.length - 1];
      await waitUntil(async () => (await searchVacancy(id)) === last, { timeoutMs: 60000, what: 'the last value in search' });
      await topic.waitFor((ms) => ms.filter((m) => m.key === id).length === 1001, 30000, 'all 1,001 events');

      const mine = topic.events<{ aggregateId: string; aggregateVersion: number; payload: any }>().filter((e) => e.aggregateId === id);
      expect(mine.map((e) => e.aggregateVersion)).toEqual(Array.from({ length: 1001 }, (_, i) => i + 1));
      expect(mine.slice(1).map((e) => e.payload.capacity.approvedPlaces)).toEqual(values);
    } finally {
      await topic.stop();
    }
  });

  it('answers an invalid POST /offers with 400 naming the field, storing nothing and sending no event', async () => {
    const before = await countRows();
    const response = await call(`${system.offers.url}/offers`, 'POST', offerRequest({ budgetedOccupancyPct: 140, municipalityCode: '9999' }), await manager());
    expect(response.status).toBe(400);
    expect(response.body.violations).toEqual(expect.arrayContaining([
      { field: 'budgetedOccupancyPct', rule: 'max', message: expect.any(String) },
      { field: 'municipalityCode', rule: 'isIn', message: expect.any(String) },
    ]));
    expect(await countRows()).toEqual(before);
  });
});

async function countRows(): Promise<{ offers: number; outbox: number }> {
  const ds = system.offers.app.get(DataSource);
  const [{ offers }] = await ds.query('SELECT count(*)::int AS offers FROM offers');
  const [{ outbox }] = await ds.query('SELECT count(*)::int AS outbox FROM messaging_outbox');
  return { offers, outbox };
}

describe('a consumer handler that refuses an event', () => {
  it('dead-letters a capacity change for an offer visitation never saw, with the handler\'s own reason', async () => {
    const bus = await testBus('orphan');
    const dlq = await new EventCollector(bus, [deadLetterTopic(Topics.offer)]).start();
    const offerId = randomUUID();
    const example = loadExampleEvent('CapacityChanged');
    const orphan = createEvent('offers', { type: 'CapacityChanged', aggregateId: offerId, aggregateVersion: 5, payload: { ...example.payload, offerId } },
      { correlationId: randomUUID(), causationId: randomUUID() });
    const producer = await bus.producer();
    await producer.send([{ topic: Topics.offer, messages: [{ key: offerId, value: JSON.stringify(orphan) }] }]);
    await producer.disconnect();
    try {
      const letters = await dlq.waitFor((ms) => ms.some((m) => m.key === offerId), 30000, 'the dead letter');
      const letter = letters.find((m) => m.key === offerId)!;
      expect(letter.headers['dlq-reason']).toBe(`CapacityChanged handler failed after 1 attempt(s): CapacityChanged for offer ${offerId} that was never registered`);
      expect(letter.headers['dlq-consumer-group']).toMatch(/^test-skeleton-visitation/);
    } finally {
      await dlq.stop();
    }
  });
});

describe('updating an offer', () => {
  it('shows a renamed offer closed to admissions in visitation search, without vacancy', async () => {
    const created = await call(`${system.offers.url}/offers`, 'POST', offerRequest({ name: 'Før' }), await manager());
    const id = created.body.offerId;
    const updated = await call(`${system.offers.url}/offers/${id}`, 'PATCH', { name: 'Efter', status: 'closed-to-admissions' }, await manager());
    expect(updated.body).toMatchObject({ name: 'Efter', status: 'closed-to-admissions', capacity: { vacantPlaces: 12 } });
    const officer = await system.identity.authFor('officer-aarhus');
    await waitUntil(async () => (await call(`${system.visitation.url}/offers?hasVacancy=false&limit=200`, 'GET', undefined, officer)).body.items
      .some((o: { offerId: string; name: string }) => o.offerId === id && o.name === 'Efter'), { what: 'the update in search' });
    const reference = await call(`${system.offers.url}/reference`, 'GET', undefined, officer);
    expect([reference.body.municipalities.length, reference.body.regions.length]).toEqual([98, 5]);
  });
});

describe('search from a point', () => {
  it('keeps offers within the distance, ranks them with visible reasons, and needs a point for a distance', async () => {
    const aarhus = await call(`${system.offers.url}/offers`, 'POST', offerRequest({ name: 'Nær Aarhus', location: { lat: 56.16, lon: 10.2 } }), await manager());
    const copenhagen = await call(`${system.offers.url}/offers`, 'POST', offerRequest({ name: 'Langt væk', location: { lat: 55.68, lon: 12.57 } }), await manager());
    const officer = await system.identity.authFor('officer-aarhus');
    const search = (q: string) => call(`${system.visitation.url}/offers?${q}`, 'GET', undefined, officer);
    await waitUntil(async () => (await search('limit=200')).body.items.some((o: { offerId: string }) => o.offerId === copenhagen.body.offerId), { what: 'both offers in search' });

    const near = await search('lat=56.15&lon=10.21&maxDistanceKm=50&targetGroup=autism&limit=200');
    const ids = near.body.items.map((o: { offerId: string }) => o.offerId);
    expect(ids).toContain(aarhus.body.offerId);
    expect(ids).not.toContain(copenhagen.body.offerId);
    const hit = near.body.items.find((o: { offerId: string }) => o.offerId === aarhus.body.offerId);
    expect(hit.rank).toMatchObject({ distanceKm: expect.any(Number), reasons: expect.arrayContaining(['12 ledige pladser', expect.stringMatching(/^\d+ km væk$/)]) });

    const noPoint = await search('maxDistanceKm=50');
    expect(noPoint.status).toBe(422);
    expect(noPoint.body.violations).toEqual([expect.objectContaining({ field: 'maxDistanceKm', rule: 'needs-point' })]);
  });
});

describe('search by name, in pages', () => {
  it('finds offers by words of their name, pages through every match once, and counts them all', async () => {
    const tag = `Sidebo${randomUUID().slice(0, 6)}`;
    const created: string[] = [];
    for (let i = 0; i < 5; i++) {
      created.push((await call(`${system.offers.url}/offers`, 'POST', offerRequest({ name: `${tag} nummer ${i}` }), await manager())).body.offerId);
    }
    // A name with the user's wildcard in it is taken literally: '%' matches no other offer.
    await call(`${system.offers.url}/offers`, 'POST', offerRequest({ name: 'Procenthuset 100% (kontrol)' }), await manager());
    const officer = await system.identity.authFor('officer-aarhus');
    const search = (q: string) => call(`${system.visitation.url}/offers?${q}`, 'GET', undefined, officer);
    await waitUntil(async () => (await search(`q=${tag}&limit=200`)).body.total === 5, { what: 'the five offers in search' });

    const pages = [];
    for (let offset = 0; offset < 6; offset += 2) pages.push((await search(`q=${tag.toLowerCase()}%20nummer&limit=2&offset=${offset}`)).body);
    expect(pages.map((p) => [p.count, p.total, p.offset])).toEqual([[2, 5, 0], [2, 5, 2], [1, 5, 4]]);
    expect(pages.flatMap((p) => p.items.map((o: { offerId: string }) => o.offerId)).sort()).toEqual([...created].sort());
    // A page past the end is empty and still tells how many there are (the total comes with the rows otherwise).
    for (const sort of ['relevance', 'name']) {
      const beyond = (await search(`q=${tag.toLowerCase()}%20nummer&limit=2&offset=10&sort=${sort}`)).body;
      expect([sort, beyond.count, beyond.total]).toEqual([sort, 0, 5]);
    }

    const literal = await search('q=100%25&limit=200');
    expect(literal.body.items.map((o: { name: string }) => o.name)).toEqual(['Procenthuset 100% (kontrol)']);
    expect((await search('q=%25&limit=1')).body.total).toBe(1);
    const tooFar = await search('offset=5000');
    expect(tooFar.status).toBe(400);
    expect(tooFar.body.violations[0]).toMatchObject({ field: 'offset' });
  });
});

describe('search from a municipality or a postal code, sorted', () => {
  it("measures from the municipality's seat or the postal code's town, sorts by a plain key over every page, and refuses what is not Danish", async () => {
    const tag = `Sortering${randomUUID().slice(0, 6)}`;
    // Silkeborg's seat (56.17, 9.55) and Herning (56.14, 8.97) are 36 km apart; the region seat Viborg is 32 km from Silkeborg.
    const silkeborg = await call(`${system.offers.url}/offers`, 'POST', offerRequest({ name: `${tag} B Silkeborg`, location: { lat: 56.17, lon: 9.55 } }), await manager());
    const herning = await call(`${system.offers.url}/offers`, 'POST', offerRequest({ name: `${tag} A Herning`, location: { lat: 56.14, lon: 8.97 } }), await manager());
    const skagen = await call(`${system.offers.url}/offers`, 'POST', offerRequest({ name: `${tag} C Skagen`, location: { lat: 57.72, lon: 10.58 } }), await manager());
    const officer = await system.identity.authFor('officer-aarhus');
    const search = (q: string) => call(`${system.visitation.url}/offers?q=${tag}&limit=200&${q}`, 'GET', undefined, officer);
    await waitUntil(async () => (await search('')).body.total === 3, { what: 'the three offers in search' });
    const names = (body: { items: { offerId: string }[] }) => body.items.map((o) => [silkeborg, herning, skagen].find((c) => c.body.offerId === o.offerId)!.body.name.split(' ').at(-1));

    const fromSilkeborg = await search('fromMunicipality=0740&sort=distance');
    expect(fromSilkeborg.status).toBe(200);
    expect(fromSilkeborg.body.from).toMatchObject({ kind: 'municipality', place: { town: 'Silkeborg', postalCode: '8600' }, exact: true });
    expect(names(fromSilkeborg.body)).toEqual(['Silkeborg', 'Herning', 'Skagen']);
    expect(fromSilkeborg.body.items[0].rank.distanceKm).toBeLessThan(2);
    expect(fromSilkeborg.body.items[0].rank.why).toContainEqual({ code: 'distance', km: 0 });

    const fromSkagen = await search('fromPostalCode=9990&sort=distance&maxDistanceKm=100');
    expect(fromSkagen.body.from).toMatchObject({ kind: 'postal-code', place: { town: 'Skagen' }, exact: true });
    expect(names(fromSkagen.body)).toEqual(['Skagen']);
    // 7401 is not listed: measured from the nearest listed postal code of its area (7400 Herning), and said so.
    const nearHerning = await search('fromPostalCode=7401&sort=distance');
    expect(nearHerning.body.from).toMatchObject({ place: { postalCode: '7400', town: 'Herning' }, exact: false });
    expect(names(nearHerning.body)[0]).toBe('Herning');

    expect(names((await search('sort=name')).body)).toEqual(['Herning', 'Silkeborg', 'Skagen']);
    // Sorted by a plain key, pages walk the whole result in that order.
    const pages = [0, 1, 2].map((offset) => call(`${system.visitation.url}/offers?q=${tag}&sort=name&limit=1&offset=${offset}`, 'GET', undefined, officer));
    expect((await Promise.all(pages)).flatMap((p) => names(p.body))).toEqual(['Herning', 'Silkeborg', 'Skagen']);

    for (const [q, field, rule] of [['fromPostalCode=3900', 'fromPostalCode', 'postal-code-known'], ['fromPostalCode=80000', 'fromPostalCode', 'matches'],
      ['fromMunicipality=0999', 'fromMunicipality', 'isIn'], ['fromMunicipality=0751&fromPostalCode=8000', 'fromPostalCode', 'one-search-point'], ['sort=distance', 'sort', 'needs-point'], ['sort=cheapest', 'sort', 'isIn']]) {
      const refused = await search(q);
      expect([q, refused.status]).toEqual([q, 400]);
      expect(refused.body.violations).toEqual([expect.objectContaining({ field, rule })]);
    }
  });
});

