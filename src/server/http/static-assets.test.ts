/**
 * The built web app is served with the compressed copies the build writes beside each asset:
 * brotli or gzip as the browser accepts, the plain file otherwise, and the page's fallback for
 * addresses inside the app compressed the same way.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteFile } from '../test-support/databases.js';
import { startTestParley, type TestParley } from '../test-support/harness.js';

const script = `console.log(${JSON.stringify('Parley '.repeat(400))});\n`;
const page = `<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>\n`;

describe('the web app’s static files', () => {
  let parley: TestParley;
  let webRoot: string;

  beforeAll(async () => {
    webRoot = mkdtempSync(join(tmpdir(), 'parley-web-'));
    mkdirSync(join(webRoot, 'assets'));
    for (const [name, body] of [
      ['index.html', page],
      ['assets/app.js', script],
    ] as const) {
      writeFileSync(join(webRoot, name), body);
      writeFileSync(join(webRoot, `${name}.gz`), gzipSync(body));
      writeFileSync(join(webRoot, `${name}.br`), brotliCompressSync(body));
    }
    // An asset the build left uncompressed is still served.
    writeFileSync(join(webRoot, 'assets/plain.css'), 'body { margin: 0 }\n');
    parley = await startTestParley(sqliteFile(), { webRoot });
  });
  afterAll(async () => {
    await parley?.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  const get = (url: string, encoding?: string) =>
    parley.app.inject({
      method: 'GET',
      url,
      headers: encoding === undefined ? {} : { 'accept-encoding': encoding },
    });

  it('sends the brotli copy to a browser that accepts brotli', async () => {
    const res = await get('/assets/app.js', 'gzip, deflate, br, zstd');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(script);
    expect(res.rawPayload.length).toBeLessThan(script.length / 4);
  });

  it('sends the gzip copy to a browser that accepts only gzip', async () => {
    const res = await get('/assets/app.js', 'gzip');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(res.rawPayload).toString()).toBe(script);
  });

  it('sends the plain file when no compression is accepted', async () => {
    const res = await get('/assets/app.js');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body).toBe(script);
  });

  it('sends an asset without compressed copies as it is', async () => {
    const res = await get('/assets/plain.css', 'br, gzip');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body).toBe('body { margin: 0 }\n');
  });

  it('compresses the page served for an address inside the app', async () => {
    const res = await get('/processes/anything/text', 'br');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(page);
  });

  it('answers a missing asset under /api with the JSON not-found body', async () => {
    const res = await get('/api/no-such-route', 'br');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});
