import { ROLES, type Role } from '@tilbudsnet/auth';
import { decodeProtectedHeader, generateKeyPair, SignJWT } from 'jose';
import { DataSource } from 'typeorm';
import { offerRequest } from './support/demo-offer';
import { routesOf } from './support/routes';
import { call, startSystem, type RunningSystem } from './support/running-system';
import { waitUntil } from '@tilbudsnet/testing';

let system: RunningSystem;
const PURPOSE = { 'x-purpose': 'visitation: vurdering af botilbud' };
const CPR = '1205894321';
const CITIZEN = 'Birthe Testborger';
const TODAY = new Date().toISOString().slice(0, 10);
const MONTH = TODAY.slice(0, 7);

beforeAll(async () => {
  system = await startSystem('access');
});

afterAll(async () => {
  await system?.stop();
});

const auth = (user: string) => system.identity.authFor(user);

async function openCase(officer = 'officer-koebenhavn'): Promise<string> {
  const r = await call(`${system.visitation.url}/cases`, 'POST', {
    cpr: CPR, name: CITIZEN, needs: { targetGroups: ['autism'], paragraph: '108', supportLevel: 'high' }, notes: 'Har brug for skærmet miljø',
  }, { ...(await auth(officer)), ...PURPOSE });
  expect(r.status).toBe(201);
  return r.body.id;
}

describe('tokens', () => {
  const offersList = () => `${system.offers.url}/offers?pageSize=1`;
  const user = { id: 'officer-aarhus', name: 'Lars', role: 'visitation-officer' as const, municipality: '0751' };

  it('accepts a token from the sign-in flow', async () => {
    expect((await call(offersList(), 'GET', undefined, await auth('officer-aarhus'))).status).toBe(200);
  });

  it('answers 401 without a token', async () => {
    expect((await call(offersList(), 'GET')).status).toBe(401);
  });

  it.each([
    ['expired', () => system.identity.signAccessToken(user, { expiresInSeconds: -120 })],
    ['from another issuer', () => system.identity.signAccessToken(user, { issuer: 'http://evil.example' })],
    ['for another audience', () => system.identity.signAccessToken(user, { audience: 'another-api' })],
  ])('answers 401 to a token %s', async (_label, make) => {
    const r = await call(offersList(), 'GET', undefined, { authorization: `Bearer ${await make()}` });
    expect(r.status).toBe(401);
  });

  it('answers 401 to a forged token: right kid and claims, wrong key', async () => {
    const genuine = await system.identity.tokenFor('officer-aarhus');
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'RS256', kid: decodeProtectedHeader(genuine).kid })
      .setIssuer(system.identity.issuer).setAudience('tilbudsnet-api').setSubject('officer-aarhus').setExpirationTime('1h')
      .sign(privateKey);
    expect((await call(offersList(), 'GET', undefined, { authorization: `Bearer ${forged}` })).status).toBe(401);
  });

  it('answers 401 to an unsigned token (alg: none)', async () => {
    const [, payload] = (await system.identity.tokenFor('officer-aarhus')).split('.');
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    expect((await call(offersList(), 'GET', undefined, { authorization: `Bearer ${header}.${payload}.` })).status).toBe(401);
  });
});

describe('audit of citizen data', () => {
  it('records who read a case, when, why, and keeps no CPR number in the audit table', async () => {
    const caseId = await openCase();
    const read = await call(`${system.visitation.url}/cases/${caseId}`, 'GET', undefined, { ...(await auth('officer-koebenhavn')), ...PURPOSE });
    expect(read.status).toBe(200);
    expect(read.body.citizen).toEqual({ cpr: CPR, name: CITIZEN });

    const log = await call(`${system.visitation.url}/audit?caseId=${caseId}`, 'GET', undefined, await auth('auditor-koebenhavn'));
    expect(log.status).toBe(200);
    expect(log.body.items).toEqual([
      expect.objectContaining({ action: 'read-case', caseId, actorSub: 'officer-koebenhavn', actorRole: 'visitation-officer', organisation: 'municipality:0101', purpose: PURPOSE['x-purpose'] }),
      expect.objectContaining({ action: 'open-case', caseId }),
    ]);
    const rows = await system.visitation.app.get(DataSource).query('SELECT * FROM audit_records');
    expect(JSON.stringify(rows)).not.toContain(CPR);
    expect(JSON.stringify(rows)).not.toContain(CITIZEN);
    const cases = await system.visitation.app.get(DataSource).query('SELECT * FROM cases WHERE id = $1', [caseId]);
    expect(JSON.stringify(cases)).not.toContain(CPR);
    expect(JSON.stringify(cases)).not.toContain('skærmet');
  });

  it('filters the audit log by action, user and Danish calendar day, and refuses an impossible day', async () => {
    const caseId = await openCase();
    await call(`${system.visitation.url}/cases/${caseId}`, 'GET', undefined, { ...(await auth('officer-koebenhavn')), ...PURPOSE });
    const audit = async (q: string) => call(`${system.visitation.url}/audit?caseId=${caseId}&${q}`, 'GET', undefined, await auth('auditor-koebenhavn'));
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date());
    const actions = async (q: string) => (await audit(q)).body.items.map((r: { action: string }) => r.action);
    expect(await actions('action=read-case')).toEqual(['read-case']);
    expect(await actions('actor=mette%20sagsbehandler')).toEqual(['read-case', 'open-case']);
    expect(await actions('actor=someone-else')).toEqual([]);
    expect(await actions(`from=${today}&to=${today}`)).toEqual(['read-case', 'open-case']);
    expect(await actions('to=2000-01-01')).toEqual([]);
    const impossible = await audit('from=2026-02-30');
    expect(impossible.status).toBe(400);
    expect(impossible.body.violations[0]).toMatchObject({ field: 'from' });
  });

  it('refuses to read a case without a stated purpose, naming the header', async () => {
    const caseId = await openCase();
    const r = await call(`${system.visitation.url}/cases/${caseId}`, 'GET', undefined, await auth('officer-koebenhavn'));
    expect(r.status).toBe(400);
    expect(r.body.violations).toEqual([expect.objectContaining({ field: 'x-purpose', rule: 'required' })]);
  });

  it('keeps the audit table append-only', async () => {
    const ds = system.visitation.app.get(DataSource);
    await expect(ds.query('DELETE FROM audit_records')).rejects.toThrow(/append-only/);
    await expect(ds.query(`UPDATE audit_records SET purpose = 'x'`)).rejects.toThrow(/append-only/);
  });

  it('finds a case by CPR number through the keyed hash, only in the officer\'s own municipality', async () => {
    const caseId = await openCase();
    const own = await call(`${system.visitation.url}/cases/find-by-cpr`, 'POST', { cpr: CPR }, { ...(await auth('officer-koebenhavn')), ...PURPOSE });
    expect(own.body.items.map((c: { id: string }) => c.id)).toContain(caseId);
    const foreign = await call(`${system.visitation.url}/cases/find-by-cpr`, 'POST', { cpr: CPR }, { ...(await auth('officer-aarhus')), ...PURPOSE });
    expect(foreign.body.items).toEqual([]);
  });
});

