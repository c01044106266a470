import { describe, expect, it } from 'vitest';
import { auditKinds } from '../../core/audit/catalogue.js';
import { feedProblemCodes } from '../../core/media/model.js';
import { errorCodes } from '../../core/shared/errors.js';
import { en } from './en.js';
import { es } from './es.js';
import { nb } from './nb.js';

/** Every key path of a catalogue, without plural suffixes (languages differ in plural forms). */
function keys(catalogue: object, prefix = ''): string[] {
  return Object.entries(catalogue).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null
      ? keys(v as object, `${prefix}${k}.`)
      : [`${prefix}${k.replace(/_(zero|one|two|few|many|other)$/, '')}`],
  );
}

describe('the interface catalogues', () => {
  it.each([
    ['es', es],
    ['nb', nb],
  ])('%s has every English text, and no text English lacks', (_, catalogue) => {
    expect(new Set(keys(catalogue))).toEqual(new Set(keys(en)));
  });

  it.each([
    ['en', en],
    ['es', es],
    ['nb', nb],
  ])('%s explains every error code the API can answer', (_, catalogue) => {
    const codes = (catalogue.error as { codes: Record<string, string> }).codes;
    const missing = [...errorCodes, 'INTERNAL'].filter((c) => !codes[c]);
    expect(missing).toEqual([]);
  });

  it.each([
    ['en', en],
    ['es', es],
    ['nb', nb],
  ])('%s names every kind of audit event', (_, catalogue) => {
    const names = catalogue.auditKind as Record<string, string>;
    expect(auditKinds.filter((k) => !names[k.replace('.', '_')])).toEqual([]);
  });

  it.each([
    ['en', en],
    ['es', es],
    ['nb', nb],
  ])('%s explains every problem a feed can have', (_, catalogue) => {
    const problems = catalogue.mediaIn.feeds.errors as Record<string, string>;
    expect(feedProblemCodes.filter((c) => !problems[c])).toEqual([]);
  });
});
