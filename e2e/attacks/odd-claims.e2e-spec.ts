import type { DemoUser } from '@tilbudsnet/auth';
import { call, startSystem, type RunningSystem } from '../support/running-system';

/**
 * Finding 11 of the hardening issue: claims were not checked for shape, so a token (validly
 * signed: a misconfigured or compromised provider) naming municipality 9999, operator
 * `private:0751` or `municipality:12345678` was accepted. Now such a token gets 401, and the same
 * token with well-formed claims is accepted (the control).
 */
let system: RunningSystem;

beforeAll(async () => {
  system = await startSystem('oddclaims');
}, 120_000);

afterAll(async () => {
  await system?.stop();
});

const asUser = async (user: DemoUser) => ({ authorization: `Bearer ${await system.identity.signAccessToken(user)}` });
const offers = () => `${system.offers.url}/offers?pageSize=1`;

it('accepts well-formed claims signed by the provider (the control)', async () => {
  expect((await call(offers(), 'GET', undefined, await asUser({ id: 'o', name: 'O', role: 'visitation-officer', municipality: '0751' }))).status).toBe(200);
  expect((await call(offers(), 'GET', undefined, await asUser({ id: 'm', name: 'M', role: 'offer-manager', operator: 'private:12345678' }))).status).toBe(200);
});

it.each<[string, DemoUser]>([
  ['a municipality that does not exist', { id: 'o', name: 'O', role: 'visitation-officer', municipality: '9999' }],
  ['a private operator with a municipality code', { id: 'm', name: 'M', role: 'offer-manager', operator: 'private:0751' }],
  ['a municipal operator with a CVR number', { id: 'm', name: 'M', role: 'offer-manager', operator: 'municipality:12345678' }],
  ['a region that does not exist', { id: 'k', name: 'K', role: 'kkr-secretariat', region: '1086' }],
  ['a role that does not exist', { id: 'x', name: 'X', role: 'superuser' as DemoUser['role'], municipality: '0751' }],
])('answers 401 to a signed token with %s', async (_label, user) => {
  const answer = await call(offers(), 'GET', undefined, await asUser(user));
  expect(answer.status).toBe(401);
});
