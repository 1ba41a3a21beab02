import type { TestDatabase } from '@tilbudsnet/testing';
import { Client } from 'pg';

/** One query on a test database over a connection of its own (the services under test may be down meanwhile). */
export async function queryDatabase(db: TestDatabase, sql: string, params: unknown[] = []): Promise<any[]> {
  const client = new Client({ connectionString: db.url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}
