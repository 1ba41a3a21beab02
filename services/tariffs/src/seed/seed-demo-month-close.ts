// npm start, after the demo placements: operations close last month, so the demo municipalities and
// operators have statements to read (and trade has bought and sold days). Through tariffs' own use
// case, once tariffs has heard of the confirmed placements (it waits until their number stops
// growing). Does nothing when last month is already closed, or with DEMO_PLACEMENTS=off.
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
    const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
    if ((await db.query('SELECT 1 FROM closed_months WHERE month = $1', [month])).length) {
      console.log(`seed: ${month} is already closed`);
      return;
    }
    let last = -1;
    for (let stable = 0, waited = 0; stable < 4 && waited < 240; waited++) {
      const [{ n }] = await db.query('SELECT count(*)::int AS n FROM tariff_placements');
      stable = n > 0 && n === last ? stable + 1 : 0;
      last = n;
      await new Promise((r) => setTimeout(r, 500));
    }
    const id = randomUUID();
    const statements = await app.get(SettlingMonth).closeMonth(month, undefined, { correlationId: id, causationId: id });
    console.log(`seed: closed ${month} for ${last} placements: ${statements.length} statements`);
  } finally {
    await app.close();
  }
}

main().catch((error) => {
  console.error(`seed: ${String(error)}`);
  process.exit(1);
});
