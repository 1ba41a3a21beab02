import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isDeepStrictEqual } from 'node:util';
import { waitUntil } from '@tilbudsnet/testing';
import { DataSource } from 'typeorm';
import { verifySignature } from '@tilbudsnet/notifications';
import { offerRequest } from './support/demo-offer';
import { call, startSystem, type RunningSystem } from './support/running-system';

/**
 * Notices end to end: an operator's closure announcement reaches exactly the municipalities with
 * citizens in the offer and the region's secretariat, in the inbox and by e-mail (read back from
 * the mail catcher); a webhook gets a signed payload and a retry after a 500.
 */
let system: RunningSystem;
const PURPOSE = { 'x-purpose': 'anbringelse' };
const as = (user: string) => system.identity.authFor(user);
const notificationsDb = () => system.notifications.app.get(DataSource);

beforeAll(async () => {
  system = await startSystem('notices');
});

afterAll(async () => {
  await system?.stop();
});

async function newOffer(name: string): Promise<string> {
  const offer = await call(`${system.offers.url}/offers`, 'POST', offerRequest({ name }), await as('manager-aarhus'));
  expect(offer.status).toBe(201);
  const officer = { ...(await as('officer-koebenhavn')), ...PURPOSE };
  await waitUntil(async () => (await call(`${system.visitation.url}/offers?limit=200`, 'GET', undefined, officer)).body.items.some((o: { offerId: string }) => o.offerId === offer.body.offerId), { what: 'the offer in search' });
  return offer.body.offerId;
}

/** A citizen of the officer's municipality placed (started) in the offer, or only requested and withdrawn. */
async function place(officerId: string, offerId: string, outcome: 'started' | 'withdrawn'): Promise<string> {
  const officer = { ...(await as(officerId)), ...PURPOSE };
  const opened = await call(`${system.visitation.url}/cases`, 'POST', { cpr: '0101801234', name: 'Borger Test', needs: { targetGroups: ['autism'], paragraph: '108', supportLevel: 'medium' } }, officer);
  expect(opened.status).toBe(201);
  const placement = await call(`${system.visitation.url}/cases/${opened.body.id}/placements`, 'POST', { offerId, startDate: '2026-12-01' }, officer);
  await waitUntil(async () => (await call(`${system.visitation.url}/placements/${placement.body.id}`, 'GET', undefined, officer)).body.status === 'reserved', { what: 'the reservation' });
  const next = await call(`${system.visitation.url}/placements/${placement.body.id}/${outcome === 'started' ? 'confirm' : 'cancel'}`, 'POST', undefined, officer);
  expect(next.status).toBe(200);
  return placement.body.id;
}

async function announceClosure(offerId: string): Promise<string> {
  const manager = await as('manager-aarhus');
  const earliest = (await call(`${system.offers.url}/offers/${offerId}/closure`, 'POST', { effectiveDate: '2000-01-03' }, manager)).body.earliestAllowedDate;
  const announced = await call(`${system.offers.url}/offers/${offerId}/closure`, 'POST', { effectiveDate: earliest, reason: 'Bygningen skal renoveres' }, manager);
  expect(announced.status).toBe(200);
  return earliest;
}