/**
 * Every route of the running apps, called with no token, with each role in its own organisation,
 * and with a foreign organisation where the rule is about ownership. A route missing from RULES
 * fails the test: a new endpoint must come with its rule.
 */
describe('authorization matrix', () => {
  interface Rule {
    /** Roles that succeed in their own organisation; 'public' needs no token. */
    allowed: Role[] | 'public';
    /** What a public route answers, if not success. */
    publicAnswer?: string;
    /** What the allowed roles get, if not success (e.g. 404 for an id nobody has). */
    allowedAnswer?: string;
    /** Who acts for the owning organisation, where it is not the role's usual demo user. */
    own?: Partial<Record<Role, string>>;
    /** For allowed roles: a user of another organisation, who must get 403. */
    foreign?: Partial<Record<Role, string>>;
    /** `user` is who calls, for resources each organisation has its own of (webhooks, inbox entries). */
    request: (ctx: Fixtures, user: string) => { path: string; body?: unknown; headers?: Record<string, string> };
  }
  interface Fixtures {
    offerId: string;
    /** Offers of their own for the one-way announcements (a closure can be announced once). */
    offerClosingId: string;
    offerAdjustingId: string;
    caseId: string;
    /** Placements of caseId, made ready for the one-way commands. */
    placements: { reserved: string[]; started: string[] };
    /** A statement of a closed month, paid by København for offerId's placements. */
    statementId: string;
    /** An early warning about offerId, raised by its operator. */
    warningId: string;
    /** An offer of sessions (enkeltydelse) of the fixture operator, and two reserved bookings of it for caseId this month. */
    unitOfferId: string;
    bookings: string[];
    /** Per user: a webhook, one to delete, a subscription to delete, and an inbox entry of their organisation. */
    own: Record<string, { webhookId: string; webhookToDeleteId: string; subscriptionId: string; inboxEntryId: string }>;
  }
  const OWN: Record<Role, string> = {
    'visitation-officer': 'officer-koebenhavn',
    'offer-manager': 'manager-aarhus',
    'kkr-secretariat': 'kkr-hovedstaden',
    auditor: 'auditor-koebenhavn',
    admin: 'admin',
  };
  const caseBody = { cpr: CPR, name: CITIZEN, needs: { targetGroups: ['autism'], paragraph: '108', supportLevel: 'medium' } };
  /** OpenAPI (/docs and what Swagger UI serves under it) is public on every service. */
  const DOCS: Record<string, Rule> = Object.fromEntries(
    ['/docs', '/docs-json', '/docs-yaml', '/docs/', '/docs/LICENSE', '/docs/docs/swagger-ui-init.js', '/docs/index.html', '/docs/swagger-ui-init.js']
      // Swagger UI routes a LICENSE file it does not ship: public, and 404.
      .map((path) => [`GET ${path}`, { allowed: 'public', publicAnswer: path === '/docs/LICENSE' ? '404' : undefined, request: () => ({ path }) }]),
  );
  /** Operations on every service: admin only. */
  const OPERATIONS: Record<string, Rule> = {
    'GET /admin/dead-letters': { allowed: ['admin'], request: () => ({ path: '/admin/dead-letters?topic=offers.offer' }) },
    'GET /admin/dead-letters/:topic/:partition/:offset': { allowed: ['admin'], allowedAnswer: '404', request: () => ({ path: '/admin/dead-letters/offers.offer.dlq/0/999999' }) },
    'POST /admin/dead-letters/replay': { allowed: ['admin'], request: () => ({ path: '/admin/dead-letters/replay', body: { topic: 'tariffs.settlement' } }) },
    'GET /admin/read-models': { allowed: ['admin'], request: () => ({ path: '/admin/read-models' }) },
    'POST /admin/read-models/:name/rebuild': { allowed: ['admin'], allowedAnswer: '404', request: () => ({ path: '/admin/read-models/no-such-model/rebuild' }) },
  };
  const budget = { directOperatingCosts: '10000000.00', depreciationAndInterest: '0.00', civilServantPensions: '0.00', otherIncome: '0.00', approvedPlaces: 20, budgetedOccupancyPct: 95 };
  const RECEIVERS: Role[] = ['visitation-officer', 'offer-manager', 'kkr-secretariat'];
  const mine = (f: Fixtures, user: string) => f.own[user] ?? f.own['officer-koebenhavn'];
  const RULES: Record<'offers' | 'visitation' | 'tariffs' | 'notifications', Record<string, Rule>> = {
    offers: {
      ...DOCS,
      ...OPERATIONS,
      'GET /health/live': { allowed: 'public', request: () => ({ path: '/health/live' }) },
      'GET /health/ready': { allowed: 'public', request: () => ({ path: '/health/ready' }) },
      'GET /metrics': { allowed: 'public', request: () => ({ path: '/metrics' }) },
      'GET /offers': { allowed: [...ROLES], request: () => ({ path: '/offers?pageSize=1' }) },
      'GET /offers/:id': { allowed: [...ROLES], request: (f) => ({ path: `/offers/${f.offerId}` }) },
      'GET /offers/:id/notice-rule': { allowed: [...ROLES], request: (f) => ({ path: `/offers/${f.offerId}/notice-rule` }) },
      'GET /offers/:offerId/units/:period': { allowed: [...ROLES], request: (f) => ({ path: `/offers/${f.unitOfferId}/units/${MONTH}` }) },
      'PATCH /offers/:offerId/units': {
        allowed: ['offer-manager'], foreign: { 'offer-manager': 'manager-private' }, request: (f) => ({ path: `/offers/${f.unitOfferId}/units`, body: { unitsPerPeriod: 25 } }),
      },
      'GET /offers/:offerId/bookings': { allowed: ['offer-manager'], foreign: { 'offer-manager': 'manager-private' }, request: (f) => ({ path: `/offers/${f.unitOfferId}/bookings` }) },
      'POST /offers/:offerId/bookings/:bookingId/deliveries': {
        allowed: ['offer-manager'], foreign: { 'offer-manager': 'manager-private' },
        request: (f) => ({ path: `/offers/${f.unitOfferId}/bookings/${f.bookings[0]}/deliveries`, body: { deliveredOn: TODAY, units: 1 } }),
      },
      'POST /offers': { allowed: ['offer-manager'], foreign: { 'offer-manager': 'manager-region-midt' }, request: () => ({ path: '/offers', body: offerRequest({ name: 'Matrix' }) }) },
      'GET /export/hsds': { allowed: [...ROLES], request: () => ({ path: '/export/hsds' }) },
      'GET /reference': { allowed: [...ROLES], request: () => ({ path: '/reference' }) },
      'PATCH /offers/:id': { allowed: ['offer-manager'], foreign: { 'offer-manager': 'manager-private' }, request: (f) => ({ path: `/offers/${f.offerId}`, body: { name: 'Omdøbt' } }) },
      'POST /offers/:id/confirm': { allowed: ['offer-manager'], foreign: { 'offer-manager': 'manager-region-midt' }, request: (f) => ({ path: `/offers/${f.offerId}/confirm` }) },
      'POST /offers/:id/closure': {
        allowed: ['offer-manager'], foreign: { 'offer-manager': 'manager-private' },
        request: (f) => ({ path: `/offers/${f.offerClosingId}/closure`, body: { effectiveDate: '2099-06-01' } }),
      },
      'POST /offers/:id/adjustment': {
        allowed: ['offer-manager'], foreign: { 'offer-manager': 'manager-private' },
        request: (f) => ({ path: `/offers/${f.offerAdjustingId}/adjustment`, body: { approvedPlaces: 3, effectiveDate: '2099-06-01' } }),
      },
      'PATCH /offers/:id/capacity': {
        allowed: ['offer-manager'], foreign: { 'offer-manager': 'manager-private' },
        request: (f) => ({ path: `/offers/${f.offerId}/capacity`, body: { approvedPlaces: 14 } }),
      },
    },
    visitation: {
      ...DOCS,
      ...OPERATIONS,
      'GET /health/live': { allowed: 'public', request: () => ({ path: '/health/live' }) },
      'GET /health/ready': { allowed: 'public', request: () => ({ path: '/health/ready' }) },
      'GET /metrics': { allowed: 'public', request: () => ({ path: '/metrics' }) },
      'GET /offers': { allowed: [...ROLES], request: () => ({ path: '/offers?limit=1' }) },
      'POST /cases': { allowed: ['visitation-officer'], request: () => ({ path: '/cases', body: caseBody, headers: PURPOSE }) },
      'POST /cases/find-by-cpr': { allowed: ['visitation-officer'], request: () => ({ path: '/cases/find-by-cpr', body: { cpr: CPR }, headers: PURPOSE }) },
      'GET /cases/:id': {
        allowed: ['visitation-officer'], foreign: { 'visitation-officer': 'officer-aarhus' },
        request: (f) => ({ path: `/cases/${f.caseId}`, headers: PURPOSE }),
      },
      'GET /audit': { allowed: ['auditor'], request: () => ({ path: '/audit' }) },
      'POST /cases/:id/placements': {
        allowed: ['visitation-officer'], foreign: { 'visitation-officer': 'officer-aarhus' },
        request: (f) => ({ path: `/cases/${f.caseId}/placements`, body: { offerId: f.offerId, startDate: '2027-01-01' }, headers: PURPOSE }),
      },
      'GET /placements/:id': { allowed: ['visitation-officer'], foreign: { 'visitation-officer': 'officer-aarhus' }, request: (f) => ({ path: `/placements/${f.placements.reserved[0]}` }) },
      'POST /cases/:id/bookings': {
        allowed: ['visitation-officer'], foreign: { 'visitation-officer': 'officer-aarhus' },
        request: (f) => ({ path: `/cases/${f.caseId}/bookings`, body: { offerId: f.unitOfferId, period: MONTH, units: 1 }, headers: PURPOSE }),
      },
      'GET /cases/:id/bookings': { allowed: ['visitation-officer'], foreign: { 'visitation-officer': 'officer-aarhus' }, request: (f) => ({ path: `/cases/${f.caseId}/bookings`, headers: PURPOSE }) },
      'GET /bookings/:id': { allowed: ['visitation-officer'], foreign: { 'visitation-officer': 'officer-aarhus' }, request: (f) => ({ path: `/bookings/${f.bookings[0]}` }) },
      'POST /bookings/:id/cancel': {
        allowed: ['visitation-officer'], foreign: { 'visitation-officer': 'officer-aarhus' }, request: (f) => ({ path: `/bookings/${f.bookings[1]}/cancel`, headers: PURPOSE }),
      },
      'POST /placements/:id/goals': {
        allowed: ['visitation-officer'], foreign: { 'visitation-officer': 'officer-aarhus' },
        request: (f) => ({ path: `/placements/${f.placements.started[0]}/goals`, body: { area: 'health', description: 'Går en tur hver dag', targetDate: '2030-06-30' }, headers: PURPOSE }),
      },
      'GET /placements/:id/goals': {
        allowed: ['visitation-officer', 'offer-manager'], foreign: { 'visitation-officer': 'officer-aarhus', 'offer-manager': 'manager-private' },
        request: (f) => ({ path: `/placements/${f.placements.started[0]}/goals`, headers: PURPOSE }),
      },
      // No goal has this id: the operator role is let through to the lookup (404); ownership is shown in e2e/progression.
      'POST /goals/:goalId/measurements': {
        allowed: ['offer-manager'], allowedAnswer: '404', request: () => ({ path: '/goals/00000000-0000-4000-8000-000000000000/measurements', body: { level: 0, measuredOn: '2026-01-10' } }),
      },
      'GET /offers/:offerId/goals': { allowed: ['offer-manager'], foreign: { 'offer-manager': 'manager-private' }, request: (f) => ({ path: `/offers/${f.offerId}/goals` }) },
      'GET /offers/:offerId/effect': { allowed: [...ROLES], request: (f) => ({ path: `/offers/${f.offerId}/effect` }) },
      'POST /placements/:id/confirm': {
        allowed: ['visitation-officer'], foreign: { 'visitation-officer': 'officer-aarhus' },
        request: (f) => ({ path: `/placements/${f.placements.reserved[0]}/confirm`, headers: PURPOSE }),
      },
      'POST /placements/:id/cancel': {
        allowed: ['visitation-officer'], foreign: { 'visitation-officer': 'officer-aarhus' },
        request: (f) => ({ path: `/placements/${f.placements.reserved[1]}/cancel`, headers: PURPOSE }),
      },
      'POST /placements/:id/package': {
        allowed: ['visitation-officer'], foreign: { 'visitation-officer': 'officer-aarhus' },
        request: (f) => ({ path: `/placements/${f.placements.started[0]}/package`, body: { packageCode: 'base', effectiveDate: '2027-02-17' }, headers: PURPOSE }),
      },
      'POST /placements/:id/notice': {
        allowed: ['visitation-officer'], foreign: { 'visitation-officer': 'officer-aarhus' },
        request: (f) => ({ path: `/placements/${f.placements.started[1]}/notice`, body: { givenOn: '2027-03-31' }, headers: PURPOSE }),
      },
      'POST /placements/:id/end': {
        allowed: ['visitation-officer'], foreign: { 'visitation-officer': 'officer-aarhus' },
        request: (f) => ({ path: `/placements/${f.placements.started[2]}/end`, body: { endDate: '2027-04-30' }, headers: PURPOSE }),
      },
      'GET /waitlist': { allowed: ['visitation-officer'], request: () => ({ path: '/waitlist' }) },
      'GET /worklist': { allowed: ['visitation-officer'], request: () => ({ path: '/worklist' }) },
    },
    tariffs: {
      ...DOCS,
      ...OPERATIONS,
      'GET /health/live': { allowed: 'public', request: () => ({ path: '/health/live' }) },
      'GET /health/ready': { allowed: 'public', request: () => ({ path: '/health/ready' }) },
      'GET /metrics': { allowed: 'public', request: () => ({ path: '/metrics' }) },
      'PUT /offers/:offerId/budgets/:year': {
        allowed: ['offer-manager'], foreign: { 'offer-manager': 'manager-private' }, request: (f) => ({ path: `/offers/${f.offerId}/budgets/2031`, body: budget }),
      },
      'GET /offers/:offerId/tariffs/:year': { allowed: [...ROLES], request: (f) => ({ path: `/offers/${f.offerId}/tariffs/2027` }) },
      'POST /offers/:offerId/tariffs/:year/approve': {
        allowed: ['kkr-secretariat'], own: { 'kkr-secretariat': 'kkr-midtjylland' }, foreign: { 'kkr-secretariat': 'kkr-hovedstaden' },
        request: (f) => ({ path: `/offers/${f.offerId}/tariffs/2028/approve` }),
      },
      'POST /settlements/:month/close': { allowed: ['admin'], request: () => ({ path: '/settlements/2030-01/close', body: {} }) },
      // Each caller sees only the held months of its own organisation (the settlement e2e shows which).
      'GET /package-decisions': { allowed: ['visitation-officer', 'offer-manager', 'admin'], request: () => ({ path: '/package-decisions' }) },
      'POST /settlements/held/bill': { allowed: ['admin'], request: () => ({ path: '/settlements/held/bill', body: {} }) },
      'GET /settlements': { allowed: ['visitation-officer', 'offer-manager', 'admin'], request: () => ({ path: '/settlements?month=2027-01' }) },
      'GET /settlements/statements/:id/csv': {
        allowed: ['visitation-officer', 'offer-manager', 'admin'], foreign: { 'visitation-officer': 'officer-aarhus', 'offer-manager': 'manager-private' },
        request: (f) => ({ path: `/settlements/statements/${f.statementId}/csv` }),
      },
      'GET /trade/:year': { allowed: ['kkr-secretariat'], request: () => ({ path: '/trade/2027' }) },
      'GET /steering/municipalities/:code': { allowed: ['visitation-officer'], foreign: { 'visitation-officer': 'officer-aarhus' }, request: () => ({ path: '/steering/municipalities/0101' }) },
      'GET /steering/municipalities/:code/csv': { allowed: ['visitation-officer'], foreign: { 'visitation-officer': 'officer-aarhus' }, request: () => ({ path: '/steering/municipalities/0101/csv' }) },
      'GET /steering/municipalities/:code/xlsx': { allowed: ['visitation-officer'], foreign: { 'visitation-officer': 'officer-aarhus' }, request: () => ({ path: '/steering/municipalities/0101/xlsx' }) },
      'GET /steering/regions/:region': { allowed: ['kkr-secretariat'], foreign: { 'kkr-secretariat': 'kkr-midtjylland' }, request: () => ({ path: '/steering/regions/1084' }) },
      'GET /steering/regions/:region/csv': { allowed: ['kkr-secretariat'], foreign: { 'kkr-secretariat': 'kkr-midtjylland' }, request: () => ({ path: '/steering/regions/1084/csv' }) },
      'GET /steering/regions/:region/xlsx': { allowed: ['kkr-secretariat'], foreign: { 'kkr-secretariat': 'kkr-midtjylland' }, request: () => ({ path: '/steering/regions/1084/xlsx' }) },
      'GET /tariffs/awaiting-approval': { allowed: ['kkr-secretariat'], request: () => ({ path: '/tariffs/awaiting-approval' }) },
      'GET /settlements/statements/:id/xlsx': {
        allowed: ['visitation-officer', 'offer-manager', 'admin'], foreign: { 'visitation-officer': 'officer-aarhus', 'offer-manager': 'manager-private' },
        request: (f) => ({ path: `/settlements/statements/${f.statementId}/xlsx` }),
      },
      'POST /placements/:placementId/special-measures': {
        allowed: ['offer-manager'], foreign: { 'offer-manager': 'manager-private' },
        request: (f) => ({ path: `/placements/${f.placements.started[0]}/special-measures`, body: { code: 'ekstra-nattevagt', perDay: '300.00', from: '2030-02-01' } }),
      },
      'GET /offers/:offerId/placements': {
        allowed: ['offer-manager', 'admin'], foreign: { 'offer-manager': 'manager-private' }, request: (f) => ({ path: `/offers/${f.offerId}/placements` }),
      },
      'POST /offers/:offerId/results/:year': {
        allowed: ['offer-manager'], foreign: { 'offer-manager': 'manager-private' }, request: (f) => ({ path: `/offers/${f.offerId}/results/2027`, body: { actualCost: '100000.00' } }),
      },
    },
    notifications: {
      ...DOCS,
      ...OPERATIONS,
      'GET /health/live': { allowed: 'public', request: () => ({ path: '/health/live' }) },
      'GET /health/ready': { allowed: 'public', request: () => ({ path: '/health/ready' }) },
      'GET /metrics': { allowed: 'public', request: () => ({ path: '/metrics' }) },
      'GET /inbox': { allowed: RECEIVERS, request: () => ({ path: '/inbox' }) },
      'POST /inbox/:id/read': { allowed: RECEIVERS, request: (f, u) => ({ path: `/inbox/${mine(f, u).inboxEntryId}/read`, body: {} }) },
      'GET /subscriptions': { allowed: RECEIVERS, request: () => ({ path: '/subscriptions' }) },
      'POST /subscriptions': { allowed: RECEIVERS, request: () => ({ path: '/subscriptions', body: { kind: 'vacancy-opened', scope: 'user', filter: { targetGroups: ['autism'] } } }) },
      'DELETE /subscriptions/:id': { allowed: RECEIVERS, request: (f, u) => ({ path: `/subscriptions/${mine(f, u).subscriptionId}` }) },
      'GET /organisation/contact': { allowed: RECEIVERS, request: () => ({ path: '/organisation/contact' }) },
      'PUT /organisation/contact': { allowed: RECEIVERS, request: () => ({ path: '/organisation/contact', body: { email: 'postkasse@example.dk' } }) },
      'GET /webhooks': { allowed: RECEIVERS, request: () => ({ path: '/webhooks' }) },
      'POST /webhooks': { allowed: RECEIVERS, request: () => ({ path: '/webhooks', body: { url: 'http://127.0.0.1:9/hook', kinds: ['early-warning'] } }) },
      'GET /webhooks/:id/deliveries': { allowed: RECEIVERS, request: (f, u) => ({ path: `/webhooks/${mine(f, u).webhookId}/deliveries` }) },
      'POST /webhooks/:id/enable': { allowed: RECEIVERS, request: (f, u) => ({ path: `/webhooks/${mine(f, u).webhookId}/enable` }) },
      'POST /webhooks/:id/test': { allowed: RECEIVERS, request: (f, u) => ({ path: `/webhooks/${mine(f, u).webhookId}/test` }) },
      // The fixture offer is Aarhus's, in Midtjylland: its secretariat protects it; Hovedstaden's may not.
      'PUT /supply/protected-offers/:offerId/:targetGroup': {
        allowed: ['kkr-secretariat'], own: { 'kkr-secretariat': 'kkr-midtjylland' }, foreign: { 'kkr-secretariat': 'kkr-hovedstaden' },
        request: (f) => ({ path: `/supply/protected-offers/${f.offerId}/autism`, body: { decidedOn: '2026-06-15', agreementReference: 'Rammeaftale 2027-28' } }),
      },
      'DELETE /supply/protected-offers/:offerId/:targetGroup': {
        allowed: ['kkr-secretariat'], allowedAnswer: '404', own: { 'kkr-secretariat': 'kkr-midtjylland' }, foreign: { 'kkr-secretariat': 'kkr-hovedstaden' },
        request: (f) => ({ path: `/supply/protected-offers/${f.offerId}/adhd` }),
      },
      'GET /supply/protected-offers': { allowed: ['kkr-secretariat', 'offer-manager'], request: () => ({ path: '/supply/protected-offers' }) },
      'DELETE /webhooks/:id': { allowed: RECEIVERS, request: (f, u) => ({ path: `/webhooks/${mine(f, u).webhookToDeleteId}` }) },
      'POST /early-warnings': {
        allowed: ['offer-manager'], foreign: { 'offer-manager': 'manager-private' },
        request: (f) => ({ path: '/early-warnings', body: { offerId: f.offerId, category: 'professional', severity: 'high', description: 'Tre nøglemedarbejdere har sagt op.' } }),
      },
      'GET /early-warnings': { allowed: RECEIVERS, request: () => ({ path: '/early-warnings' }) },
      'GET /early-warnings/:id': { allowed: RECEIVERS, own: { 'kkr-secretariat': 'kkr-midtjylland' }, request: (f) => ({ path: `/early-warnings/${f.warningId}` }) },
      'POST /early-warnings/:id/acknowledge': {
        allowed: ['kkr-secretariat'], own: { 'kkr-secretariat': 'kkr-midtjylland' }, foreign: { 'kkr-secretariat': 'kkr-hovedstaden' },
        request: (f) => ({ path: `/early-warnings/${f.warningId}/acknowledge`, body: { note: 'Modtaget' } }),
      },
      'POST /early-warnings/:id/action-plan': {
        allowed: ['offer-manager', 'kkr-secretariat'], own: { 'kkr-secretariat': 'kkr-midtjylland' },
        foreign: { 'offer-manager': 'manager-private', 'kkr-secretariat': 'kkr-hovedstaden' },
        request: (f) => ({ path: `/early-warnings/${f.warningId}/action-plan`, body: { plan: 'Rekruttering af to nye pædagoger inden februar.' } }),
      },
      'POST /early-warnings/:id/resolve': {
        allowed: ['kkr-secretariat'], own: { 'kkr-secretariat': 'kkr-midtjylland' }, foreign: { 'kkr-secretariat': 'kkr-hovedstaden' },
        request: (f) => ({ path: `/early-warnings/${f.warningId}/resolve`, body: {} }),
      },
      'GET /supply/regions/:region': { allowed: ['kkr-secretariat'], foreign: { 'kkr-secretariat': 'kkr-midtjylland' }, request: () => ({ path: '/supply/regions/1084' }) },
      'PUT /need/municipalities/:code/demand/:year': {
        allowed: ['visitation-officer'], foreign: { 'visitation-officer': 'officer-aarhus' },
        request: () => ({ path: '/need/municipalities/0101/demand/2027', body: { items: [{ targetGroup: 'autism', paragraph: '108', change: 'more', places: 4 }] } }),
      },
      'GET /need/municipalities/:code/demand/:year': {
        allowed: ['visitation-officer', 'kkr-secretariat'], foreign: { 'visitation-officer': 'officer-aarhus', 'kkr-secretariat': 'kkr-midtjylland' },
        request: () => ({ path: '/need/municipalities/0101/demand/2027' }),
      },
      'GET /need/regions/:region/:year': { allowed: ['kkr-secretariat'], foreign: { 'kkr-secretariat': 'kkr-midtjylland' }, request: () => ({ path: '/need/regions/1084/2027' }) },
      'GET /need/regions/:region/:year/report': { allowed: ['kkr-secretariat'], foreign: { 'kkr-secretariat': 'kkr-midtjylland' }, request: () => ({ path: '/need/regions/1084/2027/report' }) },
      'GET /need/regions/:region/:year/report.css': { allowed: ['kkr-secretariat'], request: () => ({ path: '/need/regions/1084/2027/report.css' }) },
      'PUT /need/regions/:region/:year/report': {
        allowed: ['kkr-secretariat'], foreign: { 'kkr-secretariat': 'kkr-midtjylland' },
        request: () => ({ path: '/need/regions/1084/2027/report', body: { introduction: 'Indledning.', conclusions: 'Konklusion.' } }),
      },
      'POST /need/regions/:region/:year/report/publish': { allowed: ['kkr-secretariat'], foreign: { 'kkr-secretariat': 'kkr-midtjylland' }, request: () => ({ path: '/need/regions/1084/2027/report/publish' }) },
      'GET /supply/regions/:region/csv': { allowed: ['kkr-secretariat'], foreign: { 'kkr-secretariat': 'kkr-midtjylland' }, request: () => ({ path: '/supply/regions/1084/csv' }) },
      'GET /supply/regions/:region/xlsx': { allowed: ['kkr-secretariat'], foreign: { 'kkr-secretariat': 'kkr-midtjylland' }, request: () => ({ path: '/supply/regions/1084/xlsx' }) },
      'GET /supply/regions/:region/snapshots': {
        allowed: ['kkr-secretariat'], foreign: { 'kkr-secretariat': 'kkr-midtjylland' }, request: () => ({ path: '/supply/regions/1084/snapshots?from=2026-01-01&to=2026-12-31' }),
      },
      'GET /supply/regions/:region/thresholds': { allowed: ['kkr-secretariat'], foreign: { 'kkr-secretariat': 'kkr-midtjylland' }, request: () => ({ path: '/supply/regions/1084/thresholds' }) },
      'PUT /supply/regions/:region/thresholds': {
        allowed: ['kkr-secretariat'], foreign: { 'kkr-secretariat': 'kkr-midtjylland' },
        request: () => ({ path: '/supply/regions/1084/thresholds', body: { lowOccupancyMonths: 3, noVacancyDays: 45, closureMarginPlaces: 1 } }),
      },
      'POST /supply/rules/evaluate': { allowed: ['admin'], request: () => ({ path: '/supply/rules/evaluate', body: {} }) },
      'POST /supply/snapshots': { allowed: ['admin'], request: () => ({ path: '/supply/snapshots' }) },
    },
  };

  it('has a rule for every route the apps serve, and no rule for a route that is gone', () => {
    for (const app of ['offers', 'visitation', 'tariffs', 'notifications'] as const) {
      expect(routesOf(system[app].app)).toEqual(Object.keys(RULES[app]).sort());
    }
  });

  /** Notifications' fixtures: a warning about the offer, and per receiving user their own webhooks, subscription and inbox entry. */
  async function notificationFixtures(offerId: string, started: string[]): Promise<Pick<Fixtures, 'warningId' | 'own'>> {
    const ds = system.notifications.app.get(DataSource);
    await waitUntil(async () => (await ds.query("SELECT count(*)::int AS n FROM n_placements WHERE placement_id = ANY($1::uuid[]) AND status = 'started'", [started]))[0].n === 3, { what: 'placements in notifications' });
    const warning = await call(`${system.notifications.url}/early-warnings`, 'POST', { offerId, category: 'economic', severity: 'medium', description: 'Belægningen er faldet markant.' }, await auth('manager-aarhus'));
    expect(warning.status).toBe(201);
    const own: Fixtures['own'] = {};
    const organisations: Record<string, string> = { 'officer-koebenhavn': 'municipality:0101', 'manager-aarhus': 'operator:municipality:0751', 'kkr-hovedstaden': 'region:1084', 'kkr-midtjylland': 'region:1082' };
    for (const [user, organisation] of Object.entries(organisations)) {
      const headers = await auth(user);
      const hook = async () => (await call(`${system.notifications.url}/webhooks`, 'POST', { url: 'http://127.0.0.1:9/hook', kinds: ['vacancy-opened'] }, headers)).body.id;
      const subscription = await call(`${system.notifications.url}/subscriptions`, 'POST', { kind: 'early-warning', scope: 'organisation' }, headers);
      const [{ id: noticeId }] = await ds.query(`INSERT INTO notices (id, kind, title, body, data) VALUES (gen_random_uuid(), 'vacancy-opened', '{"da":"t","en":"t"}', '{"da":"b","en":"b"}', '{}') RETURNING id`);
      const [{ id: inboxEntryId }] = await ds.query("INSERT INTO inbox_entries (id, notice_id, recipient, reason) VALUES (gen_random_uuid(), $1, $2, 'subscription') RETURNING id", [noticeId, organisation]);
      own[user] = { webhookId: await hook(), webhookToDeleteId: await hook(), subscriptionId: subscription.body.id, inboxEntryId };
    }
    return { warningId: warning.body.id, own };
  }

  it('answers 401, 403 or success exactly as the rules say', async () => {
    const newOffer = async () => (await call(`${system.offers.url}/offers`, 'POST', offerRequest({ name: 'Matrix fixture' }), await auth('manager-aarhus'))).body.offerId;
    const offerId = await newOffer();
    const caseId = await openCase();
    const officer = { ...(await auth('officer-koebenhavn')), ...PURPOSE };
    await waitUntil(async () => (await call(`${system.visitation.url}/offers?limit=200`, 'GET', undefined, officer)).body.items.some((o: { offerId: string }) => o.offerId === offerId), { what: 'the offer in the catalogue' });
    const reservedPlacement = async () => {
      const { body } = await call(`${system.visitation.url}/cases/${caseId}/placements`, 'POST', { offerId, startDate: '2027-01-01' }, officer);
      await waitUntil(async () => (await call(`${system.visitation.url}/placements/${body.id}`, 'GET', undefined, officer)).body.status === 'reserved', { what: 'a reservation' });
      return body.id as string;
    };
    const startedPlacement = async () => {
      const id = await reservedPlacement();
      expect((await call(`${system.visitation.url}/placements/${id}/confirm`, 'POST', undefined, officer)).status).toBe(200);
      return id;
    };
    const started = [await startedPlacement(), await startedPlacement(), await startedPlacement()];
    // Tariffs: a published 2027 tariff (approved by the offer's region), one awaiting approval for 2028, and a closed January 2027.
    const tariffsDs = system.tariffs.app.get(DataSource);
    await waitUntil(async () => (await tariffsDs.query('SELECT count(*)::int AS n FROM tariff_placements WHERE placement_id = ANY($1::uuid[])', [started]))[0].n === 3, { what: 'placements in tariffs' });
    const manager = await auth('manager-aarhus');
    for (const year of [2027, 2028]) expect((await call(`${system.tariffs.url}/offers/${offerId}/budgets/${year}`, 'PUT', budget, manager)).status).toBe(200);
    expect((await call(`${system.tariffs.url}/offers/${offerId}/tariffs/2027/approve`, 'POST', undefined, await auth('kkr-midtjylland'))).status).toBe(200);
    const closed = await call(`${system.tariffs.url}/settlements/2027-01/close`, 'POST', {}, await auth('admin'));
    expect(closed).toMatchObject({ status: 200 });
    // Single services: an offer of sessions and two bookings of it, answered.
    const unitOfferId = (await call(`${system.offers.url}/offers`, 'POST', offerRequest({
      name: 'Matrix sessions', paragraphs: [{ paragraph: '108', approvedPlaces: 0 }], units: { kind: 'sessions', per: 'month', unitsPerPeriod: 20 },
    }), manager)).body.offerId;
    await waitUntil(async () => (await call(`${system.visitation.url}/offers?limit=200&kind=sessions`, 'GET', undefined, officer)).body.items.some((o: { offerId: string }) => o.offerId === unitOfferId), { what: 'the unit offer in the catalogue' });
    const reservedBooking = async () => {
      const { body } = await call(`${system.visitation.url}/cases/${caseId}/bookings`, 'POST', { offerId: unitOfferId, period: MONTH, units: 3 }, officer);
      await waitUntil(async () => (await call(`${system.visitation.url}/bookings/${body.id}`, 'GET', undefined, officer)).body.status === 'reserved', { what: 'a booking reserved' });
      return body.id as string;
    };
    const fixtures: Fixtures = {
      offerId, caseId, unitOfferId, bookings: [await reservedBooking(), await reservedBooking()], offerClosingId: await newOffer(), offerAdjustingId: await newOffer(),
      placements: { reserved: [await reservedPlacement(), await reservedPlacement()], started },
      statementId: (await call(`${system.tariffs.url}/settlements?month=2027-01`, 'GET', undefined, await auth('admin'))).body.items.find((s: { payingMunicipality: string }) => s.payingMunicipality === '0101').id,
      ...(await notificationFixtures(offerId, started)),
    };
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const app of ['offers', 'visitation', 'tariffs', 'notifications'] as const) {
      for (const route of routesOf(system[app].app)) {
        const rule = RULES[app][route];
        const method = route.split(' ')[0];
        const send = async (user?: string): Promise<string> => {
          const { path, body, headers } = rule.request(fixtures, user ?? 'nobody');
          const r = await call(`${system[app].url}${path}`, method, body, { ...(user ? await auth(user) : {}), ...(headers ?? {}) });
          if (r.status >= 200 && r.status < 300) return '2xx';
          return [401, 403].includes(r.status) || rule.publicAnswer || rule.allowedAnswer ? String(r.status) : `${r.status} ${JSON.stringify(r.body)}`;
        };
        outcomes.push(`${app} ${route} none -> ${await send()}`);
        expected.push(`${app} ${route} none -> ${rule.allowed === 'public' ? (rule.publicAnswer ?? '2xx') : '401'}`);
        if (rule.allowed === 'public') continue;
        for (const role of ROLES) {
          outcomes.push(`${app} ${route} ${role} -> ${await send(rule.own?.[role] ?? OWN[role])}`);
          expected.push(`${app} ${route} ${role} -> ${rule.allowed.includes(role) ? (rule.allowedAnswer ?? '2xx') : '403'}`);
          const foreign = rule.foreign?.[role];
          if (foreign) {
            outcomes.push(`${app} ${route} foreign ${role} -> ${await send(foreign)}`);
            expected.push(`${app} ${route} foreign ${role} -> 403`);
          }
        }
      }
    }
    expect(outcomes).toEqual(expected);
  });
});
