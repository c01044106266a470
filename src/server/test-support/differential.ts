/**
 * The differential test harness: whether anything an observer receives moves with a hidden input.
 *
 * `runDifferential` starts two fresh Parleys (demo seeded, the same scripted clock), opens a live
 * socket for each observer role before anything happens, runs the same script in both — which
 * calls `hidden()` at the point where the runs differ, running `hidden.a` in one and `hidden.b` in
 * the other — and then captures, for each observer, everything it can receive:
 *
 * - every GET route of the route table, with the demo's ids substituted for its parameters (each
 *   compartment, the demo's notes, threads and round, versions 1–3) and the query variants of
 *   `queryVariants` (every audit scope of the process for tree heads and proofs, each compartment
 *   for lists, the audit page…), as status, content type and body;
 * - the live messages its socket received (events flattened across messages: how a look batches
 *   them depends on timing, which differs between any two runs), and the greeting of a socket
 *   opened after the script (a client reconnecting);
 * - anything `extra` captures (for a channel the route table does not hold).
 *
 * Values that differ between any two servers are handled in two ways. Ids and the clock are made
 * alike: both runs draw ids from the same counter and read the same scripted clock, and the hidden
 * input draws its ids from a counter of its own and leaves the clock where it found it, so the
 * common script gets the same ids and times in both runs (lists ordered by time then id come out
 * in the same order). Then both records are normalised, each on its own: ids (UUIDs) and hashes
 * (64 hex digits) become labels numbered by first appearance, so equal ids stay equal and a leaked
 * extra id still shows; signatures, the signing key's id, CSRF tokens and secrets become
 * `<secret>`; the no-break spaces of an issued copy's fingerprint become spaces. Times are kept, so
 * a time that moves with hidden activity is caught. The result lists every capture that differs.
 *
 * Reuse it for any hidden input: write a script that calls `hidden()` once, two hidden variants,
 * and the observers; assert `differences` is empty.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';
import { routeTable } from '../http/app.js';
import type { DemoRoleKey } from '../demo/seed.js';
import type { TestDatabase } from './databases.js';
import { randomBytes } from 'node:crypto';
import type { Clock, Ids } from '../../core/ports.js';
import { startTestParley, type Session, type TestParley } from './harness.js';

/** One run's Parley, as the script and the hidden input see it. */
export interface World {
  /** The running Parley (demo seeded; `p.runtime.deps` for use cases). */
  p: TestParley;
  /** Sends a request as a demo role (signed in once per run); answers status and parsed body. */
  as(
    role: DemoRoleKey,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
  ): Promise<{ status: number; body: unknown }>;
  /** Moves the run's clock (both runs must move it alike). */
  advance(ms: number): void;
}

/** What the two runs do: the same script, differing only in the hidden input. */
export interface DifferentialScenario {
  /** The roles whose captures must be identical. */
  observers: readonly DemoRoleKey[];
  /** The common script; calls `hidden()` once, where the runs differ. */
  script(world: World, hidden: () => Promise<void>): Promise<void>;
  /** The hidden input of each run. */
  hidden: { a(world: World): Promise<void>; b(world: World): Promise<void> };
  /** More configuration for both runs, as environment variables (e.g. PARLEY_FEED_ALLOW_NETWORKS). */
  env?: Record<string, string>;
  /** More to capture per observer, after the routes (a channel outside the route table). */
  extra?(world: World, observer: DemoRoleKey): Promise<Record<string, unknown>>;
}

/** One thing an observer received. */
export interface Captured {
  /** Who received it. */
  observer: DemoRoleKey;
  /** What it was: `GET <url>` with the demo's ids, `live`, or an extra's name. */
  what: string;
  /** Status, content type and body (normalised); or the live events, or the extra's value. */
  value: unknown;
}

/** The outcome: both records, and where they differ. */
export interface DifferentialResult {
  /** Each capture of run a that differs from run b's (empty when nothing leaks). */
  differences: string[];
  /** The normalised captures of each run. */
  a: Captured[];
  b: Captured[];
}

/** The context a query variant is built from. */
export interface QueryContext {
  p: TestParley;
  observer: DemoRoleKey;
  /** Every audit scope of the demo process (its compartments, its set-up, each member's reads). */
  scopes: string[];
  /** Sends a GET as the observer (to find a size to ask a proof for). */
  get(url: string): Promise<{ status: number; body: unknown }>;
}

/**
 * Query strings to try on routes that need or take one, beside the plain URL (which is tried for
 * every route). Extend it for a new route with a query.
 */
