// Seeds the demo catalogue through the offers API (so events flow to every read model), once:
// it does nothing if offers already holds offers.
import { demoOfferRequests } from './demo-offers';

const OFFERS_URL = process.env.OFFERS_URL ?? `http://127.0.0.1:${process.env.OFFERS_PORT ?? 3001}`;
const COUNT = Number(process.env.DEMO_OFFERS ?? 320);

async function main(): Promise<void> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const existing = (await fetch(`${OFFERS_URL}/offers?pageSize=1`, { headers }).then((r) => r.json())) as { total: number };
  if (existing.total > 0) {
    console.log(`seed: offers already holds ${existing.total} offers; not seeding`);
    return;
  }
  const requests = demoOfferRequests(COUNT);
  for (let i = 0; i < requests.length; i += 16) {
    await Promise.all(requests.slice(i, i + 16).map(async (body) => {
      const response = await fetch(`${OFFERS_URL}/offers`, { method: 'POST', headers, body: JSON.stringify(body) });
      if (response.status !== 201) throw new Error(`seed: POST /offers answered ${response.status}: ${await response.text()}`);
    }));
  }
  console.log(`seed: registered ${requests.length} demo offers over 5 regions, 98 municipalities and 3 kinds of operator`);
}

main().catch((error) => {
  console.error(String(error));
  process.exit(1);
});
