import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { stampZipEntries } from './zip-stamp.js';

async function zipWith(date: Date): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('a.txt', 'first', { date });
  zip.file('folder/b.xml', '<b/>', { date });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('stamping ZIP entries', () => {
  it('sets every entry to the given time and leaves the contents readable', async () => {
    const stamped = stampZipEntries(await zipWith(new Date()), new Date('2025-03-14T09:05:00Z'));
    const zip = await JSZip.loadAsync(stamped);
    expect(await zip.file('a.txt')?.async('string')).toBe('first');
    expect(await zip.file('folder/b.xml')?.async('string')).toBe('<b/>');
    for (const file of Object.values(zip.files)) {
      // JSZip reads DOS times as UTC.
      expect(file.date.toISOString()).toBe('2025-03-14T09:05:00.000Z');
    }
  });

  it('makes archives that differ only by their times identical', async () => {
    const when = new Date('2019-07-08T12:00:00Z');
    const a = stampZipEntries(await zipWith(new Date('2020-01-01T00:00:00Z')), when);
    const b = stampZipEntries(await zipWith(new Date('2024-12-31T23:59:58Z')), when);
    expect(a.equals(b)).toBe(true);
  });

  it('refuses something that is not a ZIP', () => {
    expect(() =>
      stampZipEntries(Buffer.from('not a zip at all, not even close'), new Date()),
    ).toThrow(/not a ZIP/);
  });
});
