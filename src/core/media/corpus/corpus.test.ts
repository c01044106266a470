import { describe, expect, it } from 'vitest';
import { analyseText } from '../analyse.js';
import { buildAliasIndex } from '../mentions.js';
import { corpusRegister, heldOutLabelled, labelledTexts } from './corpus.js';

const index = buildAliasIndex(corpusRegister);
const results = labelledTexts.map((t) => ({ t, a: analyseText(t.text, index) }));
const languages = ['nb', 'nn', 'es', 'en', 'da', 'sv'] as const;

describe('the labelled corpus', () => {
  it('holds at least 150 texts in six languages', () => {
    expect(labelledTexts.length).toBeGreaterThanOrEqual(150);
    for (const l of languages) expect(labelledTexts.some((t) => t.language === l)).toBe(true);
  });

  it('identifies the language of at least 98 % of texts, and bokmål from nynorsk in 95 %', () => {
    const right = results.filter(({ t, a }) => a.language === t.language);
    const norwegian = results.filter(({ t }) => t.language === 'nb' || t.language === 'nn');
    const norwegianRight = norwegian.filter(({ t, a }) => a.language === t.language);
    const wrong = results.filter(({ t, a }) => a.language !== t.language);
    console.info(
      `language: ${right.length}/${results.length} overall; ` +
        `bokmål/nynorsk ${norwegianRight.length}/${norwegian.length}` +
        wrong
          .map(({ t, a }) => `\n  ${t.language} → ${a.language}: ${t.text.slice(0, 60)}`)
          .join(''),
    );
    expect(right.length / results.length).toBeGreaterThanOrEqual(0.98);
    expect(norwegianRight.length / norwegian.length).toBeGreaterThanOrEqual(0.95);
  });

  it('finds registered actors with precision ≥ 0.95 and recall ≥ 0.90 in every language', () => {
    for (const l of languages) {
      let tp = 0;
      let found = 0;
      let expected = 0;
      const misses: string[] = [];
      for (const { t, a } of results.filter(({ t }) => t.language === l)) {
        found += a.mentions.length;
        expected += t.mentions.length;
        for (const m of a.mentions) {
          const hit = t.mentions.some(
            (e) => e.key === m.actorId && e.start === m.start && e.end === m.end,
          );
          if (hit) tp += 1;
          else misses.push(`  extra ${m.actorId} "${m.text}" in: ${t.text.slice(0, 60)}`);
        }
        for (const e of t.mentions)
          if (
            !a.mentions.some((m) => m.actorId === e.key && m.start === e.start && m.end === e.end)
          )
            misses.push(`  missed ${e.key} "${t.text.slice(e.start, e.end)}"`);
      }
      const precision = found === 0 ? 1 : tp / found;
      const recall = expected === 0 ? 1 : tp / expected;
      console.info(
        `mentions ${l}: precision ${precision.toFixed(3)} (${tp}/${found}), recall ${recall.toFixed(3)} (${tp}/${expected})` +
          (misses.length ? `\n${misses.join('\n')}` : ''),
      );
      expect(precision).toBeGreaterThanOrEqual(0.95);
      expect(recall).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('attributes at least 85 % of quotations to the right speaker', () => {
    let right = 0;
    let total = 0;
    let extra = 0;
    const wrong: string[] = [];
    for (const { t, a } of results) {
      total += t.speakers.length;
      extra += Math.max(0, a.quotes.length - t.speakers.length);
      t.speakers.forEach((s, k) => {
        const q = a.quotes[k];
        if (q && q.speakerActorId === s) right += 1;
        else
          wrong.push(
            `  ${t.language} expected ${s}, got ${q ? (q.speakerActorId ?? 'null') : 'no quote'}: ${q?.text.slice(0, 40) ?? t.text.slice(0, 60)}`,
          );
      });
      if (a.quotes.length > t.speakers.length)
        wrong.push(
          `  ${t.language} extra quote(s): ${a.quotes
            .slice(t.speakers.length)
            .map((q) => q.text)
            .join(' | ')}`,
        );
    }
    console.info(
      `quotes: ${right}/${total} attributed right, ${extra} found beyond the labels\n${wrong.join('\n')}`,
    );
    expect(right / total).toBeGreaterThanOrEqual(0.85);
    expect(extra).toBeLessThanOrEqual(total * 0.05);
  });

  it('holds the same thresholds on held-out texts the rules were not tuned on', () => {
    let language = 0;
    let tp = 0;
    let found = 0;
    let expected = 0;
    let speakers = 0;
    let quotes = 0;
    for (const t of heldOutLabelled) {
      const a = analyseText(t.text, index);
      if (a.language === t.language) language += 1;
      found += a.mentions.length;
      expected += t.mentions.length;
      tp += a.mentions.filter((m) =>
        t.mentions.some((e) => e.key === m.actorId && e.start === m.start && e.end === m.end),
      ).length;
      quotes += t.speakers.length;
      speakers += t.speakers.filter((s, k) => a.quotes[k]?.speakerActorId === s).length;
    }
    console.info(
      `held out (${heldOutLabelled.length} texts): language ${language}/${heldOutLabelled.length}, ` +
        `mentions precision ${tp}/${found} recall ${tp}/${expected}, quotes ${speakers}/${quotes}`,
    );
    expect(heldOutLabelled.length).toBeGreaterThanOrEqual(24);
    expect(language / heldOutLabelled.length).toBeGreaterThanOrEqual(0.98);
    expect(tp / found).toBeGreaterThanOrEqual(0.95);
    expect(tp / expected).toBeGreaterThanOrEqual(0.9);
    expect(speakers / quotes).toBeGreaterThanOrEqual(0.85);
  });
});
