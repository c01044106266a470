import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from './commands.js';
import { parley } from './test-support/parley.js';
import { entryHash, genesisHash } from '../core/audit/chain.js';
import { sha256 } from '../server/security/crypto.js';
import { loadConfig } from '../server/config.js';
import { startRuntime } from '../server/runtime.js';
import { asId } from '../core/shared/ids.js';

describe('parley audit verify', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parley-audit-'));
    file = join(dir, 'parley.db');
    vi.stubEnv('PARLEY_DATABASE_URL', `sqlite:${file}`);
    vi.stubEnv('PARLEY_DATA_DIR', dir);
    expect((await parley(['demo', 'seed'])).code).toBe(0);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    rmSync(dir, { recursive: true, force: true });
  });

  const tamper = (sql: string) => {
    const db = new SQLite(file);
    db.exec(sql);
    db.close();
  };

  it('accepts the untouched log of the demo', async () => {
    const r = await parley(['audit', 'verify']);
    expect(r.code).toBe(0);
    expect(r.output).toMatch(/Audit log verified: \d+ entries/);
  });

  it('names the entry whose data was changed', async () => {
    tamper(`update audit_log set data = '{"codename":"CHANGED"}' where seq = 5`);
    const r = await parley(['audit', 'verify']);
    expect(r.code).toBe(1);
    expect(r.output).toContain('BROKEN at entry #5');
  });

  it('names the entry whose actor was changed, even with its hash recomputed naively', async () => {
    tamper(
      `update audit_log set actor_user_id = 'someone-else', hash = 'f' || substr(hash, 2) where seq = 7`,
    );
    const r = await parley(['audit', 'verify']);
    expect(r.code).toBe(1);
    expect(r.output).toContain('BROKEN at entry #7');
  });

  it('names the gap where an entry was deleted', async () => {
    tamper(`delete from audit_log where seq = 9`);
    const r = await parley(['audit', 'verify']);
    expect(r.code).toBe(1);
    expect(r.output).toContain('BROKEN at entry #10');
  });

  it('detects two entries swapped in place', async () => {
    tamper(`
      update audit_log set seq = -1 where seq = 11;
      update audit_log set seq = 11 where seq = 12;
      update audit_log set seq = 12 where seq = -1;`);
    const r = await parley(['audit', 'verify']);
    expect(r.code).toBe(1);
    expect(r.output).toContain('BROKEN at entry #11');
  });

  it('detects entries cut off the end of the log', async () => {
    tamper(`delete from audit_log where seq = (select max(seq) from audit_log)`);
    const r = await parley(['audit', 'verify']);
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/entries were removed from the end/);
  });
});