it('sends a closure to exactly the municipalities with citizens there and the region\'s secretariat, in the inbox and by e-mail', async () => {
  const offerId = await newOffer('Lukkebo');
  const otherOffer = await newOffer('Blivebo');
  const koebenhavn = await place('officer-koebenhavn', offerId, 'started');
  const odense = await place('officer-odense', offerId, 'started');
  await place('officer-aalborg', offerId, 'withdrawn'); // requested, then withdrawn: no citizen there
  await place('officer-roskilde', otherOffer, 'started'); // a citizen in another offer
  // Roskilde subscribes to closures in Hovedstaden only, Aalborg to Midtjylland's (the offer's region).
  expect((await call(`${system.notifications.url}/subscriptions`, 'POST', { kind: 'closure-or-reduction', scope: 'user', filter: { regions: ['1084'] } }, await as('officer-roskilde'))).status).toBe(201);
  await waitUntil(async () => (await notificationsDb().query(
    "SELECT count(*)::int AS n FROM n_placements WHERE placement_id = ANY($1::uuid[]) AND status = 'started'", [[koebenhavn, odense]]))[0].n === 2,
  { what: 'the two placements in notifications' });

  const effective = await announceClosure(offerId);
  const expected = ['municipality:0101', 'municipality:0461', 'region:1082'];
  await waitUntil(async () => (await notificationsDb().query(
    "SELECT count(*)::int AS n FROM inbox_entries e JOIN notices n ON n.id = e.notice_id WHERE n.kind = 'closure-or-reduction'"))[0].n >= 3, { what: 'the inbox entries' });
  const recipients = (await notificationsDb().query(
    "SELECT e.recipient FROM inbox_entries e JOIN notices n ON n.id = e.notice_id WHERE n.kind = 'closure-or-reduction' ORDER BY 1")).map((r: { recipient: string }) => r.recipient);
  expect(recipients).toEqual(expected);

  // Each sees it in their inbox; Aalborg and Roskilde do not.
  const inboxOf = async (user: string) => (await call(`${system.notifications.url}/inbox`, 'GET', undefined, await as(user))).body;
  const copenhagen = await inboxOf('officer-koebenhavn');
  expect(copenhagen.items).toEqual([expect.objectContaining({ kind: 'closure-or-reduction', reason: 'mandatory', title: { da: 'Lukning varslet: Lukkebo', en: 'Closure announced: Lukkebo' } })]);
  expect(copenhagen.unread).toBe(1);
  expect(copenhagen.items[0].body.da).toContain(`${Number(effective.slice(8))}.${Number(effective.slice(5, 7))}.${effective.slice(0, 4)}`);
  expect((await inboxOf('kkr-midtjylland')).items.map((i: { kind: string }) => i.kind)).toEqual(['closure-or-reduction']);
  expect((await inboxOf('officer-aalborg')).items).toEqual([]);
  expect((await inboxOf('officer-roskilde')).items).toEqual([]);
  expect((await inboxOf('kkr-hovedstaden')).items).toEqual([]);

  // Marking it read is the reader's own organisation's business.
  const entry = copenhagen.items[0].id;
  expect((await call(`${system.notifications.url}/inbox/${entry}/read`, 'POST', {}, await as('officer-odense'))).status).toBe(404);
  expect((await call(`${system.notifications.url}/inbox/${entry}/read`, 'POST', {}, await as('officer-koebenhavn'))).status).toBe(200);
  expect((await inboxOf('officer-koebenhavn')).unread).toBe(0);

  // E-mail: one to each organisation's mailbox, read back from the mail catcher.
  const addresses = expected.map((key) => `${key.replace(':', '-')}@postkasse.test`);
  await waitUntil(async () => ((await (await fetch(`${system.mail.url}/api/messages`)).json()) as unknown[]).length >= 3, { what: 'three e-mails' });
  const mails = (await (await fetch(`${system.mail.url}/api/messages`)).json()) as { to: string[]; subject: string; text: string }[];
  expect(mails.flatMap((m) => m.to).sort()).toEqual(addresses.sort());
  expect(mails.every((m) => m.subject === 'Lukning varslet: Lukkebo')).toBe(true);
  // No personal data in what was sent.
  expect(JSON.stringify(mails)).not.toMatch(/0101801234|Borger Test/);
});

