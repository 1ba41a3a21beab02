// Creates each service's own database on the PostgreSQL server if it is missing.
import { Client } from 'pg';
import { databaseUrlFor, type ServiceName } from '../../libs/platform/src/service-config';

const SERVICES: ServiceName[] = ['offers', 'visitation', 'tariffs', 'notifications'];

async function ensureDatabase(service: ServiceName): Promise<void> {
  const target = new URL(databaseUrlFor(service));
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(target.toString());
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      console.log(`postgres: created database ${name}`);
    }
  } finally {
    await client.end();
  }
}

Promise.all(SERVICES.map(ensureDatabase)).catch((error) => {
  console.error(`postgres: ${String(error)}`);
  process.exit(1);
});