describe('parley audit verify --against a signed tree head', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parley-witness-'));
    file = join(dir, 'parley.db');
    vi.stubEnv('PARLEY_DATABASE_URL', `sqlite:${file}`);
    vi.stubEnv('PARLEY_DATA_DIR', dir);
    await parley(['demo', 'seed']);
    expect((await parley(['audit', 'head', '--out', join(dir, 'head.json')])).code).toBe(0);
    await parley([
      'create-admin',
      '--email',
      'later@example.org',
      '--name',
      'Later',
      '--password',
      'a-long-password',
    ]);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    rmSync(dir, { recursive: true, force: true });
  });

  it('proves that the log grew from the witnessed one without changing it', async () => {
    const r = await parley(['audit', 'verify', '--against', join(dir, 'head.json')]);
    expect(r.code).toBe(0);
    expect(r.output).toMatch(/The log of \d+ entries extends the one of \d+ entries/);
  });

  it('catches a history rewritten with every hash recomputed, which the chain alone cannot', async () => {
    const db = new SQLite(file);
    const rows = db.prepare('select * from audit_log order by seq').all() as Array<
      Record<string, string | number | null>
    >;
    let prev = genesisHash;
    const update = db.prepare(
      'update audit_log set data = ?, prev_hash = ?, hash = ? where seq = ?',
    );
    for (const r of rows) {
      const data = r.seq === 3 ? '{"isAdmin":false}' : String(r.data);
      const entry = {
        seq: Number(r.seq),
        at: String(r.at),
        actorUserId: r.actor_user_id as string | null,
        processId: r.process_id as string | null,
        compartmentId: r.compartment_id as string | null,
        kind: String(r.kind),
        data,
        prevHash: prev,
      };
      prev = entryHash(entry, sha256);
      update.run(data, entry.prevHash, prev, entry.seq);
    }
    db.prepare('update audit_head set hash = ? where id = 1').run(prev);
    db.close();
    expect((await parley(['audit', 'verify'])).code).toBe(0);
    const r = await parley(['audit', 'verify', '--against', join(dir, 'head.json')]);
    expect(r.code).toBe(1);
    expect(r.output).toContain('does NOT extend');
  });

  it('proves that an entry is in the witnessed log, and saves the proof', async () => {
    const head = join(dir, 'head.json');
    const proofFile = join(dir, 'proof.json');
    const r = await parley(['audit', 'prove', '5', '--against', head, '--out', proofFile]);
    expect(r.code).toBe(0);
    expect(r.output).toMatch(
      /Entry #5 \(.+\) is in the log of \d+ entries signed .+: proof of \d+ nodes checked/,
    );
    const proof = JSON.parse(readFileSync(proofFile, 'utf8')) as { seq: number; proof: string[] };
    expect(proof.seq).toBe(5);
    expect(proof.proof.length).toBeGreaterThan(0);
  });

  it('refuses to prove an entry whose hash was changed after the head was witnessed', async () => {
    const db = new SQLite(file);
    db.prepare('update audit_log set hash = ? where seq = 5').run('0'.repeat(64));
    db.close();
    const r = await parley(['audit', 'prove', '5', '--against', join(dir, 'head.json')]);
    expect(r.code).toBe(1);
    expect(r.output).toContain('NOT proven');
  });

  /** The busiest scope of the demo: a compartment's log. */
  const busiestScope = () => {
    const db = new SQLite(file);
    const row = db
      .prepare(
        "select scope, count(*) n from audit_log where scope like 'compartment:%' group by scope order by n desc limit 1",
      )
      .get() as { scope: string; n: number };
    db.close();
    return row;
  };

  it("checks a member's witnessed head of one scope, and proves an entry by its number there", async () => {
    const { scope } = busiestScope();
    const scoped = join(dir, 'scoped.json');
    expect((await parley(['audit', 'head', '--scope', scope, '--out', scoped])).code).toBe(0);
    const head = JSON.parse(readFileSync(scoped, 'utf8')) as { scope: string; treeSize: number };
    expect(head.scope).toBe(scope);
    const verify = await parley(['audit', 'verify', '--against', scoped]);
    expect(verify.code).toBe(0);
    expect(verify.output).toMatch(/Audit scopes verified: \d+ scopes/);
    expect(verify.output).toContain(`The log of ${scope} of ${head.treeSize} entries extends`);
    const prove = await parley(['audit', 'prove', '2', '--against', scoped]);
    expect(prove.code).toBe(0);
    expect(prove.output).toMatch(/Entry #2 \(.+\) is in the log of \d+ entries/);
  });

  it('names the entry whose scope number was altered, though the chain still holds', async () => {
    const { scope } = busiestScope();
    const db = new SQLite(file);
    const seq = (
      db.prepare('select seq from audit_log where scope = ? and scope_seq = 2').get(scope) as {
        seq: number;
      }
    ).seq;
    db.prepare('update audit_log set scope_seq = 99999 where seq = ?').run(seq);
    db.close();
    const r = await parley(['audit', 'verify']);
    expect(r.code).toBe(1);
    expect(r.output).toContain(`Audit scopes BROKEN at entry #${seq}`);
  });

  it('explains a seq that is not an entry of the head', async () => {
    await expect(
      parley(['audit', 'prove', '999999', '--against', join(dir, 'head.json')]),
    ).rejects.toThrow(/no entry #999999 in a log of \d+ entries/);
    await expect(parley(['audit', 'prove', 'five'])).rejects.toThrow('a whole number from 1');
  });
});

describe('parley create-admin', () => {
  it('refuses a short password with a clear message and creates nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-admin-'));
    vi.stubEnv('PARLEY_DATABASE_URL', `sqlite:${join(dir, 'p.db')}`);
    await expect(
      run(['create-admin', '--email', 'a@b.c', '--name', 'A', '--password', 'short']),
    ).rejects.toThrow(/at least 12 characters/);
    const ok = await parley([
      'create-admin',
      '--email',
      'a@b.c',
      '--name',
      'A',
      '--password',
      'long-enough-password',
    ]);
    expect(ok.code).toBe(0);
    expect(ok.output).toContain('Created facilitator admin a@b.c');
    vi.unstubAllEnvs();
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('parley audit verify beside a busy server', () => {
  let dir: string;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parley-busy-'));
    vi.stubEnv('PARLEY_DATABASE_URL', `sqlite:${join(dir, 'parley.db')}`);
    vi.stubEnv('PARLEY_DATA_DIR', dir);
    expect((await parley(['demo', 'seed'])).code).toBe(0);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    rmSync(dir, { recursive: true, force: true });
  });

  it('passes while the server appends to the log, and says how many entries it read', async () => {
    const server = await startRuntime({ ...loadConfig(), logLevel: 'silent' }, { webRoot: null });
    const process = await server.database.db
      .selectFrom('processes')
      .select('id')
      .executeTakeFirstOrThrow();
    const user = await server.database.db
      .selectFrom('users')
      .select('id')
      .executeTakeFirstOrThrow();
    let stopped = false;
    let appended = 0;
    const writer = (async () => {
      while (!stopped) {
        await server.deps.db.transaction((s) =>
          // A change, never skipped as a repeated read: every pass appends one entry.
          s.audit.append({
            kind: 'invitation.revoked',
            data: { invitationId: `busy-${appended}` },
            actorUserId: asId(user.id),
            processId: asId(process.id),
            compartmentId: null,
          }),
        );
        appended++;
      }
    })();
    try {
      for (let round = 0; round < 3; round++) {
        const before = appended;
        const r = await parley(['audit', 'verify']);
        expect(r.output).toMatch(/Audit log verified: \d+ entries/);
        expect(r.code).toBe(0);
        // Commits are batched after the current turn of the event loop: the writer goes on.
        await vi.waitFor(() => expect(appended).toBeGreaterThan(before));
      }
    } finally {
      stopped = true;
      await writer;
      await server.close();
    }
  });
});
