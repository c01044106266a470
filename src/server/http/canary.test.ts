/**
 * The canary test: a unique string is planted in every compartment of the demo — in notes,
 * private positions, proposals, amendments, published versions and the working draft — and
 * every demo role then reads through every GET route of the API (lists, searches, single items,
 * the record, the text and its versions, diffs, exports, verification, amendments, analysis,
 * audit, errors). Each canary must appear exactly where that role may see its compartment.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Compartment } from '../../core/access/compartments.js';
import { createNote } from '../../core/usecases/create-note.js';
import { editWorkingText } from '../../core/usecases/edit-working-text.js';
import { proposeAmendment } from '../../core/usecases/propose-amendment.js';
import { publishVersion } from '../../core/usecases/publish-version.js';
import { recordPosition } from '../../core/usecases/record-position.js';
import { tableProposal } from '../../core/usecases/table-proposal.js';
import { asId } from '../../core/shared/ids.js';
import { actorOf, demoRoleKeys, type DemoRoleKey } from '../demo/seed.js';
import { testDatabases } from '../test-support/databases.js';
import { startTestParley, type TestParley } from '../test-support/harness.js';
import { demoRoleReads, partyKey } from '../test-support/oracle.js';
import { routeTable } from './app.js';

const [sqlite] = await testDatabases();

/** A canary per compartment: its compartment and the string. */
interface Canary {
  compartment: Compartment;
  value: string;
}

