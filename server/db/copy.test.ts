import { and, eq, inArray, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contacts } from '../modules/customers/contacts.tables.js';
import { copyRowsOfWorkspace } from './copy.js';
import { createTestApp, signUpWorkspace, type SignedIn, type TestApp } from './testing.js';
import { inWorkspace } from './transaction.js';

let t: TestApp;
let a: SignedIn;
let b: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  a = await signUpWorkspace(t.app, 'copy A');
  b = await signUpWorkspace(t.app, 'copy B');
});
afterAll(() => t.close());

const onServer = () => t.database.kind === 'postgres';

describe('copyRowsOfWorkspace (COPY on a PostgreSQL server; the embedded database inserts)', () => {
  it('stores every kind of value as an insert would, defaults for what a row leaves out', async () => {
    const tricky = 'quote " backslash \\ tab \t newline \n carriage \r comma , braces {} \\N NULL';
    const copied = [
      {
        workspaceId: a.workspaceId,
        id: uuidv7(),
        name: tricky,
        company: '華為 — 技术',
        otherEmails: ['a"b@example.cn', 'back\\slash@example.cn', 'NULL', ''],
        handles: [{ type: 'qq', value: '12345 "引号" ✓\t' }],
        birthday: '1990-02-28',
        custom: { note: '多行\n文本', n: 1.5, yes: true, none: null },
        tags: ['重点客户', 'x,y'],
        searchKeys: ['n:王伟', 'e:{}'],
        createdAt: new Date('2024-05-06T07:08:09.123Z'),
      },
      { workspaceId: a.workspaceId, id: uuidv7(), name: '李娜', company: null, email: null },
    ];
    // The same rows through drizzle's insert, with their own ids.
    const inserted = copied.map((row) => ({ ...row, id: uuidv7() }));
    await inWorkspace(t.database.db, a.workspaceId, async (tx) => {
      expect(await copyRowsOfWorkspace(tx, contacts, copied, { minRows: 1 })).toBe(onServer());
      if (!onServer()) await tx.insert(contacts).values(copied as never);
      await tx.insert(contacts).values(inserted as never);
    });
    const read = (ids: string[]) =>
      inWorkspace(t.database.db, a.workspaceId, (tx) =>
        tx.select().from(contacts).where(and(eq(contacts.workspaceId, a.workspaceId), inArray(contacts.id, ids))).orderBy(contacts.name),
      );
    const viaCopy = await read(copied.map((r) => r.id));
    const viaInsert = await read(inserted.map((r) => r.id));
    const comparable = (rows: typeof viaCopy) => rows.map(({ id: _id, createdAt, updatedAt: _updated, ...rest }) => ({ ...rest, createdAt: createdAt.getFullYear() }));
    expect(comparable(viaCopy)).toEqual(comparable(viaInsert));
    expect(viaCopy[0]).toMatchObject({ name: tricky, otherEmails: copied[0]!.otherEmails, handles: copied[0]!.handles, custom: copied[0]!.custom, tags: ['重点客户', 'x,y'] });
    expect(viaCopy[0]!.createdAt.toISOString()).toBe('2024-05-06T07:08:09.123Z');
    expect(viaCopy[1]).toMatchObject({ name: '李娜', tags: [], custom: {}, handles: [] });
  });

  it('leaves a handful of rows to the caller’s insert', async () => {
    const few = [{ workspaceId: a.workspaceId, id: uuidv7(), name: '少量' }];
    expect(await inWorkspace(t.database.db, a.workspaceId, (tx) => copyRowsOfWorkspace(tx, contacts, few))).toBe(false);
  });

  it('writes nothing outside the transaction’s workspace, and leaves the transaction confined to it', async () => {
    const stray = { workspaceId: b.workspaceId, id: uuidv7(), name: '越界' };
    const attempt = inWorkspace(t.database.db, a.workspaceId, (tx) => copyRowsOfWorkspace(tx, contacts, [{ workspaceId: a.workspaceId, id: uuidv7(), name: '本来' }, stray], { minRows: 1 }));
    if (onServer()) await expect(attempt).rejects.toThrow(/outside the transaction's workspace/);
    else expect(await attempt).toBe(false);
    const { rows } = await t.database.raw.query<{ n: number }>(`select count(*)::int as n from contacts where name in ('越界', '本来')`);
    expect(rows[0]!.n).toBe(0);
    const other = await t.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: { cookie: b.cookie }, payload: { name: 'B 的客户' } });
    expect(other.statusCode).toBe(201);
    await inWorkspace(t.database.db, a.workspaceId, async (tx) => {
      await copyRowsOfWorkspace(tx, contacts, [{ workspaceId: a.workspaceId, id: uuidv7(), name: '复制之后' }], { minRows: 1 });
      // After the copy the transaction is the app role again: row-level security hides B's contacts.
      const { rows: role } = (await tx.execute(sql`select current_user as role`)) as unknown as { rows: { role: string }[] };
      expect(role[0]!.role).toBe('guanxi_app');
      const seen = await tx.select({ id: contacts.id }).from(contacts).where(eq(contacts.workspaceId, b.workspaceId));
      expect(seen).toEqual([]);
    });
  });
});
