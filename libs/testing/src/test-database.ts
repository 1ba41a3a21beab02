import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { dockerEngineAvailable } from './docker-available';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

let serverUrl: Promise<string> | undefined;

/** The PostgreSQL server for tests: `DATABASE_URL`, a container where Docker answers, or 127.0.0.1:5432. */
function testServerUrl(): Promise<string> {
  serverUrl ??= (async () => {
    if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
    if (dockerEngineAvailable()) {
      const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
      const container = await new PostgreSqlContainer('postgres:16-alpine').start();
      return container.getConnectionUri();
    }
    return 'postgres://postgres@127.0.0.1:5432/postgres';
  })();
  return serverUrl;
}

/** A fresh, empty database of its own for one test file; `drop()` removes it. */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const name = `test_${label.replace(/\W/g, '_')}_${randomBytes(4).toString('hex')}`.toLowerCase();
  const admin = new URL(await testServerUrl());
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const url = new URL(admin.toString());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new Client({ connectionString: admin.toString() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}