it('posts a signed payload to a webhook, retries after a 500, and the receiver can tell a wrong signature', async () => {
  const received: { body: string; signature: string; status: number }[] = [];
  const receiver: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const status = received.length === 0 ? 500 : 204; // fails once, then accepts
      received.push({ body, signature: String(request.headers['x-tilbudsnet-signature']), status });
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', () => resolve()));
  try {
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const registered = await call(`${system.notifications.url}/webhooks`, 'POST', { url, kinds: ['closure-or-reduction'] }, await as('kkr-midtjylland'));
    expect(registered.status).toBe(201);
    const secret: string = registered.body.secret;
    expect(secret).toMatch(/^[0-9a-f]{64}$/);

    const offerId = await newOffer('Webhookhuset');
    await announceClosure(offerId);
    await waitUntil(() => received.length >= 2, { what: 'the delivery and its retry', timeoutMs: 30000 });
    const [first, retry] = received;
    expect(first.status).toBe(500);
    expect(retry.body).toBe(first.body);
    const payload = JSON.parse(retry.body);
    expect(payload).toMatchObject({ kind: 'closure-or-reduction', title: { da: 'Lukning varslet: Webhookhuset' }, facts: { offerId, regionCode: '1082' } });
    expect(verifySignature(secret, retry.signature, retry.body)).toBe(true);
    expect(verifySignature(secret, retry.signature, retry.body.replace('Webhookhuset', 'Falskhuset'))).toBe(false);
    expect(verifySignature('a'.repeat(64), retry.signature, retry.body)).toBe(false);

    // The receiver answers before the sender records the answer: read the log once it has.
    const log = async () => (await call(`${system.notifications.url}/webhooks/${registered.body.id}/deliveries`, 'GET', undefined, await as('kkr-midtjylland'))).body.items;
    await waitUntil(async () => (await log())[0]?.status === 'delivered', { what: 'the retry recorded' });
    expect(await log()).toEqual([expect.objectContaining({ kind: 'closure-or-reduction', status: 'delivered', attempts: 2, lastStatus: 204 })]);
    // Another region's secretariat cannot read the log.
    expect((await call(`${system.notifications.url}/webhooks/${registered.body.id}/deliveries`, 'GET', undefined, await as('kkr-hovedstaden'))).status).toBe(404);
  } finally {
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  }
});

it('sends a signed test notice to a webhook on its owner\'s request, logged like any delivery; another organisation cannot', async () => {
  const received: { body: string; signature: string }[] = [];
  const receiver: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      received.push({ body, signature: String(request.headers['x-tilbudsnet-signature']) });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', () => resolve()));
  try {
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const hook = (await call(`${system.notifications.url}/webhooks`, 'POST', { url, kinds: ['supply-risk'] }, await as('officer-odense'))).body;
    expect((await call(`${system.notifications.url}/webhooks/${hook.id}/test`, 'POST', undefined, await as('officer-koebenhavn'))).status).toBe(404);
    const sent = await call(`${system.notifications.url}/webhooks/${hook.id}/test`, 'POST', undefined, await as('officer-odense'));
    expect(sent.status).toBe(202);
    await waitUntil(() => received.length === 1, { what: 'the test delivery' });
    expect(JSON.parse(received[0].body)).toMatchObject({ kind: 'webhook-test', title: { da: 'Test fra Tilbudsnet' } });
    expect(verifySignature(hook.secret, received[0].signature, received[0].body)).toBe(true);
    const latest = async () => (await call(`${system.notifications.url}/webhooks/${hook.id}/deliveries`, 'GET', undefined, await as('officer-odense'))).body.items;
    await waitUntil(async () => (await latest())[0]?.status === 'delivered', { what: 'the test delivery logged' });
    expect(await latest()).toEqual([expect.objectContaining({ kind: 'webhook-test', status: 'delivered', attempts: 1, lastStatus: 204 })]);
  } finally {
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  }
});

