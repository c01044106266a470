/**
 * Bad input: property-based fuzzing of every route with malformed ids, query strings and bodies.
 * Every answer is a 4xx with an error code and a message, never a stack trace, and the database
 * is unchanged afterwards.
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../test-support/databases.js';
import { useParley, type Session, type TestParley } from '../test-support/harness.js';
import { routeTable } from './app.js';
import type { RouteDef } from './route.js';

const tables = [
  'users',
  'sessions',
  'api_tokens',
  'sign_in_throttle',
  'sign_in_devices',
  'processes',
  'parties',
  'compartments',
  'memberships',
  'compartment_grants',
  'pending_seats',
  'status_changes',
  'process_links',
  'invitations',
  'items',
  'audit_log',
];

async function snapshot(p: TestParley): Promise<string> {
  const counts: string[] = [];
  for (const t of tables) {
    const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(t)}`.execute(
      p.runtime.database.db,
    );
    counts.push(`${t}=${Number(r.rows[0]?.n)}`);
  }
  const head = await sql<{ hash: string }>`select hash from audit_head`.execute(
    p.runtime.database.db,
  );
  return `${counts.join(',')};${head.rows[0]?.hash}`;
}

const badId = fc.oneof(
  fc.constantFrom(
    '1',
    'null',
    '../etc/passwd',
    "' or 1=1 --",
    '%00',
    'undefined',
    '00000000-0000-0000-0000-00000000000g',
  ),
  fc.string({ minLength: 1, maxLength: 40 }).filter((s) => !/^[0-9a-f-]{36}$/i.test(s)),
);
const jsonValue = fc.jsonValue({ maxDepth: 3 });

/** Fills a route's URL with valid ids, except where the case corrupts one. */
function urlFor(
  def: RouteDef,
  ids: Record<string, string>,
  corrupt: string | null,
  bad: string,
): string {
  return def.url.replace(/:(\w+)/g, (_, name: string) =>
    encodeURIComponent(name === corrupt ? bad : (ids[name] ?? ids.any ?? '')),
  );
}

/** The parameter names of a route's query schema. */
function queryKeys(def: RouteDef): string[] {
  const shape = (def.query as unknown as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
}

const [target] = await testDatabases();

describe('bad input to every route', () => {
  const p = useParley(target!);
  let s: Session;
  let ids: Record<string, string>;
  beforeAll(async () => {
    s = await p.session('leadMediator');
    const plenary = p.demo.compartments.find((c) => c.kind === 'plenary')!;
    ids = {
      processId: p.demo.processId,
      compartmentId: plenary.id,
      itemId: p.demo.notes.get(plenary.id)!,
      partyId: p.demo.parties.gov,
      userId: p.demo.accounts[1]!.userId,
      invitationId: p.demo.processId,
      tokenId: p.demo.processId,
      secret: 'x'.repeat(30),
    };
  });

  it('answers malformed ids, queries and bodies with a 4xx and changes nothing', async () => {
    const before = await snapshot(p);
    const fuzzable = routeTable.filter((d) => d.params || d.query || d.body);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: fuzzable.length - 1 }),
        fc.constantFrom('params', 'query', 'body', 'raw') as fc.Arbitrary<
          'params' | 'query' | 'body' | 'raw'
        >,
        badId,
        jsonValue,
        fc.string({ maxLength: 60 }),
        async (index, part, bad, body, raw) => {
          const def = fuzzable[index]!;
          const paramNames = [...def.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
          let url = urlFor(def, ids, null, bad);
          let payload: string | undefined;
          let contentType = 'application/json';
          if (part === 'params' && paramNames.length) {
            url = urlFor(def, ids, paramNames[0]!, bad);
            payload = '{}';
          } else if (part === 'query' && def.query && queryKeys(def).length) {
            // Every parameter of the route's own query set to the bad value; skipped if it is valid.
            const query = Object.fromEntries(queryKeys(def).map((k) => [k, bad]));
            if (def.query.safeParse(query).success) return;
            url += `?${new URLSearchParams(query).toString()}`;
          } else if (part === 'body' && def.body && !def.body.safeParse(body).success) {
            payload = JSON.stringify(body);
          } else if (def.method !== 'GET') {
            // Not JSON at all (an object never closed), or under the wrong content type.
            payload = `{"unterminated": ${JSON.stringify(raw)}`;
            if (raw.length % 2 === 1) contentType = 'text/plain';
          } else {
            return; // nothing malformed to send to this GET
          }
          const res = await p.as(s, {
            method: def.method,
            url,
            payload,
            headers: payload === undefined ? {} : { 'content-type': contentType },
          });
          expect(
            res.statusCode,
            `${def.method} ${url} ${payload ?? ''} → ${res.body}`,
          ).toBeGreaterThanOrEqual(400);
          expect(
            res.statusCode,
            `${def.method} ${url} ${payload ?? ''} → ${res.body}`,
          ).toBeLessThan(500);
          const answer = res.json() as { error?: { code?: string; message?: string } };
          expect(answer.error?.code).toMatch(/^[A-Z_]+$/);
          expect(answer.error?.message).toBeTruthy();
          expect(res.body).not.toMatch(/at .*\.(ts|js):\d+|node_modules|SELECT |sqlite/i);
        },
      ),
      { numRuns: 400, seed: 20261127 },
    );
    expect(await snapshot(p)).toBe(before);
  });
});
