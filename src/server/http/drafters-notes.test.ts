/**
 * Drafters' notes are internal by default: a note on a bracket that is not marked for the parties
 * never reaches a party — not in the version it reads, not in any copy it downloads, not in a
 * live message — while a note marked for the parties goes out with the text.
 */
import WebSocket from 'ws';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { flat, openDocx, pdfPages, wordText } from '../exports/test-support/extract.js';
import { testDatabases } from '../test-support/databases.js';
import { useParley, type TestParley } from '../test-support/harness.js';

const targets = await testDatabases();
const internal = 'pending consultations QX7-INTERNAL';
const shared = 'see annex QX7-SHARED';

describe.each(targets)('drafters’ notes on $name', (target) => {
  const p = useParley(target, { live: target.name === 'sqlite' });
  const url = () => `/api/processes/${p.demo.processId}`;
  type Key = Parameters<TestParley['session']>[0];
  const get = (key: Key, path: string) => p.get(key, `${url()}${path}`);
  const post = (key: Key, path: string, payload: object) => p.post(key, `${url()}${path}`, payload);

  /** Writes one internal and one shared note into the draft and answers the draft. */
  async function annotate(): Promise<{ revision: number; plainText: string }> {
    const before = (await get('leadMediator', '/text')).json();
    const annotated = (before.plainText as string)
      .replace(']{OPP}', `]{OPP: ${internal}}`)
      .replace(']{GOV}', `]{GOV:: ${shared}}`);
    expect(annotated).not.toBe(before.plainText);
    const res = await post('leadMediator', '/text/edits', {
      baseRevision: before.revision,
      edit: { kind: 'import', plainText: annotated },
    });
    expect(res.statusCode).toBe(200);
    return (await get('leadMediator', '/text')).json();
  }

  it('keeps both notes in the working draft, the shared one written with two colons', async () => {
    const draft = await annotate();
    expect(draft.plainText).toContain(`{OPP: ${internal}}`);
    expect(draft.plainText).toContain(`{GOV:: ${shared}}`);
  });

  it('publishes to the parties without the internal note, on screen, in every copy and live', async () => {
    const host = target.name === 'sqlite' ? await p.listen() : null;
    const events: string[] = [];
    let socket: WebSocket | null = null;
    if (host) {
      const session = await p.session('oppDelegate');
      socket = new WebSocket(`ws://${host}/api/live`, { headers: { cookie: session.cookie } });
      socket.on('message', (raw) => events.push(String(raw)));
      await new Promise((resolve) => socket!.once('open', resolve));
    }
    const draft = await annotate();
    const res = await post('leadMediator', '/text/versions', {
      baseRevision: draft.revision,
      note: 'Revised draft',
      distribution: 'all',
    });
    expect(res.statusCode).toBe(201);
    const n = res.json().number;

    for (const key of ['oppDelegate', 'govHead', 'leadMediator'] as const) {
      const body = (await get(key, `/text/versions/${n}`)).body;
      expect(body).not.toContain('QX7-INTERNAL');
      expect(body).toContain('QX7-SHARED');
    }
    const s = await p.session('oppDelegate');
    const download = (format: string) =>
      p.as(s, { method: 'GET', url: `${url()}/text/versions/${n}/export?format=${format}` });
    const txt = (await download('txt')).body.replace(/\u00a0/g, ' ');
    expect(txt).not.toContain('QX7-INTERNAL');
    expect(txt).toContain('QX7-SHARED');
    const pdf = (await pdfPages((await download('pdf')).rawPayload)).map(flat).join(' ');
    expect(pdf).not.toContain('QX7-INTERNAL');
    expect(pdf.replace(/\s+/g, '')).toContain('QX7-SHARED');
    const docx = await openDocx((await download('docx')).rawPayload);
    const everyPart = [docx.document, docx.footnotes, ...docx.headers, ...docx.footers]
      .map(wordText)
      .join(' ');
    expect(everyPart).not.toContain('QX7-INTERNAL');
    expect(everyPart.replace(/\u00a0/g, ' ')).toContain('QX7-SHARED');

    if (socket) {
      const end = Date.now() + 3000;
      while (!events.some((e) => e.includes('version.published')) && Date.now() < end)
        await sleep(10);
      expect(events.join('\n')).toContain('version.published');
      expect(events.join('\n')).not.toContain('QX7');
      socket.close();
    }
  });

  it('keeps every note in a version the mediators keep for themselves', async () => {
    const draft = await annotate();
    const res = await post('leadMediator', '/text/versions', {
      baseRevision: draft.revision,
      note: 'Internal',
      distribution: 'mediators',
    });
    expect(res.statusCode).toBe(201);
    const body = (await get('leadMediator', `/text/versions/${res.json().number}`)).body;
    expect(body).toContain('QX7-INTERNAL');
  });
});