it('disables a webhook after repeated failures and sends the waiting deliveries once its owner enables it', async () => {
  process.env.WEBHOOK_DISABLE_AFTER_FAILURES = '2';
  let failing = true;
  const received: string[] = [];
  const receiver: Server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      received.push(failing ? 'failed' : 'ok');
      response.writeHead(failing ? 503 : 200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', () => resolve()));
  try {
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const hook = (await call(`${system.notifications.url}/webhooks`, 'POST', { url, kinds: ['closure-or-reduction'] }, await as('officer-koebenhavn'))).body;
    const offerId = await newOffer('Skrøbelighuset');
    await place('officer-koebenhavn', offerId, 'started');
    await waitUntil(async () => (await notificationsDb().query("SELECT count(*)::int AS n FROM n_placements WHERE offer_id = $1 AND status = 'started'", [offerId]))[0].n === 1, { what: 'the placement in notifications' });
    await announceClosure(offerId);
    const hooks = async () => (await call(`${system.notifications.url}/webhooks`, 'GET', undefined, await as('officer-koebenhavn'))).body.items;
    await waitUntil(async () => (await hooks()).find((h: { id: string }) => h.id === hook.id)?.enabled === false, { what: 'the webhook disabled', timeoutMs: 30000 });
    const attemptsWhileFailing = received.length;
    expect(attemptsWhileFailing).toBe(2);

    failing = false;
    const enabled = await call(`${system.notifications.url}/webhooks/${hook.id}/enable`, 'POST', undefined, await as('officer-koebenhavn'));
    expect(enabled.body).toMatchObject({ enabled: true, consecutiveFailures: 0 });
    await waitUntil(() => received.includes('ok'), { what: 'the delivery after re-enabling' });
    // The receiver answers before the sender records the answer: read the log once it has.
    const latest = async () => (await call(`${system.notifications.url}/webhooks/${hook.id}/deliveries`, 'GET', undefined, await as('officer-koebenhavn'))).body.items[0];
    await waitUntil(async () => (await latest()).status !== 'pending', { what: 'the delivery recorded' });
    expect(await latest()).toMatchObject({ status: 'delivered', attempts: 3 });
    expect(received).toEqual(['failed', 'failed', 'ok']);
  } finally {
    delete process.env.WEBHOOK_DISABLE_AFTER_FAILURES;
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  }
});

it('gives the secretariat supply figures for its region equal to a direct count over offers\' and visitation\'s own data', async () => {
  // More of region 1082: an offer with two paragraphs and two target groups; a full offer whose
  // next request is rejected onto the waiting list; a reservation not yet confirmed.
  const manager = await as('manager-aarhus');
  const wide = await call(`${system.offers.url}/offers`, 'POST', offerRequest({
    name: 'Bredebo', paragraphs: [{ paragraph: '107', approvedPlaces: 5 }, { paragraph: '108', approvedPlaces: 7 }], targetGroups: ['autism', 'deafblindness'],
  }), manager);
  expect(wide.status).toBe(201);
  const full = await call(`${system.offers.url}/offers`, 'POST', offerRequest({ name: 'Fuldhuset', paragraphs: [{ paragraph: '108', approvedPlaces: 1 }] }), manager);
  const officer = { ...(await as('officer-koebenhavn')), ...PURPOSE };
  await waitUntil(async () => (await call(`${system.visitation.url}/offers?limit=200`, 'GET', undefined, officer)).body.items.some((o: { offerId: string }) => o.offerId === full.body.offerId), { what: 'the full offer in search' });
  await place('officer-aarhus', full.body.offerId, 'started');
  const opened = await call(`${system.visitation.url}/cases`, 'POST', { cpr: '0202801234', name: 'Venter Test', needs: { targetGroups: ['autism'], paragraph: '108', supportLevel: 'high' } }, officer);
  const rejected = await call(`${system.visitation.url}/cases/${opened.body.id}/placements`, 'POST', { offerId: full.body.offerId, startDate: '2026-12-01' }, officer);
  await waitUntil(async () => (await call(`${system.visitation.url}/placements/${rejected.body.id}`, 'GET', undefined, officer)).body.status === 'rejected', { what: 'the rejection' });
  const held = await call(`${system.visitation.url}/cases/${opened.body.id}/placements`, 'POST', { offerId: wide.body.offerId, startDate: '2026-12-01' }, officer);
  await waitUntil(async () => (await call(`${system.visitation.url}/placements/${held.body.id}`, 'GET', undefined, officer)).body.status === 'reserved', { what: 'the reservation' });

  const offersDb = system.offers.app.get(DataSource);
  const visitationDb = system.visitation.app.get(DataSource);
  const directCount = async () => {
    const offers: { id: string; municipality_code: string; status: string; target_groups: string[]; paragraphs: { paragraph: string; approvedPlaces: number }[] }[] =
      await offersDb.query("SELECT id, municipality_code, status, target_groups, paragraphs FROM offers WHERE region_code = '1082' AND status <> 'closed'");
    const placements: { offer_id: string; target_group: string; paragraph: string; acting_municipality: string; status: string }[] =
      await visitationDb.query("SELECT offer_id, target_group, paragraph, acting_municipality, status FROM placements WHERE status IN ('reserved', 'started', 'notice-given')");
    const waiting: { target_group: string; paragraph: string }[] =
      await visitationDb.query("SELECT target_group, paragraph FROM waitlist_entries WHERE region_code = '1082' AND status IN ('waiting', 'matched')");
    const rows: Record<string, Record<string, number>> = {};
    const row = (g: string, p: string) => (rows[`${g}|${p}`] ??= { approved: 0, occupied: 0, reserved: 0, vacant: 0, waiting: 0, closuresAnnounced: 0, crossBorderPlacements: 0 });
    for (const o of offers) {
      for (const g of o.target_groups) {
        for (const p of o.paragraphs) {
          const r = row(g, p.paragraph);
          r.approved += p.approvedPlaces;
          const heldHere = placements.filter((x) => x.offer_id === o.id && x.paragraph === p.paragraph).length;
          if (o.status === 'active') r.vacant += Math.max(0, p.approvedPlaces - heldHere);
          if (o.status === 'closure-announced') r.closuresAnnounced += 1;
        }
      }
    }
    for (const x of placements) {
      const o = offers.find((offer) => offer.id === x.offer_id);
      if (!o) continue;
      const r = row(x.target_group, x.paragraph);
      if (x.status === 'reserved') r.reserved += 1;
      else r.occupied += 1;
      if (x.status !== 'reserved' && x.acting_municipality !== o.municipality_code) r.crossBorderPlacements += 1;
    }
    for (const w of waiting) row(w.target_group, w.paragraph).waiting += 1;
    return rows;
  };
  const monitored = async () => {
    const response = await call(`${system.notifications.url}/supply/regions/1082`, 'GET', undefined, await as('kkr-midtjylland'));
    expect(response.status).toBe(200);
    return Object.fromEntries(response.body.items.map((r: Record<string, number> & { targetGroup: string; paragraph: string }) => [`${r.targetGroup}|${r.paragraph}`, {
      approved: r.approved, occupied: r.occupied, reserved: r.reserved, vacant: r.vacant, waiting: r.waiting, closuresAnnounced: r.closuresAnnounced,
      crossBorderPlacements: r.crossBorderPlacements,
    }]));
  };
  let last: unknown;
  await waitUntil(async () => isDeepStrictEqual(last = await monitored(), await directCount()), { what: 'the monitor to catch up', timeoutMs: 30000 })
    .catch(() => undefined);
  expect(last).toEqual(await directCount());
  // The seeded data is really there: the figures are not trivially zero.
  expect(last).toMatchObject({
    'autism|108': expect.objectContaining({ waiting: 1, reserved: 1, crossBorderPlacements: expect.any(Number) }),
    'deafblindness|107': expect.objectContaining({ approved: 5 }),
  });
  expect((last as Record<string, { occupied: number }>)['autism|108'].occupied).toBeGreaterThanOrEqual(1);

  // Exports carry the same rows; another region's secretariat is refused.
  const csv = await call(`${system.notifications.url}/supply/regions/1082/csv`, 'GET', undefined, await as('kkr-midtjylland'));
  expect(csv.body.split('\n')[0]).toContain('Godkendte pladser;Belagte pladser');
  // Names beside codes: the region and the target group in words.
  expect(csv.body.split('\n')[0]).toMatch(/^Regionskode;Region;Målgruppe \(kode\);Målgruppe;Paragraf;/);
  expect(csv.body).toContain('1082;Region Midtjylland;autism;Autisme;SEL § 108;nej;');
  expect(csv.body.trim().split('\n')).toHaveLength(1 + Object.keys(last as object).length);
  const xlsx = await call(`${system.notifications.url}/supply/regions/1082/xlsx`, 'GET', undefined, await as('kkr-midtjylland'));
  expect(xlsx.body.subarray(0, 2).toString()).toBe('PK');
  expect((await call(`${system.notifications.url}/supply/regions/1082`, 'GET', undefined, await as('kkr-hovedstaden'))).status).toBe(403);

  // A daily snapshot keeps the same figures for trends.
  expect((await call(`${system.notifications.url}/supply/snapshots`, 'POST', undefined, await as('admin'))).status).toBe(200);
  const today = new Date().toISOString().slice(0, 10);
  const trend = await call(`${system.notifications.url}/supply/regions/1082/snapshots?from=${today}&to=${today}&targetGroup=autism`, 'GET', undefined, await as('kkr-midtjylland'));
  expect(trend.body.items.find((s: { paragraph: string }) => s.paragraph === '108').figures).toMatchObject({ approved: (last as Record<string, { approved: number }>)['autism|108'].approved });
});

it('keeps a municipality\'s demand report as last sent, sums the region\'s reports, and keeps a published capacity report as it was published', async () => {
  const officer = await as('officer-aarhus');
  const put = (items: unknown[]) => call(`${system.notifications.url}/need/municipalities/0751/demand/2028`, 'PUT', { items }, officer);
  expect((await put([{ targetGroup: 'autism', paragraph: '108', change: 'more', places: 9 }, { targetGroup: 'autism', paragraph: '108', change: 'same', places: 1 }])).body.violations)
    .toEqual([expect.objectContaining({ field: 'items', rule: 'unique-target-group-paragraph' })]);
  expect((await put([{ targetGroup: 'autism', paragraph: '108', change: 'more', places: 9 }, { targetGroup: 'dual-diagnosis', paragraph: '107', change: 'fewer', places: 2 }])).status).toBe(200);
  // Sent again, the report replaces the one before (dual-diagnosis is gone).
  expect((await put([{ targetGroup: 'autism', paragraph: '108', change: 'more', places: 11 }])).body.items).toEqual([{ targetGroup: 'autism', paragraph: '108', change: 'more', places: 11 }]);
  expect((await call(`${system.notifications.url}/need/municipalities/0461/demand/2028`, 'PUT', { items: [] }, officer)).status).toBe(403);
  expect((await call(`${system.notifications.url}/need/municipalities/0751/demand/2028`, 'PUT', { items: [{ targetGroup: 'autism', paragraph: '108', change: 'lots', places: -1 }] }, officer)).status).toBe(400);

  // An autism offer in Midtjylland, so the region has the target group's row.
  const offer = await call(`${system.offers.url}/offers`, 'POST', offerRequest({ name: 'Behovsbo' }), await as('manager-aarhus'));
  await waitUntil(async () => (await system.notifications.app.get(DataSource).query('SELECT 1 FROM n_offers WHERE offer_id = $1', [offer.body.offerId])).length === 1, { what: 'the offer in notifications' });
  const secretariat = await as('kkr-midtjylland');
  const need = await call(`${system.notifications.url}/need/regions/1082/2028`, 'GET', undefined, secretariat);
  expect(need.body.items.find((r: { targetGroup: string }) => r.targetGroup === 'autism')).toMatchObject({ reported: 11, forecast: { placesNeeded: expect.any(Number), placesAvailable: expect.any(Number) } });
  expect((await call(`${system.notifications.url}/need/regions/1082/2028`, 'GET', undefined, await as('kkr-hovedstaden'))).status).toBe(403);
  // A target group the municipalities expect to need but no offer in the region serves: a row with no places, the whole need a gap.
  await call(`${system.notifications.url}/need/municipalities/0751/demand/2028`, 'PUT', { items: [
    { targetGroup: 'autism', paragraph: '108', change: 'more', places: 11 }, { targetGroup: 'severe-self-harm', paragraph: '107', change: 'more', places: 2 },
  ] }, officer);
  const unserved = (await call(`${system.notifications.url}/need/regions/1082/2028`, 'GET', undefined, secretariat)).body.items.find((r: { targetGroup: string }) => r.targetGroup === 'severe-self-harm');
  expect(unserved).toMatchObject({ reported: 2, forecast: { placesAvailable: 0 } });

  const report = `${system.notifications.url}/need/regions/1082/2028/report`;
  await call(report, 'PUT', { introduction: 'Første udgave <b>fed</b>.', conclusions: 'Slut.' }, secretariat);
  expect((await call(`${report}/publish`, 'POST', undefined, secretariat)).body).toMatchObject({ status: 'published' });
  await call(report, 'PUT', { introduction: 'Anden udgave.', conclusions: 'Slut.' }, secretariat);
  const html = (draft: boolean) => fetch(`${report}${draft ? '?draft=true' : ''}`, { headers: secretariat }).then((r) => r.text());
  // The published document is what was published; the draft has the new words; what was typed is escaped.
  expect(await html(false)).toContain('<p>Første udgave &lt;b&gt;fed&lt;/b&gt;.</p>');
  expect(await html(false)).not.toContain('Anden udgave');
  expect(await html(true)).toContain('<p>Anden udgave.</p>');
  expect(await html(true)).toContain('udkast');
});
