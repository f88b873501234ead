import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client.js';
import { sqlArrayLiteral } from './sql-arrays.js';
import { openTestDatabase } from './testing.js';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const roundTrip = async (query: ReturnType<typeof sqlArrayLiteral>) =>
  ((await database.db.execute(sql`select ${query} as a`)) as unknown as { rows: { a: unknown[] }[] }).rows[0]!.a;

describe('sqlArrayLiteral', () => {
  it('passes any text through one parameter unchanged, nulls as nulls', async () => {
    const values = ['plain', '', 'NULL', null, 'quote " and \\ backslash', '{braces}, comma', '王伟 Zoë ✓', 'tab\tnew\nline'];
    expect(await roundTrip(sqlArrayLiteral(values, 'text'))).toEqual(values);
    expect(await roundTrip(sqlArrayLiteral([], 'text'))).toEqual([]);
  });

  it('casts to the element type', async () => {
    expect(await roundTrip(sqlArrayLiteral([3, 1, null], 'int'))).toEqual([3, 1, null]);
    expect(await roundTrip(sqlArrayLiteral([JSON.stringify({ field: 'name', code: 'required "x"' }), null], 'jsonb'))).toEqual([{ field: 'name', code: 'required "x"' }, null]);
  });
});