export const queryVariants: Record<string, (ctx: QueryContext) => Promise<string[]> | string[]> = {
  '/api/processes/:processId/audit': () => ['?limit=500'],
  '/api/processes/:processId/items': ({ p }) => [
    '?q=the',
    ...p.demo.compartments.map((c) => `?compartmentId=${c.id}`),
  ],
  '/api/processes/:processId/search': () => ['?q=the', '?q=caucus', '?q=sanctions'],
  '/api/processes/:processId/threads': ({ p }) =>
    p.demo.compartments.map((c) => `?compartmentId=${c.id}`),
  '/api/processes/:processId/text/diff': () => ['?from=1&to=2', '?from=1&to=3'],
  '/api/processes/:processId/text/versions/:number/export': () => ['?format=txt'],
  '/api/processes/:processId/implementation/export': () => [
    '?format=commitments.csv',
    '?format=levels.csv',
    '?format=json',
  ],
  '/api/processes/:processId/implementation/progress': () => ['?from=2026-01&to=2026-12'],
  '/api/audit/tree-head': ({ scopes }) => scopes.map((s) => `?scope=${s}`),
  '/api/audit/consistency': async ({ scopes, get }) =>
    (await sizes(scopes, get)).map(([s, n]) => `?scope=${s}&from=1&to=${Math.max(n, 1)}`),
  '/api/audit/inclusion': async ({ scopes, get }) =>
    (await sizes(scopes, get)).flatMap(([s, n]) => [
      `?scope=${s}&seq=1`,
      `?scope=${s}&seq=${Math.max(n, 1)}`,
    ]),
};

async function sizes(scopes: string[], get: QueryContext['get']): Promise<Array<[string, number]>> {
  const out: Array<[string, number]> = [];
  for (const s of scopes) {
    const head = await get(`/api/audit/tree-head?scope=${s}`);
    const size = (head.body as { treeSize?: unknown } | null)?.treeSize;
    out.push([s, typeof size === 'number' ? size : 0]);
  }
  return out;
}

/** Runs a scenario twice and compares what its observers received. */
export async function runDifferential(
  target: TestDatabase,
  scenario: DifferentialScenario,
): Promise<DifferentialResult> {
  const a = await oneRun(target, scenario, 'a');
  const b = await oneRun(target, scenario, 'b');
  const differences: string[] = [];
  const max = Math.max(a.length, b.length);
  for (let i = 0; i < max; i++) {
    const x = a[i];
    const y = b[i];
    const left = JSON.stringify(x);
    const right = JSON.stringify(y);
    if (left !== right) {
      // Show where they part, with some context.
      let at = 0;
      while (at < left.length && left[at] === right[at]) at++;
      const from = Math.max(0, at - 150);
      differences.push(
        `${x?.observer ?? y?.observer} ${x?.what ?? y?.what}:\n  a: …${left.slice(from, at + 150)}\n  b: …${right.slice(from, at + 150)}`,
      );
    }
  }
  return { differences, a, b };
}

/** Ids from a counter: `…-4000-8000-…` for the common script, `…-4000-9000-…` for the hidden input. */
function countingIds(): Ids & { hidden<T>(fn: () => Promise<T>): Promise<T> } {
  const counters = { common: 0, hidden: 0 };
  let space: keyof typeof counters = 'common';
  return {
    newId() {
      const n = ++counters[space];
      return `00000000-0000-4000-${space === 'common' ? 8 : 9}000-${n.toString(16).padStart(12, '0')}`;
    },
    newSecret: () => randomBytes(32).toString('base64url'),
    async hidden(fn) {
      space = 'hidden';
      try {
        return await fn();
      } finally {
        space = 'common';
      }
    },
  };
}

/** A scripted clock that can be put back (after the hidden input). */
function scriptedClock(): Clock & { advance(ms: number): void; set(at: Date): void } {
  let now = new Date('2026-11-27T09:00:00Z').getTime();
  return {
    now: () => new Date(now),
    advance: (ms) => void (now += ms),
    set: (at) => void (now = at.getTime()),
  };
}

async function oneRun(
  target: TestDatabase,
  scenario: DifferentialScenario,
  variant: 'a' | 'b',
): Promise<Captured[]> {
  const clock = scriptedClock();
  const ids = countingIds();
  const p = await startTestParley(target, { clock, live: true, ids, env: scenario.env });
  try {
    const sessions = new Map<DemoRoleKey, Session>();
    const session = async (role: DemoRoleKey) => {
      let s = sessions.get(role);
      if (!s) sessions.set(role, (s = await p.session(role)));
      return s;
    };
    const world: World = {
      p,
      advance: (ms) => clock.advance(ms),
      async as(role, method, url, payload) {
        const res = await p.as(await session(role), {
          method,
          url,
          payload: payload as object | undefined,
        });
        return { status: res.statusCode, body: parseBody(res.body, res.headers['content-type']) };
      },
    };
    // Observers sign in and connect before anything happens.
    const host = await p.listen();
    const live = new Map<DemoRoleKey, unknown[]>();
    const sockets: WebSocket[] = [];
    for (const observer of scenario.observers) await session(observer);
    // The hub has passed every sign-in before the first greeting (a greeting is not a race).
    await p.runtime.deps.live?.poll();
    for (const observer of scenario.observers) {
      const received: unknown[] = [];
      live.set(observer, received);
      sockets.push(await connect(host, await session(observer), received));
    }

    await scenario.script(world, async () => {
      const before = clock.now();
      await ids.hidden(() => scenario.hidden[variant](world));
      clock.set(before);
    });

    // Let the hub tell every socket what the script did.
    await p.runtime.deps.live?.poll();
    await p.runtime.deps.live?.poll();
    await sleep(150);

    // A socket opened after the script (a client reconnecting): its greeting is captured too.
    const greetings = new Map<DemoRoleKey, unknown[]>();
    for (const observer of scenario.observers) {
      const received: unknown[] = [];
      greetings.set(observer, received);
      (await connect(host, await session(observer), received)).close();
    }

    const captured: Captured[] = [];
    for (const observer of scenario.observers) {
      for (const [what, value] of await crawl(p, observer, (url) => world.as(observer, 'GET', url)))
        captured.push({ observer, what, value });
      captured.push({ observer, what: 'live', value: live.get(observer) });
      captured.push({ observer, what: 'live greeting after', value: greetings.get(observer) });
      if (scenario.extra)
        for (const [what, value] of Object.entries(await scenario.extra(world, observer)))
          captured.push({ observer, what, value });
    }
    for (const s of sockets) s.close();
    return normalise(captured);
  } finally {
    await p.close();
  }
}

