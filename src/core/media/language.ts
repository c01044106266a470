/**
 * The language of an article, offline.
 *
 * A first step asks `eld` (Efficient Language Detector, n-gram tables shipped in the package, no
 * I/O): measured on the labelled corpus it told Norwegian, Danish, Swedish, Spanish and English
 * apart on every text, where `franc` took bokmål for Danish or nynorsk and `tinyld` for
 * Icelandic or German (the measurement is in the commit that chose it; `corpus/corpus.test.ts` holds the
 * result to the thresholds). `eld` answers one code,
 * `no`, for Norwegian, so a second step tells bokmål from nynorsk by words and endings the two
 * written standards spell differently (ikke/ikkje, jeg/eg, hva/kva, fra/frå, -ene/-ane …).
 *
 * Answers an ISO 639-1 code (`nb`, `nn`, `es`, `en`, `da`, `sv`, or whatever other code eld
 * recognises), or `und` when the text has too little language to tell.
 */
import { eld } from 'eld/medium';

/** Words only bokmål writes, with their weight. */
const bokmalWords: Record<string, number> = {
  ikke: 3,
  jeg: 3,
  hva: 3,
  hvor: 3,
  hvordan: 3,
  hvem: 3,
  hvis: 2,
  hverken: 3,
  bare: 3,
  fra: 3,
  være: 3,
  en: 1,
  et: 1,
  de: 1,
  hun: 3,
  nå: 2,
  også: 2,
  mer: 2,
  flere: 2,
  mye: 2,
  hele: 1,
  sammen: 2,
  selv: 2,
  sier: 2,
  si: 1,
  skriver: 1,
  noe: 2,
  noen: 2,
  ble: 3,
  gjøre: 2,
  kommer: 2,
  komme: 2,
  vet: 2,
  fortsatt: 2,
  uten: 2,
  ifølge: 2,
  følge: 2,
  ønsker: 2,
  enige: 2,
  uenige: 2,
  mellom: 0,
  lenge: 1,
  igjen: 2,
  etterpå: 1,
  utenfor: 2,
  gitt: 2,
  svarte: 1,
  takket: 1,
  møttes: 2,
  grunn: 0,
  deres: 2,
  hans: 1,
  henne: 2,
  blir: 0,
  ei: 0,
  spørsmål: 0,
};

/** Words only nynorsk writes, with their weight. */
const nynorskWords: Record<string, number> = {
  ikkje: 3,
  eg: 3,
  kva: 3,
  kvar: 3,
  korleis: 3,
  kven: 3,
  viss: 1,
  korkje: 3,
  berre: 3,
  frå: 3,
  vere: 3,
  ein: 2,
  eit: 3,
  dei: 2,
  ho: 3,
  no: 1,
  òg: 3,
  meir: 3,
  fleire: 3,
  mykje: 3,
  heile: 2,
  saman: 2,
  sjølv: 3,
  seier: 3,
  seie: 3,
  skriv: 1,
  noko: 3,
  nokon: 3,
  vart: 2,
  gjere: 3,
  kjem: 3,
  kome: 3,
  veit: 3,
  framleis: 3,
  utan: 3,
  ifølgje: 3,
  følgje: 3,
  ønskjer: 3,
  samde: 3,
  usamde: 3,
  lenge: 0,
  att: 2,
  etterpå: 0,
  utanfor: 3,
  gjeve: 3,
  svara: 1,
  takka: 1,
  møttest: 3,
  deira: 3,
  hans: 0,
  henne: 1,
  blir: 0,
  ei: 1,
  inga: 2,
  eller: 0,
  gonger: 3,
  veke: 3,
  tysdag: 3,
  avisa: 2,
  saka: 2,
  rolla: 2,
  vegen: 1,
  tru: 1,
  namn: 2,
  kjelder: 3,
  stadfeste: 3,
  fråsegn: 3,
  leiar: 3,
  partane: 3,
  mellom: 0,
  heller: 0,
  spurd: 3,
  vert: 2,
};

/** Endings that lean one way: nynorsk plural -ane/-ar, bokmål -ene/-er. */
function endingScore(word: string): number {
  if (word.length < 5) return 0;
  if (/ane$/.test(word)) return 1; // samtalane, partane
  if (/(?:inga|leg|lege)$/.test(word)) return 0.5; // regjeringa, tidlegare
  if (/ene$/.test(word)) return -0.5; // samtalene (nynorsk has some -ene plurals too)
  if (/(?:lig|lige|ingen)$/.test(word)) return -0.5; // tidligere, regjeringen
  return 0;
}

/**
 * Tells bokmål from nynorsk in a text already known to be Norwegian: a weighted count of the
 * words and endings each standard spells its own way; a tie is bokmål, by far the more written.
 */
export function norwegianStandard(text: string): 'nb' | 'nn' {
  let score = 0; // > 0 leans nynorsk
  for (const m of text.toLowerCase().matchAll(/\p{L}+/gu)) {
    const w = m[0];
    score += (nynorskWords[w] ?? 0) - (bokmalWords[w] ?? 0) + endingScore(w);
  }
  return score > 0 ? 'nn' : 'nb';
}

/** The language of a text: an ISO 639-1 code, or `und` when it cannot be told. */
export function detectLanguage(text: string): string {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 12) return 'und';
  const found = eld.detect(text).language;
  if (found === 'no' || found === 'nb' || found === 'nn') return norwegianStandard(text);
  return found === '' ? 'und' : found;
}
