/**
 * Articles through the media analysis (language, mentions, quotes, name suggestions), on one
 * core: articles of about 5 KB built from the labelled corpus's texts of one language each, against
 * the corpus's register of 18 actors. Run: `npx tsx bench/media.ts`. Target: ≥ 200 articles/s.
 */
import { analyseText } from '../src/core/media/analyse.js';
import { corpusRegister, labelledTexts } from '../src/core/media/corpus/corpus.js';
import { buildAliasIndex } from '../src/core/media/mentions.js';

const languages = ['nb', 'nn', 'es', 'en', 'da', 'sv'] as const;
const articles: string[] = [];
for (const l of languages) {
  const texts = labelledTexts.filter((t) => t.language === l).map((t) => t.text);
  for (let start = 0; start < texts.length; start += 3) {
    let a = '';
    for (let k = start; a.length < 5000; k += 1) a += `${texts[k % texts.length]}\n\n`;
    articles.push(a.slice(0, 5200));
  }
}
const bytes = articles.reduce((n, a) => n + Buffer.byteLength(a), 0) / articles.length;
const index = buildAliasIndex(corpusRegister);

// Warm-up, then timed rounds over every article.
for (const a of articles.slice(0, 20)) analyseText(a, index);
const rounds = 5;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
let mentions = 0;
for (let r = 0; r < rounds; r += 1)
  for (const a of articles) mentions += analyseText(a, index).mentions.length;
const wall = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const n = rounds * articles.length;
console.log(
  `${n} articles of ${Math.round(bytes)} bytes on average: ${(n / (wall / 1000)).toFixed(0)} articles/s wall, ` +
    `${(n / ((cpu.user + cpu.system) / 1e6)).toFixed(0)} articles/s CPU, ${(wall / n).toFixed(2)} ms each ` +
    `(${mentions} mentions found)`,
);
// Without a prebuilt index (a register built per article, as the use case does).
const t1 = performance.now();
for (const a of articles) analyseText(a, corpusRegister);
const wall1 = performance.now() - t1;
console.log(
  `with the register indexed per article: ${(articles.length / (wall1 / 1000)).toFixed(0)} articles/s`,
);
