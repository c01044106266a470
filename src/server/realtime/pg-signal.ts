/**
 * Cross-instance wake-ups on PostgreSQL: after a commit that appended audit entries, an instance
 * sends NOTIFY on a channel named after the schema, and every instance LISTENs on it, so the hubs
 * of the others look at the log at once instead of at their next poll. Only a wake-up travels,
 * never an entry: each hub still reads the log itself, so a lost notification (a dropped
 * connection) costs at most one poll interval.
 */
import pg from 'pg';
import type { LiveSignal } from './hub.js';

/** Milliseconds before listening again after the connection dropped. */
const reconnectMs = 1000;

/** A LiveSignal over one dedicated PostgreSQL connection per instance. */
export function postgresSignal(options: { url: string; schema: string }): LiveSignal {
  // An identifier is at most 63 bytes; schemas longer than that only share wake-ups.
  const channel = upToBytes(`parley_live_${options.schema}`, 63);
  let client: pg.Client | null = null;
  let closed = false;
  let onSignal: () => void = () => undefined;
  let sending = false;
  let pending = false;

  /**
   * Connects and listens; a failure or a later cut tries again after `reconnectMs`, for as long
   * as the signal is open (meanwhile the hubs' polls carry the changes).
   */
  async function connect(): Promise<void> {
    // Named, so an operator can tell these connections apart in pg_stat_activity.
    // TCP keep-alive and timeouts: a half-open connection must not leave announcements hanging.
    const c = new pg.Client({
      connectionString: options.url,
      application_name: channel,
      keepAlive: true,
      connectionTimeoutMillis: 5000,
      query_timeout: 5000,
    });
    let gone = false;
    const dropped = (): void => {
      if (gone) return;
      gone = true;
      if (client === c) client = null;
      c.removeAllListeners();
      c.on('error', () => undefined);
      void c.end().catch(() => undefined);
      if (!closed) setTimeout(() => void connect(), reconnectMs).unref();
    };
    c.on('error', dropped);
    c.on('end', dropped);
    try {
      await c.connect();
      const own = await c.query<{ pid: number }>('select pg_backend_pid() as pid');
      const pid = own.rows[0]?.pid;
      // Our own announcements come back to us: this instance woke its hub already.
      c.on('notification', (n) => {
        if (n.processId !== pid) onSignal();
      });
      await c.query(`listen ${c.escapeIdentifier(channel)}`);
    } catch {
      dropped();
      return;
    }
    if (closed) await c.end();
    else client = c;
  }

  function send(c: pg.Client): void {
    sending = true;
    pending = false;
    c.query('select pg_notify($1, $2)', [channel, ''])
      .catch(() => undefined) // the others' polls cover a lost wake-up
      .finally(() => {
        sending = false;
        if (pending && client) send(client);
      });
  }

  return {
    announce() {
      if (!client) return;
      // At most one NOTIFY in flight: those asked for meanwhile become one more after it.
      if (sending) pending = true;
      else send(client);
    },
    async listen(callback) {
      onSignal = callback;
      await connect();
    },
    async close() {
      closed = true;
      const c = client;
      client = null;
      if (c) {
        c.removeAllListeners();
        c.on('error', () => undefined);
        await c.end().catch(() => undefined);
      }
    },
  };
}

/** The longest start of a text that fits in a number of UTF-8 bytes, whole characters only. */
function upToBytes(text: string, bytes: number): string {
  let out = '';
  for (const ch of text) {
    if (Buffer.byteLength(out + ch) > bytes) break;
    out += ch;
  }
  return out;
}
