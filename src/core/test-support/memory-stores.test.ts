/**
 * The in-memory unit of work keeps the promises of the real one that use-case tests rely on: a
 * failed transaction leaves nothing, audit events commit with the work and never from a read,
 * compartmented reads keep to the visible compartments, and what is not faked says so.
 */
import { describe, expect, it } from 'vitest';
import type { User } from '../accounts/model.js';
import type { Compartment } from '../access/compartments.js';
import type { AuditEvent } from '../audit/catalogue.js';
import { verifyChain } from '../audit/chain.js';
import type { Item } from '../items/model.js';
import { asId, type CompartmentId } from '../shared/ids.js';
import { movableClock, sha256Hex } from './fake-ports.js';
import { memoryDb } from './memory-stores.js';

const P = asId<'Process'>('p1');
const user: User = {
  id: asId('u1'),
  email: 'ana@parley.test',
  displayName: 'Ana',
  passwordHash: 'test:x',
  isAdmin: false,
  totpSecret: null,
  totpEnabled: false,
  totpLastStep: null,
  createdAt: '2027-03-01T09:00:00.000Z',
};
const event = (compartmentId: string | null, processId: string | null = P): AuditEvent => ({
  kind: 'item.read',
  data: { itemId: 'i' },
  actorUserId: user.id,
  processId,
  compartmentId,
});
const compartment = (id: string, kind: 'public' | 'plenary'): Compartment => ({
  id: asId(id),
  processId: P,
  kind,
  partyId: null,
});
const item = (id: string, compartmentId: string, title = id): Item => ({
  id: asId(id),
  processId: P,
  compartmentId: asId(compartmentId),
  kind: 'note',
  title,
  body: '',
  authorUserId: user.id,
  createdAt: '2027-03-01T09:00:00.000Z',
  updatedAt: `2027-03-01T09:00:0${id.slice(-1)}.000Z`,
  revision: 1,
});

describe('the in-memory unit of work', () => {
  it('leaves nothing of a transaction that throws, its audit events included', async () => {
    const db = memoryDb({ clock: movableClock() });
    const before = db.snapshot();
    await expect(
      db.transaction(async (s) => {
        await s.accounts.insertUser(user);
        await s.audit.append(event(null));
        throw new Error('the use case failed');
      }),
    ).rejects.toThrow('the use case failed');
    expect(db.snapshot()).toEqual(before);
    expect(await db.read((s) => s.accounts.findUserById(user.id))).toBeUndefined();
  });

  it('appends a transaction’s events when its work is done, in order, on one valid chain', async () => {
    const clock = movableClock('2027-03-01T10:00:00.000Z');
    const db = memoryDb({ clock });
    const seenInside = await db.transaction(async (s) => {
      await s.audit.append(event('c1'));
      await s.audit.append(event('c2'));
      return s.audit.lastSeq();
    });
    expect(seenInside).toBe(0);
    const entries = db.auditEntries();
    expect(entries.map((e) => [e.seq, e.compartmentId, e.at])).toEqual([
      [1, 'c1', '2027-03-01T10:00:00.000Z'],
      [2, 'c2', '2027-03-01T10:00:00.000Z'],
    ]);
    expect(await verifyChain(entries, sha256Hex)).toMatchObject({ ok: true, entries: 2 });
  });

  it('refuses an audit event outside a transaction', async () => {
    const db = memoryDb({ clock: movableClock() });
    await expect(db.read((s) => s.audit.append(event(null)))).rejects.toThrow(/use a transaction/);
    expect(db.auditEntries()).toEqual([]);
  });

  it('says which store and method a use case reached that is not faked', async () => {
    const db = memoryDb({ clock: movableClock() });
    await expect(db.transaction((s) => s.record.listIssues(P))).rejects.toThrow(
      'not faked: record.listIssues',
    );
  });

  it('hands out copies, so changing what was read changes nothing stored', async () => {
    const db = memoryDb({ clock: movableClock() });
    await db.transaction((s) => s.accounts.insertUser(user));
    const read = await db.read((s) => s.accounts.findUserById(user.id));
    if (!read) throw new Error('the user was not stored');
    read.totpLastStep = 99;
    expect((await db.read((s) => s.accounts.findUserById(user.id)))?.totpLastStep).toBeNull();
  });

  it('refuses a second account with the same e-mail, like the unique column', async () => {
    const db = memoryDb({ clock: movableClock() });
    await db.transaction((s) => s.accounts.insertUser(user));
    await expect(
      db.transaction((s) => s.accounts.insertUser({ ...user, id: asId('u2') })),
    ).rejects.toThrow('constraint failed: users.email');
  });
});

describe('compartmented reads of the in-memory stores', () => {
  const pub = compartment('c-public', 'public');
  const plen = compartment('c-plenary', 'plenary');
  const onlyPublic: CompartmentId[] = [pub.id];

  async function stocked() {
    const db = memoryDb({ clock: movableClock() });
    await db.transaction(async (s) => {
      for (const c of [pub, plen]) await s.items.insertCompartment(c);
      await s.items.insertItem(item('i1', pub.id, 'ceasefire terms'));
      await s.items.insertItem(item('i2', plen.id, 'ceasefire map'));
      await s.items.insertItem(item('i3', pub.id));
      await s.audit.append(event(null));
      await s.audit.append(event(pub.id));
      await s.audit.append(event(plen.id));
      await s.audit.append(event(null, 'another process'));
    });
    return db;
  }

  it('finds, lists, searches and counts only items in the visible compartments', async () => {
    const db = await stocked();
    const seen = await db.read(async (s) => ({
      hidden: await s.items.findItem(asId('i2'), onlyPublic),
      listed: await s.items.listItems({ processId: P, visible: onlyPublic, limit: 10 }),
      searched: await s.items.listItems({
        processId: P,
        visible: onlyPublic,
        text: 'CEASEFIRE',
        limit: 10,
      }),
      counts: await s.items.countItems(P, onlyPublic),
      nothing: await s.items.listItems({ processId: P, visible: [], limit: 10 }),
    }));
    expect(seen.hidden).toBeUndefined();
    expect(seen.listed.map((i) => i.id)).toEqual(['i3', 'i1']);
    expect(seen.searched.map((i) => i.id)).toEqual(['i1']);
    expect([...seen.counts]).toEqual([[pub.id, 2]]);
    expect(seen.nothing).toEqual([]);
  });

  it('lists a process’s audit entries without those of unreadable compartments, newest first', async () => {
    const db = await stocked();
    const listed = await db.read((s) =>
      s.audit.listForProcess({ processId: P, visible: onlyPublic, limit: 10 }),
    );
    expect(listed.map((e) => [e.seq, e.compartmentId])).toEqual([
      [2, pub.id],
      [1, null],
    ]);
    const page = await db.read((s) =>
      s.audit.listForProcess({ processId: P, visible: [pub.id, plen.id], limit: 1, beforeSeq: 3 }),
    );
    expect(page.map((e) => e.seq)).toEqual([2]);
  });

  it('writes an item only over the revision it expects', async () => {
    const db = await stocked();
    const stale = await db.transaction((s) =>
      s.items.updateItem({ ...item('i1', pub.id), title: 'changed', revision: 2 }, 7),
    );
    const fresh = await db.transaction((s) =>
      s.items.updateItem({ ...item('i1', pub.id), title: 'changed', revision: 2 }, 1),
    );
    expect([stale, fresh]).toEqual([false, true]);
    expect((await db.read((s) => s.items.findItem(asId('i1'), onlyPublic)))?.title).toBe('changed');
  });
});
