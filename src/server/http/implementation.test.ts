import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { historyOf, levelAsOf, type LevelHistory } from '../../core/implementation/history.js';
import {
  ImportedLevelsMismatch,
  levelFactsFromLog,
} from '../../core/implementation/imported-levels.js';
import { testDatabases } from '../test-support/databases.js';
import { testClock, useParley, type TestParley } from '../test-support/harness.js';

const targets = await testDatabases();

interface Commitment {
  id: string;
  externalId: string;
  basis: string;
  wording: string;
  revision: number;
}
interface Evidence {
  id: string;
  released: boolean;
  compartmentId: string;
}
interface Timeline {
  commitment: Record<string, unknown>;
  level: number;
  openDisputes: number;
  entries: Array<{ id: string; level: number; effectiveOn: string; setAt: string }>;
  verifications: Array<{ id: string; verdict: string; resolvedAt: string | null }>;
  evidence: Evidence[];
  asOf: { level: number } | null;
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

describe.each(targets)('implementation on $name', (target) => {
  const clock = testClock(new Date('2027-01-10T09:00:00Z'));
  const p = useParley(target, { clock });
  type Key = Parameters<TestParley['session']>[0];
  const url = () => `/api/processes/${p.demo.processId}/implementation`;
  type Verb = 'GET' | 'POST' | 'PATCH' | 'DELETE';
  const call = (key: Key, method: Verb, path: string, payload?: object) =>
    p.request(key, method, `${url()}${path}`, payload);
  const ok = async (key: Key, method: Verb, path: string, payload?: object) => {
    const res = await call(key, method, path, payload);
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json() as unknown;
  };
  const create = async ({
    versionNumber = 2,
    ...over
  }: { versionNumber?: number; [field: string]: unknown } = {}) =>
    (
      (await ok('mediator', 'POST', '/commitments', {
        versionNumber,
        commitments: [
          {
            provisionKey: 'p-humanitarian',
            responsiblePartyIds: [p.demo.parties.gov],
            startsOn: '2026-01-01',
            deadline: '2026-12-31',
            provisionType: 'human_rights',
            ...over,
          },
        ],
      })) as Commitment[]
    )[0]!;
  const timeline = async (key: Key, id: string, query = '') =>
    (await ok(key, 'GET', `/commitments/${id}${query}`)) as Timeline;
  /** Every level fact the audit log gives: levels set one by one, and the rows each import names. */
  const factsFromLog = () =>
    p.runtime.deps.db.transaction(async (s) =>
      levelFactsFromLog({
        entries: [
          ...(await s.audit.listByKind('level.set')),
          ...(await s.audit.listByKind('levels.imported')),
        ].sort((a, b) => a.seq - b.seq),
        rowsOf: (importId) => s.implementation.listImportedLevels(p.demo.processId, importId),
        sha256: (lines) => p.runtime.deps.hashing.sha256(lines),
      }),
    );
  const releasedEvidence = async (id: string, observedOn = '2026-03-01') => {
    const e = (await ok('mediator', 'POST', `/commitments/${id}/evidence`, {
      kind: 'report',
      text: `Field report ${observedOn}`,
      observedOn,
      source: 'Mediators’ field team',
    })) as Evidence;
    await ok('leadMediator', 'POST', `/evidence/${e.id}/release`);
    return e;
  };

  it('turns an agreed provision of a version into a commitment with the provision’s wording, for planning until every party has signed', async () => {
    // Version 3 is signed by nobody yet: commitments from it are for planning.
    const planned = await create({ versionNumber: 3 });
    expect(planned.basis).toBe('ad_referendum');
    expect(planned.wording.length).toBeGreaterThan(10);
    expect(planned.externalId).toBe('v3-p-humanitarian-1');
    for (const head of ['govHead', 'oppHead'] as const) {
      const v = (
        await p.request(head, 'GET', `/api/processes/${p.demo.processId}/text/versions/3`)
      ).json() as { version: { hash: string } };
      const signed = await p.request(
        head,
        'POST',
        `/api/processes/${p.demo.processId}/text/versions/3/signatures`,
        { versionHash: v.version.hash },
      );
      expect(signed.statusCode, signed.body).toBe(201);
    }
    // Every party has signed version 3 now: commitments from it are `signed`.
    const second = await create({ versionNumber: 3, wording: 'Open two humanitarian corridors.' });
    expect(second).toMatchObject({
      basis: 'signed',
      externalId: 'v3-p-humanitarian-2',
      wording: 'Open two humanitarian corridors.',
    });
    // Version 2, which the demo's parties both signed, gives `signed` commitments from the start.
    expect((await create()).basis).toBe('signed');
  });

  it('refuses a provision that is not agreed, and says which', async () => {
    const res = await call('mediator', 'POST', '/commitments', {
      versionNumber: 2,
      commitments: [
        {
          provisionKey: 'p-date',
          responsiblePartyIds: [],
          startsOn: '2026-01-01',
          deadline: '2026-02-01',
          provisionType: 'electoral_reform',
        },
      ],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('is not agreed');
  });

  it('answers bad input with a 400 naming the field', async () => {
    const res = await call('mediator', 'POST', '/commitments', {
      versionNumber: 2,
      commitments: [
        {
          provisionKey: 'p-humanitarian',
          responsiblePartyIds: [],
          startsOn: '2026-13-01',
          deadline: null,
          provisionType: 'warp',
        },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('provisionType');
    expect(res.body).not.toContain('at ');
  });

  it('moves a level only with evidence released to the plenary', async () => {
    const c = await create();
    const none = await call('mediator', 'POST', `/commitments/${c.id}/levels`, {
      level: 1,
      effectiveOn: '2026-02-01',
      evidenceIds: [],
    });
    expect(none.statusCode).toBe(400);
    // The government's evidence sits in its caucus: the mediators do not see it, cannot cite it.
    const gov = (await ok('govDelegate', 'POST', `/commitments/${c.id}/evidence`, {
      kind: 'link',
      text: 'Decree published',
      url: 'https://example.org/decree.pdf',
      observedOn: '2026-02-01',
      source: 'Official gazette',
      sha256: sha('decree'),
    })) as Evidence;
    expect(gov.released).toBe(false);
    expect((await timeline('mediator', c.id)).evidence).toEqual([]);
    expect((await timeline('oppHead', c.id)).evidence).toEqual([]);
    expect((await timeline('govHead', c.id)).evidence.map((e) => e.id)).toEqual([gov.id]);
    const hidden = await call('mediator', 'POST', `/commitments/${c.id}/levels`, {
      level: 1,
      effectiveOn: '2026-02-01',
      evidenceIds: [gov.id],
    });
    expect(hidden.statusCode).toBe(422);
    // Only the head releases the party's evidence; then the level moves.
    expect((await call('govDelegate', 'POST', `/evidence/${gov.id}/release`)).statusCode).toBe(403);
    expect((await call('oppHead', 'POST', `/evidence/${gov.id}/release`)).statusCode).toBe(404);
    await ok('govHead', 'POST', `/evidence/${gov.id}/release`);
    await ok('mediator', 'POST', `/commitments/${c.id}/levels`, {
      level: 1,
      effectiveOn: '2026-02-01',
      evidenceIds: [gov.id],
      note: 'Decree',
    });
    const t = await timeline('observer', c.id);
    expect(t.level).toBe(1);
    expect(t.evidence.map((e) => [e.id, e.released])).toEqual([[gov.id, true]]);
    // A party not responsible for the commitment submits no evidence for it.
    expect(
      (
        await call('oppHead', 'POST', `/commitments/${c.id}/evidence`, {
          kind: 'report',
          text: 'x',
          observedOn: '2026-02-01',
          source: 'x',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('lets guarantors and observers verify or dispute a level, and shows a dispute until it is resolved', async () => {
    const c = await create();
    const e = await releasedEvidence(c.id);
    const entry = (await ok('mediator', 'POST', `/commitments/${c.id}/levels`, {
      level: 2,
      effectiveOn: '2026-03-01',
      evidenceIds: [e.id],
    })) as { id: string };
    expect(
      (
        await call('govHead', 'POST', `/commitments/${c.id}/verifications`, {
          entryId: entry.id,
          verdict: 'verified',
        })
      ).statusCode,
    ).toBe(403);
    await ok('observer', 'POST', `/commitments/${c.id}/verifications`, {
      entryId: entry.id,
      verdict: 'verified',
      reason: 'Seen on site.',
    });
    const noReason = await call('observer', 'POST', `/commitments/${c.id}/verifications`, {
      entryId: entry.id,
      verdict: 'disputed',
    });
    expect(noReason.statusCode).toBe(400);
    const dispute = (await ok('observer', 'POST', `/commitments/${c.id}/verifications`, {
      entryId: entry.id,
      verdict: 'disputed',
      reason: 'Only one corridor open.',
    })) as { id: string };
    expect((await timeline('govDelegate', c.id)).openDisputes).toBe(1);
    const list = (await ok('oppDelegate', 'GET', '')) as {
      commitments: Array<{ commitment: { id: string }; openDisputes: number; verified: number }>;
    };
    expect(list.commitments.find((x) => x.commitment.id === c.id)).toMatchObject({
      openDisputes: 1,
      verified: 1,
    });
    expect(
      (
        await call('govHead', 'POST', `/verifications/${dispute.id}/resolution`, {
          resolution: 'x',
        })
      ).statusCode,
    ).toBe(403);
    await ok('leadMediator', 'POST', `/verifications/${dispute.id}/resolution`, {
      resolution: 'Second corridor opened in April.',
    });
    expect((await timeline('govDelegate', c.id)).openDisputes).toBe(0);
    expect(
      (
        await call('leadMediator', 'POST', `/verifications/${dispute.id}/resolution`, {
          resolution: 'again',
        })
      ).statusCode,
    ).toBe(409);
  });

  it('keeps each level entry’s own time in the log when several share one group commit', async () => {
    const c = await create();
    const e = await releasedEvidence(c.id);
    // Every reading of the clock is a millisecond later: the entries set together get times of
    // their own, and the audit entries their batch appends at its end a later one.
    const now = clock.now;
    let tick = 0;
    clock.now = () => new Date(now().getTime() + ++tick);
    try {
      await Promise.all(
        [1, 2, 3].map((level) =>
          ok('mediator', 'POST', `/commitments/${c.id}/levels`, {
            level,
            effectiveOn: '2026-04-01',
            evidenceIds: [e.id],
          }),
        ),
      );
    } finally {
      clock.now = now;
    }
    const stored = (await timeline('observer', c.id)).entries;
    const facts = (await factsFromLog()).filter((f) => f.commitmentId === c.id);
    expect(facts).toHaveLength(3);
    for (const f of facts) expect(f.setAt).toBe(stored.find((x) => x.id === f.id)?.setAt);
    const served = await timeline('observer', c.id, '?asOf=2026-04-02');
    expect(served.asOf?.level).toBe(levelAsOf(facts, '2026-04-02'));
  });

  it('reproduces the level as of any date from the audit log, after later and back-dated changes', async () => {
    const c = await create();
    const e = await releasedEvidence(c.id);
    const set = async (level: number, effectiveOn: string) => {
      clock.advance(60_000);
      await ok('mediator', 'POST', `/commitments/${c.id}/levels`, {
        level,
        effectiveOn,
        evidenceIds: [e.id],
      });
    };
    await set(1, '2026-03-01');
    await set(2, '2026-06-01');
    const before = new Date(clock.now().getTime() + 1).toISOString();
    clock.advance(60_000);
    await set(3, '2026-09-01');
    await set(1, '2026-05-01'); // a back-dated correction recorded later
    const facts = (await factsFromLog()).filter((f) => f.commitmentId === c.id);
    expect(facts).toHaveLength(4);
    for (const date of [
      '2026-02-28',
      '2026-03-01',
      '2026-05-15',
      '2026-06-02',
      '2026-09-01',
      '2027-01-01',
    ])
      for (const knownAt of [undefined, before]) {
        const q = `?asOf=${date}${knownAt ? `&knownAt=${encodeURIComponent(knownAt)}` : ''}`;
        const served = (await timeline('observer', c.id, q)).asOf?.level;
        expect(served, `${date} known at ${knownAt ?? 'now'}`).toBe(
          levelAsOf(facts, date, knownAt),
        );
      }
    expect((await timeline('observer', c.id, '?asOf=2026-05-15')).asOf?.level).toBe(1);
    expect(
      (await timeline('observer', c.id, `?asOf=2026-05-15&knownAt=${encodeURIComponent(before)}`))
        .asOf?.level,
    ).toBe(1);
    expect(
      (await timeline('observer', c.id, `?asOf=2026-07-01&knownAt=${encodeURIComponent(before)}`))
        .asOf?.level,
    ).toBe(2);
  });

  it('reproduces an imported level as of any date from the import’s one audit entry, after later changes', async () => {
    const header =
      'external_id,provision_type,theme,wording,responsible,starts_on,deadline,recurrence,weight,version,provision';
    const levelsHeader =
      'external_id,effective_on,level,note,evidence_source,evidence_url,evidence_sha256';
    clock.advance(60_000);
    const imported = (await ok('mediator', 'POST', '/import', {
      commitmentsCsv: `${header}\nASOF-1,ceasefire,,Withdraw to the line,GOV,2026-01-01,2026-12-31,none,1,,`,
      levelsCsv: [
        levelsHeader,
        `ASOF-1,2026-02-01,1,Checkpoints staffed,Field team,,${sha('a')}`,
        `ASOF-1,2026-04-01,2,Half the posts withdrawn,Field team,,${sha('b')}`,
      ].join('\n'),
    })) as Record<string, number>;
    expect(imported).toMatchObject({ created: 1, levels: 2 });
    const list = (await ok('observer', 'GET', '')) as {
      commitments: Array<{ commitment: { id: string; externalId: string } }>;
    };
    const c = list.commitments.find((x) => x.commitment.externalId === 'ASOF-1')!.commitment;
    // One audit entry for the import's levels, none per row.
    const audit = await p.runtime.deps.db.transaction(async (s) => ({
      imports: await s.audit.listByKind('levels.imported'),
      set: await s.audit.listByKind('level.set'),
      submitted: await s.audit.listByKind('evidence.submitted'),
    }));
    expect(audit.imports).toHaveLength(1);
    expect(JSON.parse(audit.imports[0]!.data)).toMatchObject({ levels: 2 });
    expect(audit.set.some((a) => a.data.includes(c.id))).toBe(false);
    expect(audit.submitted.some((a) => a.data.includes(c.id))).toBe(false);
    // The imported evidence carries the note as its report.
    const t = await timeline('observer', c.id);
    expect(t.evidence.map((e) => (e as Evidence & { text: string }).text).sort()).toEqual([
      'Checkpoints staffed',
      'Half the posts withdrawn',
    ]);
    // An imported entry is verified like any other; its evidence is found by its id, already
    // released; an id of the same run that names nothing answers like a missing one.
    const importedEntry = t.entries.find((x) => x.effectiveOn === '2026-02-01')!;
    const verification = (await ok('observer', 'POST', `/commitments/${c.id}/verifications`, {
      entryId: importedEntry.id,
      verdict: 'verified',
      reason: 'Checkpoints seen staffed.',
    })) as { id: string };
    expect(verification.id).toBeTruthy();
    const importedEvidence = t.evidence[0]!;
    expect(
      (await call('mediator', 'POST', `/evidence/${importedEvidence.id}/release`)).statusCode,
    ).toBe(409);
    const beyond = `00ff${importedEvidence.id.slice(4)}`;
    expect((await call('mediator', 'POST', `/evidence/${beyond}/release`)).statusCode).toBe(404);
    const before = new Date(clock.now().getTime() + 1).toISOString();
    // Later changes: a new level, and a back-dated correction recorded later.
    const e = await releasedEvidence(c.id, '2026-06-01');
    for (const [level, effectiveOn] of [
      [3, '2026-06-01'],
      [3, '2026-03-01'],
    ] as const) {
      clock.advance(60_000);
      await ok('mediator', 'POST', `/commitments/${c.id}/levels`, {
        level,
        effectiveOn,
        evidenceIds: [e.id],
      });
    }
    const facts = (await factsFromLog()).filter((f) => f.commitmentId === c.id);
    expect(facts).toHaveLength(4);
    for (const date of ['2026-01-31', '2026-02-01', '2026-03-15', '2026-04-02', '2026-07-01'])
      for (const knownAt of [undefined, before]) {
        const q = `?asOf=${date}${knownAt ? `&knownAt=${encodeURIComponent(knownAt)}` : ''}`;
        const served = (await timeline('observer', c.id, q)).asOf?.level;
        expect(served, `${date} known at ${knownAt ?? 'now'}`).toBe(
          levelAsOf(facts, date, knownAt),
        );
      }
    // The history the roll-ups read (the imported run and the entries set one by one, merged by
    // the store) is the history of the entries themselves, now and as known before the changes.
    const plenary = p.demo.compartments.filter((x) => x.kind === 'plenary').map((x) => x.id);
    for (const knownAt of [undefined, before]) {
      const [read, entries] = await p.runtime.deps.db.transaction(async (s) => [
        await s.implementation.readLevelHistory(p.demo.processId, plenary, knownAt),
        await s.implementation.listLevelFacts(p.demo.processId, plenary),
      ]);
      const expected = historyOf(
        entries.filter((f) => knownAt === undefined || f.setAt <= knownAt),
      );
      const columns = (h: LevelHistory) => {
        const r = h.ranges.get(c.id) ?? { start: 0, end: 0 };
        return [
          Array.from(h.levels).slice(r.start, r.end),
          Array.from(h.effectiveDays).slice(r.start, r.end),
        ];
      };
      expect(columns(read)).toEqual(columns(expected));
      expect(columns(read)[0]).toHaveLength(knownAt === undefined ? 4 : 2);
    }
    // The back-dated correction holds from March now; before it, the imported level did.
    expect((await timeline('observer', c.id, '?asOf=2026-03-15')).asOf?.level).toBe(3);
    expect(
      (await timeline('observer', c.id, `?asOf=2026-03-15&knownAt=${encodeURIComponent(before)}`))
        .asOf?.level,
    ).toBe(1);
    expect((await timeline('observer', c.id, '?asOf=2026-04-02')).asOf?.level).toBe(2);
    // A stored row altered afterwards no longer matches the hash the log holds: the imported
    // entries of one commitment are one run, its levels one digit each in date order.
    const setRunLevels = (levels: string) =>
      p.runtime.database.db
        .updateTable('impl_level_runs')
        .set({ levels })
        .where('commitment_id', '=', c.id)
        .execute();
    await setRunLevels('32');
    await expect(factsFromLog()).rejects.toBeInstanceOf(ImportedLevelsMismatch);
    await setRunLevels('12');
    expect(await factsFromLog()).toEqual(expect.arrayContaining(facts));
  });

  it('rolls progress up month by month and flags overdue and silent commitments', async () => {
    const progress = (await ok(
      'observer',
      'GET',
      '/progress?from=2026-01&to=2026-12&silentFrom=2026-10-01&silentTo=2026-12-31',
    )) as {
      overall: Array<{ month: string; counts: number[]; percent: number }>;
      byParty: Array<{ key: string }>;
      matrix: Array<{ provisionType: string; year: number }>;
      overdue: string[];
      silent: string[];
    };
    expect(progress.overall).toHaveLength(12);
    const total = progress.overall[0]!.counts.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(0);
    expect(progress.byParty.map((g) => g.key)).toContain(p.demo.parties.gov);
    expect(progress.matrix.some((m) => m.provisionType === 'human_rights' && m.year === 2026)).toBe(
      true,
    );
    // The deadline was 2026-12-31 and no commitment is complete today (2027-01-10) except none.
    expect(progress.overdue.length).toBeGreaterThan(0);
    expect(progress.silent.length).toBeGreaterThan(0);
    // The facilitator, outside the plenary, sees an empty picture.
    const admin = (await ok('admin', 'GET', '/progress?from=2026-01&to=2026-02')) as {
      overall: Array<{ counts: number[] }>;
    };
    expect(admin.overall[0]!.counts).toEqual([0, 0, 0, 0]);
  });

  it('exports CSV that imports back without changing anything', async () => {
    const file = async (format: string) =>
      (await call('observer', 'GET', `/export?format=${format}`)).body;
    const commitmentsCsv = await file('commitments.csv');
    const levelsCsv = await file('levels.csv');
    expect(commitmentsCsv.split('\r\n')[0]).toContain('external_id,provision_type');
    const report = (await ok('mediator', 'POST', '/import', {
      commitmentsCsv,
      levelsCsv,
    })) as Record<string, number>;
    expect(report).toMatchObject({ created: 0, updated: 0, levels: 0 });
    expect(report.unchanged).toBeGreaterThan(0);
    expect(await file('commitments.csv')).toBe(commitmentsCsv);
    expect(await file('levels.csv')).toBe(levelsCsv);
    const json = JSON.parse(await file('json')) as { commitments: unknown[] };
    expect(json.commitments.length).toBe(report.unchanged);
  });

  it('imports back unchanged a level set by hand that cites imported evidence', async () => {
    const header =
      'external_id,provision_type,theme,wording,responsible,starts_on,deadline,recurrence,weight,version,provision';
    const levelsHeader =
      'external_id,effective_on,level,note,evidence_source,evidence_url,evidence_sha256';
    await ok('mediator', 'POST', '/import', {
      commitmentsCsv: `${header}\nCITE-1,ceasefire,,Withdraw to the line,GOV,2026-01-01,2026-12-31,none,1,,`,
      levelsCsv: `${levelsHeader}\nCITE-1,2026-02-01,1,Checkpoints staffed,Field team,,${sha('cite')}`,
    });
    const list = (await ok('observer', 'GET', '')) as {
      commitments: Array<{ commitment: { id: string; externalId: string } }>;
    };
    const c = list.commitments.find((x) => x.commitment.externalId === 'CITE-1')!.commitment;
    const imported = (await timeline('observer', c.id)).evidence[0]!;
    await ok('mediator', 'POST', `/commitments/${c.id}/levels`, {
      level: 2,
      effectiveOn: '2026-03-01',
      evidenceIds: [imported.id],
      note: 'Cites the imported report',
    });
    const before = await timeline('observer', c.id);
    const file = async (format: string) =>
      (await call('observer', 'GET', `/export?format=${format}`)).body;
    const levelsCsv = await file('levels.csv');
    expect(levelsCsv).toContain(`CITE-1,2026-03-01,2,Cites the imported report`);
    const report = (await ok('mediator', 'POST', '/import', {
      commitmentsCsv: await file('commitments.csv'),
      levelsCsv,
    })) as Record<string, number>;
    expect(report).toMatchObject({ created: 0, updated: 0, levels: 0 });
    expect((await timeline('observer', c.id)).entries).toEqual(before.entries);
    expect(await file('levels.csv')).toBe(levelsCsv);
  });

  it('imports 5,000 commitments atomically: one bad row changes nothing and is named', async () => {
    const header =
      'external_id,provision_type,theme,wording,responsible,starts_on,deadline,recurrence,weight,version,provision';
    const rows = Array.from(
      { length: 5000 },
      (_, i) => `BULK-${i},ceasefire,,Commitment ${i},GOV|OPP,2026-01-01,2027-06-30,none,1,,`,
    );
    rows[3141] = 'BULK-3141,ceasefire,,Commitment,GOV,2026-01-01,2027-06-30,never,1,,';
    const before = (await ok('mediator', 'GET', '')) as { commitments: unknown[] };
    const bad = await call('mediator', 'POST', '/import', {
      commitmentsCsv: [header, ...rows].join('\n'),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.errors).toEqual([
      {
        file: 'commitments',
        line: 3143,
        column: 'recurrence',
        message: 'Give one of none, monthly, quarterly, yearly.',
      },
    ]);
    expect(
      ((await ok('mediator', 'GET', '')) as { commitments: unknown[] }).commitments,
    ).toHaveLength(before.commitments.length);
    rows[3141] = 'BULK-3141,ceasefire,,Commitment 3141,GOV|OPP,2026-01-01,2027-06-30,none,1,,';
    const good = (await ok('mediator', 'POST', '/import', {
      commitmentsCsv: [header, ...rows].join('\n'),
    })) as Record<string, number>;
    expect(good.created).toBe(5000);
    expect(
      ((await ok('mediator', 'GET', '')) as { commitments: unknown[] }).commitments,
    ).toHaveLength(before.commitments.length + 5000);
  }, 60_000);

  interface Theme {
    id: string;
    code: string;
    name: string;
    parentCode: string | null;
    pamType: string | null;
    paxCode: string | null;
  }
  const themes = async () => ((await ok('mediator', 'GET', '')) as { themes: Theme[] }).themes;
  const edit = (c: Commitment, over: object = {}) =>
    call('mediator', 'PATCH', `/commitments/${c.id}`, {
      baseRevision: c.revision,
      wording: c.wording,
      responsiblePartyIds: [p.demo.parties.gov],
      startsOn: '2026-01-01',
      deadline: '2026-12-31',
      provisionType: 'human_rights',
      ...over,
    });

  it('lets the mediators define a theme and a subtheme mapped to PAM and to PA-X, listed with the plan', async () => {
    const theme = await call('mediator', 'POST', '/themes', {
      code: 'SEC',
      name: 'Security guarantees',
      pamType: 'ceasefire',
    });
    expect(theme.statusCode, theme.body).toBe(201);
    const sub = await call('leadMediator', 'POST', '/themes', {
      code: 'SEC.1',
      name: 'Humanitarian corridors',
      parentCode: 'SEC',
      pamType: 'human_rights',
      paxCode: 'HrGen',
    });
    expect(sub.statusCode, sub.body).toBe(201);
    expect(await themes()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'SEC',
          parentCode: null,
          pamType: 'ceasefire',
          paxCode: null,
        }),
        expect.objectContaining({
          code: 'SEC.1',
          name: 'Humanitarian corridors',
          parentCode: 'SEC',
          pamType: 'human_rights',
          paxCode: 'HrGen',
        }),
      ]),
    );
    // Every party and guarantor reading the plenary sees the same themes.
    const seen = (await ok('observer', 'GET', '')) as { themes: Theme[] };
    expect(seen.themes.map((t) => t.code)).toEqual(expect.arrayContaining(['SEC', 'SEC.1']));
  });

  it('refuses a theme that breaks a rule, naming the field, and adds nothing', async () => {
    await ok('mediator', 'POST', '/themes', { code: 'LAND', name: 'Land' });
    await ok('mediator', 'POST', '/themes', { code: 'LAND.1', name: 'Titles', parentCode: 'LAND' });
    const before = (await themes()).length;
    const cases: Array<[object, number, string]> = [
      [{ code: 'LAND', name: 'Again' }, 409, 'LAND'],
      [{ code: 'two words', name: 'Spaced' }, 400, 'code'],
      [{ code: 'X', name: 'Orphan', parentCode: 'NOPE' }, 400, 'parentCode'],
      [{ code: 'LAND.1.1', name: 'Too deep', parentCode: 'LAND.1' }, 400, 'parentCode'],
      [{ code: 'P', name: 'Bad type', pamType: 'warp' }, 400, 'pamType'],
      [{ code: 'N', name: '   ' }, 400, 'name'],
      [{ code: 'Q', name: 'Long PA-X', paxCode: 'x'.repeat(33) }, 400, 'paxCode'],
    ];
    for (const [body, status, field] of cases) {
      const res = await call('mediator', 'POST', '/themes', body);
      expect([res.statusCode, res.body]).toEqual([status, expect.stringContaining(field)]);
      expect(res.body).not.toContain('    at ');
    }
    // A parent that does not exist (or was removed meanwhile) is named as such.
    const orphan = await call('mediator', 'POST', '/themes', {
      code: 'X',
      name: 'Orphan',
      parentCode: 'NOPE',
    });
    expect(orphan.json().error.message).toBe('No theme has the code NOPE.');
    const party = await call('govHead', 'POST', '/themes', { code: 'GOV', name: 'Ours' });
    expect(party.statusCode).toBe(403);
    expect(await themes()).toHaveLength(before);
  });

  const themeNamed = async (code: string) => (await themes()).find((t) => t.code === code);
  const fieldsOf = (t: Theme) => ({
    name: t.name,
    parentCode: t.parentCode,
    pamType: t.pamType,
    paxCode: t.paxCode,
  });
  const editTheme = (t: Theme, over: object = {}, key: Key = 'mediator') =>
    call(key, 'PATCH', `/themes/${t.id}`, { ...fieldsOf(t), ...over, base: fieldsOf(t) });
  const auditOf = (kind: 'theme.edited' | 'theme.removed') =>
    p.runtime.deps.db.transaction(async (s) =>
      (await s.audit.listByKind(kind)).map((e) => JSON.parse(e.data) as Record<string, unknown>),
    );

  it('lets the mediators edit a theme’s name, parent and mappings, keeping its code and its commitments', async () => {
    await ok('mediator', 'POST', '/themes', { code: 'ELE', name: 'Elections' });
    await ok('mediator', 'POST', '/themes', { code: 'INS', name: 'Institutions' });
    const cal = (await ok('mediator', 'POST', '/themes', {
      code: 'CAL',
      name: 'Calendar',
      pamType: 'electoral_reform',
    })) as Theme;
    const c = await create({ themeCode: 'CAL' });
    const res = await editTheme(cal, {
      name: 'Electoral calendar',
      parentCode: 'ELE',
      pamType: 'electoral_commission',
      paxCode: 'PolEle',
    });
    expect(res.statusCode, res.body).toBe(200);
    const edited = {
      id: cal.id,
      code: 'CAL',
      name: 'Electoral calendar',
      parentCode: 'ELE',
      pamType: 'electoral_commission',
      paxCode: 'PolEle',
    };
    expect(res.json()).toEqual(edited);
    expect(await themeNamed('CAL')).toEqual(edited);
    // The commitments keep their theme: they refer to its code, which did not change.
    expect((await timeline('observer', c.id)).commitment).toMatchObject({ themeCode: 'CAL' });
    // Sending the code back unchanged is fine; a mapping can be cleared and the parent changed.
    const again = await editTheme(edited, {
      code: 'CAL',
      parentCode: 'INS',
      pamType: null,
      paxCode: null,
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ parentCode: 'INS', pamType: null, paxCode: null });
    expect((await auditOf('theme.edited')).slice(-2)).toEqual([
      { themeId: cal.id, code: 'CAL', fields: ['name', 'parentCode', 'pamType', 'paxCode'] },
      { themeId: cal.id, code: 'CAL', fields: ['parentCode', 'pamType', 'paxCode'] },
    ]);
    // An editor who opened the theme before those changes is told, and changes nothing.
    const stale = await editTheme(cal, { name: 'Calendar of the vote' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'STALE_REVISION' });
    expect(await themeNamed('CAL')).toMatchObject({
      name: 'Electoral calendar',
      parentCode: 'INS',
    });
  });

  it('refuses a bad edit of a theme with a 4xx naming the field, and changes nothing', async () => {
    await ok('mediator', 'POST', '/themes', { code: 'ECO', name: 'Economy' });
    await ok('mediator', 'POST', '/themes', {
      code: 'ECO.1',
      name: 'Sanctions',
      parentCode: 'ECO',
    });
    await ok('mediator', 'POST', '/themes', { code: 'DET', name: 'Detainees' });
    const eco = (await themeNamed('ECO'))!;
    const sub = (await themeNamed('ECO.1'))!;
    const det = (await themeNamed('DET'))!;
    const before = await themes();
    const cases: Array<[Theme, object, number, string]> = [
      [det, { name: '   ' }, 400, 'name'],
      [det, { name: 'x'.repeat(201) }, 400, 'name'],
      [det, { code: 'DET2' }, 400, 'code'],
      [det, { parentCode: 'DET' }, 400, 'parentCode'],
      [det, { parentCode: 'NOPE' }, 400, 'parentCode'],
      [det, { parentCode: 'ECO.1' }, 400, 'parentCode'],
      [eco, { parentCode: 'DET' }, 400, 'parentCode'],
      [sub, { pamType: 'warp' }, 400, 'pamType'],
      [sub, { paxCode: 'x'.repeat(33) }, 400, 'paxCode'],
    ];
    for (const [theme, over, status, field] of cases) {
      const res = await editTheme(theme, over);
      expect([res.statusCode, res.body]).toEqual([status, expect.stringContaining(field)]);
      expect(res.body).not.toContain('    at ');
    }
    const noBase = await call('mediator', 'PATCH', `/themes/${det.id}`, fieldsOf(det));
    expect([noBase.statusCode, noBase.body]).toEqual([400, expect.stringContaining('base')]);
    expect((await editTheme(det, { name: 'Ours' }, 'govHead')).statusCode).toBe(403);
    expect((await editTheme(det, { name: 'Seen' }, 'observer')).statusCode).toBe(403);
    expect(await themes()).toEqual(before);
  });

  it('removes a theme nothing uses; one in use answers 409 saying how many use it, and stays', async () => {
    await ok('mediator', 'POST', '/themes', { code: 'TRA', name: 'Transition' });
    await ok('mediator', 'POST', '/themes', { code: 'TRA.1', name: 'Council', parentCode: 'TRA' });
    await ok('mediator', 'POST', '/themes', { code: 'OLD', name: 'Unused' });
    const tra = (await themeNamed('TRA'))!;
    const council = (await themeNamed('TRA.1'))!;
    const old = (await themeNamed('OLD'))!;
    await create({ themeCode: 'TRA' });
    await create({ themeCode: 'TRA' });
    await create({ themeCode: 'TRA.1' });
    const inUse = await call('leadMediator', 'DELETE', `/themes/${tra.id}`);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().error).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('2 commitments and 1 subtheme'),
      details: { commitments: 2, subthemes: 1 },
    });
    const sub = await call('mediator', 'DELETE', `/themes/${council.id}`);
    expect([sub.statusCode, sub.json().error?.message]).toEqual([
      409,
      expect.stringContaining('used by 1 commitment;'),
    ]);
    // A party's head may not remove a theme; nobody removes one twice.
    expect((await call('govHead', 'DELETE', `/themes/${old.id}`)).statusCode).toBe(403);
    const removed = await call('mediator', 'DELETE', `/themes/${old.id}`);
    expect([removed.statusCode, removed.json()]).toEqual([200, { ok: true }]);
    const twice = await call('mediator', 'DELETE', `/themes/${old.id}`);
    const ghost = await call('mediator', 'DELETE', `/themes/${crypto.randomUUID()}`);
    expect([twice.statusCode, twice.body]).toEqual([404, ghost.body]);
    expect((await themes()).map((t) => t.code)).toEqual(expect.arrayContaining(['TRA', 'TRA.1']));
    expect(await themeNamed('OLD')).toBeUndefined();
    expect((await auditOf('theme.removed')).at(-1)).toEqual({ themeId: old.id, code: 'OLD' });
    // The code is free again.
    await ok('mediator', 'POST', '/themes', { code: 'OLD', name: 'Defined again' });
  });

  it('never lets two edits of a theme sent at once overwrite each other', async () => {
    // Within one instance the two run one after the other: the second finds the theme changed
    // since its base. Edits and removals overlapping on two instances (PostgreSQL) are in
    // implementation-theme-races.test.ts.
    const theme = (await ok('mediator', 'POST', '/themes', {
      code: 'RACE',
      name: 'Raced',
    })) as Theme;
    const edits = await Promise.all([
      editTheme(theme, { name: 'First' }, 'mediator'),
      editTheme(theme, { name: 'Second' }, 'leadMediator'),
    ]);
    expect(edits.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const winner = edits.find((r) => r.statusCode === 200)!.json() as Theme;
    expect((await themeNamed('RACE'))?.name).toBe(winner.name);
  });

  it('edits a commitment from its revision: deadline, parties, theme; a stale edit is refused with the current revision', async () => {
    await ok('mediator', 'POST', '/themes', {
      code: 'HUM',
      name: 'Humanitarian',
      pamType: 'human_rights',
    });
    const c = await create();
    const res = await edit(c, {
      wording: 'Open three humanitarian corridors.',
      responsiblePartyIds: [p.demo.parties.gov, p.demo.parties.opp],
      deadline: '2027-03-31',
      themeCode: 'HUM',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id: c.id,
      externalId: c.externalId,
      wording: 'Open three humanitarian corridors.',
      responsiblePartyIds: [p.demo.parties.gov, p.demo.parties.opp],
      deadline: '2027-03-31',
      recurrence: 'none',
      themeCode: 'HUM',
      revision: c.revision + 1,
    });
    const read = await timeline('observer', c.id);
    expect(read).toMatchObject({
      commitment: { deadline: '2027-03-31', themeCode: 'HUM', revision: c.revision + 1 },
    });
    // A second editor who opened revision 1 is told it changed, and changes nothing.
    const stale = await edit(c, { deadline: '2026-06-30' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'STALE_REVISION',
      details: { revision: c.revision + 1 },
    });
    expect((await timeline('mediator', c.id)).commitment).toMatchObject({
      deadline: '2027-03-31',
      revision: c.revision + 1,
    });
    // A recurring obligation needs no deadline.
    const recurring = await edit(
      { ...c, revision: c.revision + 1 },
      { deadline: null, recurrence: 'quarterly' },
    );
    expect(recurring.statusCode, recurring.body).toBe(200);
    expect(recurring.json()).toMatchObject({ deadline: null, recurrence: 'quarterly' });
  });

  it('refuses a bad edit of a commitment with a 400 naming the field, and changes nothing', async () => {
    const c = await create();
    const cases: Array<[object, string]> = [
      [{ deadline: '2025-12-31' }, 'deadline'],
      [{ deadline: null, recurrence: 'none' }, 'deadline'],
      [{ deadline: '2026-02-30' }, 'deadline'],
      [{ themeCode: 'NO-SUCH-THEME' }, 'themeCode'],
      [{ responsiblePartyIds: [crypto.randomUUID()] }, 'responsiblePartyIds'],
      [{ provisionType: 'warp' }, 'provisionType'],
      [{ wording: '  ' }, 'wording'],
      [{ weight: 0 }, 'weight'],
      [{ startsOn: '1 March' }, 'startsOn'],
    ];
    for (const [over, field] of cases) {
      const res = await edit(c, over);
      expect([res.statusCode, res.body]).toEqual([400, expect.stringContaining(field)]);
      expect(res.body).not.toContain('    at ');
    }
    const party = await call('govHead', 'PATCH', `/commitments/${c.id}`, {
      baseRevision: c.revision,
      wording: 'Ours now.',
      responsiblePartyIds: [],
      startsOn: '2026-01-01',
      deadline: '2026-12-31',
      provisionType: 'human_rights',
    });
    expect(party.statusCode).toBe(403);
    expect((await timeline('mediator', c.id)).commitment).toMatchObject({
      wording: c.wording,
      deadline: '2026-12-31',
      revision: c.revision,
    });
  });

  it('keeps the plan from those outside the plenary: the facilitator gets an empty list and no commitment', async () => {
    const c = await create();
    const list = (await ok('admin', 'GET', '')) as { commitments: unknown[]; themes: unknown[] };
    expect(list).toEqual({ commitments: [], themes: [] });
    const res = await call('admin', 'GET', `/commitments/${c.id}`);
    const ghost = await call('admin', 'GET', `/commitments/${crypto.randomUUID()}`);
    expect([res.statusCode, res.body]).toEqual([ghost.statusCode, ghost.body]);
    // A theme answers the facilitator exactly like one that does not exist.
    const theme = (await ok('mediator', 'POST', '/themes', {
      code: 'FAC',
      name: 'Hidden',
    })) as Theme;
    const missing = { ...theme, id: crypto.randomUUID() };
    for (const [hidden, none] of [
      [
        editTheme(theme, { name: 'Seen?' }, 'admin'),
        editTheme(missing, { name: 'Seen?' }, 'admin'),
      ],
      [
        call('admin', 'DELETE', `/themes/${theme.id}`),
        call('admin', 'DELETE', `/themes/${missing.id}`),
      ],
    ]) {
      const [a, b] = [await hidden!, await none!];
      expect([a.statusCode, a.body]).toEqual([404, b.body]);
    }
    expect(await themeNamed('FAC')).toMatchObject({ name: 'Hidden' });
  });
});