/** Every GET route of the route table as one observer, with the demo's ids substituted. */
async function crawl(
  p: TestParley,
  observer: DemoRoleKey,
  get: QueryContext['get'],
): Promise<Array<[string, unknown]>> {
  const { demo } = p;
  const threads = await p.runtime.database.db
    .selectFrom('threads')
    .select(['id', 'compartment_id'])
    .where('process_id', '=', demo.processId)
    .execute();
  const order = (compartmentId: string) =>
    demo.compartments.findIndex((c) => c.id === compartmentId);
  // In the demo's compartment order: the same in both runs (a thread created by the script is
  // found through the lists instead).
  const seededThreads = threads
    .sort((x, y) => order(x.compartment_id) - order(y.compartment_id))
    .map((t) => t.id);
  const values: Record<string, string[]> = {
    processId: [demo.processId],
    itemId: demo.compartments.map((c) => demo.notes.get(c.id) ?? ''),
    threadId: seededThreads,
    roundId: [demo.roundId],
    number: ['1', '2', '3'],
  };
  const scopes = [
    `process:${demo.processId}`,
    ...demo.compartments.map((c) => `compartment:${c.id}`),
    ...demo.accounts.map((a) => `member:${demo.processId}:${a.userId}`),
  ];
  const out: Array<[string, unknown]> = [];
  for (const def of routeTable) {
    if (def.method !== 'GET' || def.auth === 'none') continue;
    const urls = expand(def.url, values);
    const variants = queryVariants[def.url];
    const queries = ['', ...(variants ? await variants({ p, observer, scopes, get }) : [])];
    for (const url of urls)
      for (const q of queries) {
        const res = await get(url + q);
        out.push([`GET ${def.url}${q ? ` ${q}` : ''} (${urls.indexOf(url)})`, res]);
      }
  }
  return out;
}

/** Every URL of a pattern with its parameters replaced by each candidate value. */
function expand(pattern: string, values: Record<string, string[]>): string[] {
  const params = [...pattern.matchAll(/:(\w+)/g)].map((m) => m[1] ?? '');
  let urls = [pattern];
  for (const name of params) {
    const candidates = values[name] ?? [];
    urls = urls.flatMap((u) => candidates.map((v) => u.replace(`:${name}`, v)));
  }
  return urls;
}

function parseBody(body: string, contentType: unknown): unknown {
  if (typeof contentType === 'string' && contentType.includes('json'))
    try {
      return JSON.parse(body) as unknown;
    } catch {
      return body;
    }
  return body;
}

function connect(host: string, session: Session, received: unknown[]): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://${host}/api/live`, { headers: { cookie: session.cookie } });
    socket.on('message', (raw) => {
      const m = JSON.parse(String(raw)) as { type: string; events?: unknown[] };
      if (m.type === 'events') received.push(...(m.events ?? []));
      else received.push(m);
      if (m.type === 'hello') resolve(socket);
    });
    socket.on('error', reject);
  });
}

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const hash = /\b[0-9a-f]{64}\b/g;
/** Fields whose values are random on every server: never compared. */
const secretKeys = new Set(['signature', 'keyId', 'csrfToken', 'secret', 'token', 'slug']);

/** Replaces ids and hashes by labels numbered by first appearance, and secrets by `<secret>`. */
export function normalise<T>(value: T): T {
  const labels = new Map<string, string>();
  const label = (kind: string) => (v: string) => {
    let l = labels.get(v);
    if (!l) labels.set(v, (l = `<${kind}${labels.size + 1}>`));
    return l;
  };
  const walk = (v: unknown, key?: string): unknown => {
    if (typeof v === 'string') {
      if (key && secretKeys.has(key)) return '<secret>';
      // A no-break space is a mark of an issued copy's fingerprint, keyed by the server's own
      // fingerprint key (core/trace/fingerprint.ts): it differs between any two servers.
      return v
        .replace(uuid, label('id'))
        .replace(hash, label('hash'))
        .replace(/\u00a0/g, ' ');
    }
    if (Array.isArray(v)) return v.map((x) => walk(x));
    if (v !== null && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [walk(k) as string, walk(x, k)]));
    return v;
  };
  return walk(value) as T;
}
