// npm start, after the demo placements: operations close the last six months, oldest first, so the
// demo municipalities and operators have statements to read, trade has bought and sold days and the
// steering data has a trend. Through tariffs' own use case, once tariffs has heard of the confirmed
// placements (it waits until their number stops growing). A month already closed is left as it is;
// nothing happens with DEMO_PLACEMENTS=off.
import { NestFactory } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import { SettlingMonth } from '../settle-month/settling-month';

async function main(): Promise<void> {
  if (process.env.DEMO_PLACEMENTS === 'off') return;
  process.env.OUTBOX_RELAY = 'off'; // the running service's relay publishes what this commits
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error', 'warn'] });
  try {
    const db = app.get(DataSource);
    const now = new Date();
    const months = [6, 5, 4, 3, 2, 1].map((back) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toISOString().slice(0, 7));
    const closed = new Set((await db.query('SELECT month FROM closed_months WHERE month = ANY($1)', [months])).map((r: { month: string }) => r.month));
    const open = months.filter((m) => !closed.has(m));
    if (!open.length) {
      console.log(`seed: ${months[0]} to ${months[5]} are already closed`);
      return;
    }
    let last = -1;
    for (let stable = 0, waited = 0; stable < 4 && waited < 240; waited++) {
      const [{ n }] = await db.query('SELECT count(*)::int AS n FROM tariff_placements');
      stable = n > 0 && n === last ? stable + 1 : 0;
      last = n;
      await new Promise((r) => setTimeout(r, 500));
    }
    for (const month of open) {
      const id = randomUUID();
      const closed = await app.get(SettlingMonth).closeMonth(month, undefined, { correlationId: id, causationId: id });
      console.log(`seed: closed ${month} for ${last} placements: ${closed.statements} statements, ${closed.total} kr.`);
    }
  } finally {
    await app.close();
  }
}

main().catch((error) => {
  console.error(`seed: ${String(error)}`);
  process.exit(1);
});
