/**
 * Cross-instance wake-ups on PostgreSQL: one instance's announcement wakes the others (not
 * itself), and a listener whose connection was cut listens again by itself.
 */
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { postgresReachable, postgresTestUrl } from '../test-support/databases.js';
import type { LiveSignal } from './hub.js';
import { postgresSignal } from './pg-signal.js';

describe.skipIf(!(await postgresReachable()))('the PostgreSQL live signal', () => {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const signals: LiveSignal[] = [];
  afterAll(async () => {
    for (const s of signals) await s.close();
  });

  /** A signal of one instance, counting the wake-ups it hears. */
  async function instance(): Promise<{ signal: LiveSignal; heard: () => number }> {
    const signal = postgresSignal({ url: postgresTestUrl, schema });
    signals.push(signal);
    let count = 0;
    await signal.listen(() => count++);
    return { signal, heard: () => count };
  }

  const until = async (done: () => boolean, ms = 5000): Promise<boolean> => {
    for (const end = Date.now() + ms; Date.now() < end && !done();) await sleep(10);
    return done();
  };

  it('wakes the other instances, not the one that announced, and listens again after a cut', async () => {
    const a = await instance();
    const b = await instance();
    a.signal.announce();
    expect(await until(() => b.heard() === 1)).toBe(true);
    await sleep(100);
    expect(a.heard()).toBe(0);

    // Cut every listening connection on this channel, as a restarted database or proxy would.
    const admin = new pg.Client({ connectionString: postgresTestUrl });
    await admin.connect();
    const cut = await admin.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1',
      [`parley_live_${schema}`],
    );
    await admin.end();
    expect(cut.rowCount).toBe(2);

    // Announcements while a listener is away are lost (its poll covers them); once it listens
    // again, it hears the next.
    expect(
      await until(() => {
        a.signal.announce();
        return b.heard() > 1;
      }, 10_000),
    ).toBe(true);
  }, 20_000);
});