describe('canaries planted in every compartment', () => {
  let p: TestParley;
  const canaries: Canary[] = [];
  const crawled = new Set<string>();
  const seen = new Map<DemoRoleKey, string>();

  beforeAll(async () => {
    p = await startTestParley(sqlite!);
    const d = p.runtime.deps;
    const processId = p.demo.processId;
    const email = (r: DemoRoleKey) => p.demo.accounts.find((a) => a.key === r)!.email;
    const actor = async (r: DemoRoleKey) => actorOf(d, email(r));
    const issue = p.demo.issues[0]!;
    const lead = await actor('leadMediator');
    for (const c of p.demo.compartments) {
      const label = c.partyId ? `${c.kind}-${partyKey(p.demo, c)}` : c.kind;
      const value = `CANARY${label.replace('-', '')}${randomUUID().slice(0, 8)}`;
      canaries.push({ compartment: c, value });
      const writer: DemoRoleKey = c.partyId
        ? (`${partyKey(p.demo, c)}Head` as DemoRoleKey)
        : 'leadMediator';
      await createNote(d, {
        actor: await actor(writer),
        processId,
        compartmentId: c.id,
        title: `Note ${value}`,
        body: `Body ${value}`,
      });
      if (c.kind === 'caucus')
        await recordPosition(d, {
          actor: await actor(writer),
          processId,
          issueId: issue.id,
          optionId: null,
          text: `Position ${value}`,
        });
      if (c.kind === 'plenary' || c.kind === 'bilateral' || c.kind === 'mediators') {
        await tableProposal(d, {
          actor: c.kind === 'bilateral' ? await actor(writer) : lead,
          processId,
          compartmentId: c.id,
          round: 4,
          terms: [{ issueId: issue.id, optionId: issue.options[1]!.id }],
          note: `Proposal ${value}`,
          respondsTo: null,
        });
        const revision =
          (await d.db.transaction((s) => s.text.findDraft(processId)))?.revision ?? 0;
        await publishVersion(d, {
          actor: lead,
          processId,
          baseRevision: revision,
          note: `Version ${value}`,
          distribution:
            c.kind === 'plenary'
              ? { to: 'all' }
              : c.kind === 'mediators'
                ? { to: 'mediators' }
                : { to: 'party', partyId: asId(c.partyId!) },
        });
      }
      if (c.kind === 'bilateral')
        await proposeAmendment(d, {
          actor: await actor(writer),
          processId,
          provision: asId('p-campaign'),
          change: { kind: 'insert', at: { position: 'end' }, wording: 'as agreed' },
          note: `Amendment ${value}`,
        });
    }
    // The working draft lives in the mediators' room: its title carries that room's canary.
    const room = canaries.find((c) => c.compartment.kind === 'mediators')!;
    const revision = (await d.db.transaction((s) => s.text.findDraft(processId)))?.revision ?? 0;
    await editWorkingText(d, {
      actor: lead,
      processId,
      baseRevision: revision,
      edit: { kind: 'retitle', title: `Draft ${room.value}` },
    });

    const versions = (
      await d.db.transaction((s) =>
        s.text.listVersions(
          processId,
          p.demo.compartments.map((c) => c.id),
        ),
      )
    ).map((v) => v.number);
    const notes = await d.db.transaction((s) =>
      s.items.listItems({ processId, visible: p.demo.compartments.map((c) => c.id), limit: 500 }),
    );
    const P = `/api/processes/${processId}`;
    const urls: Array<[string, string]> = [
      ['/api/session', '/api/session'],
      ['/api/me/tokens', '/api/me/tokens'],
      ['/api/processes', '/api/processes'],
      ['/api/processes/:processId', P],
      ['/api/processes/:processId/invitations', `${P}/invitations`],
      ['/api/processes/:processId/items', `${P}/items`],
      ['/api/processes/:processId/items', `${P}/items?q=CANARY`],
      ...p.demo.compartments.map((c): [string, string] => [
        '/api/processes/:processId/items',
        `${P}/items?compartmentId=${c.id}`,
      ]),
      ...notes.map((n): [string, string] => [
        '/api/processes/:processId/items/:itemId',
        `${P}/items/${n.id}`,
      ]),
      ['/api/processes/:processId/items/:itemId', `${P}/items/${randomUUID()}`],
      ['/api/processes/:processId/audit', `${P}/audit?limit=500`],
      ['/api/processes/:processId/record', `${P}/record`],
      ['/api/processes/:processId/text', `${P}/text`],
      ['/api/processes/:processId/text/versions', `${P}/text/versions`],
      ...versions.flatMap((n): Array<[string, string]> => [
        ['/api/processes/:processId/text/versions/:number', `${P}/text/versions/${n}`],
        ['/api/processes/:processId/text/diff', `${P}/text/diff?from=1&to=${n}`],
        [
          '/api/processes/:processId/text/versions/:number/export',
          `${P}/text/versions/${n}/export?format=txt`,
        ],
        [
          '/api/processes/:processId/text/versions/:number/verification',
          `${P}/text/versions/${n}/verification`,
        ],
      ]),
      ['/api/processes/:processId/amendments', `${P}/amendments`],
      ['/api/processes/:processId/preferences', `${P}/preferences`],
      ['/api/processes/:processId/analysis', `${P}/analysis`],
      ['/api/audit/tree-head', '/api/audit/tree-head'],
      ['/api/audit/consistency', '/api/audit/consistency?from=1&to=2'],
    ];
    for (const role of demoRoleKeys) {
      const session = await p.session(role);
      let all = '';
      for (const [route, url] of urls) {
        crawled.add(route);
        const res = await p.as(session, { method: 'GET', url });
        all += `\n${res.body}`;
      }
      seen.set(role, all);
    }
  });
  afterAll(async () => p.close());

  it('crawls every GET route of the route table that reads a process', () => {
    const skipped = ['/api/invitations/:secret']; // reached with an invitation's secret only: it shows the codename
    const missing = routeTable
      .filter((r) => r.method === 'GET' && !skipped.includes(r.url))
      .map((r) => r.url)
      .filter((url) => !crawled.has(url));
    expect(missing).toEqual([]);
  });

  it('shows each canary to exactly the roles that may read its compartment', () => {
    const wrong: string[] = [];
    for (const role of demoRoleKeys) {
      const body = seen.get(role) ?? '';
      for (const c of canaries) {
        const may = demoRoleReads(p.demo, role, c.compartment);
        const found = body.includes(c.value);
        if (may !== found)
          wrong.push(
            `${role} ${found ? 'sees' : 'misses'} the ${c.compartment.kind} canary${c.compartment.partyId ? ` of ${partyKey(p.demo, c.compartment)}` : ''}`,
          );
      }
    }
    expect(wrong).toEqual([]);
  });
});
