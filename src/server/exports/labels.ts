/**
 * The fixed wording of an exported copy — classification, status marks, headings, the version
 * line, the summary, signatures, the legend, the footer — in each language a copy can be issued
 * in: English, Spanish and Norwegian bokmål, as the web app offers. The wording of the text itself
 * is never translated; neither are party codes, "Alt 1:" labels (the drafting convention) or the
 * plain-text form between the markers of a text export (an import reads it back).
 *
 * Spanish status marks agree with "disposición" (feminine), as the web app's catalogue writes
 * them; dates are written as each language does ("12 March 2025", "12 de marzo de 2025",
 * "12. mars 2025"), always in UTC.
 */
import type { ProvisionStatus } from '../../core/text/index.js';

/** The languages an export can be written in. */
export const exportLanguages = ['en', 'es', 'nb'] as const;
/** One of them. */
export type ExportLanguage = (typeof exportLanguages)[number];

/** Counts the summary line gives. */
export interface SummaryCounts {
  /** Provisions in the text. */
  provisions: number;
  /** Provisions per status. */
  counts: Readonly<Record<ProvisionStatus, number>>;
  /** Brackets still open. */
  openBrackets: number;
  /** Groups of alternatives still open. */
  openGroups: number;
}

/** Everything fixed that a copy says, in one language. */
export interface ExportLabels {
  /** BCP 47 locale for dates. */
  locale: string;
  /** The classification beside the codename in every header. */
  classification: string;
  /** Status marks printed after each provision. */
  statusMarks: Readonly<Record<ProvisionStatus, string>>;
  /** The mediators as the holder of a bracket. */
  mediators: string;
  /** "Chapter IV". */
  chapter(numeral: string): string;
  /** The title of a text that has none. */
  untitled: string;
  /** "Working draft". */
  workingDraft: string;
  /** "Version 3". */
  version(n: number): string;
  /** The line under the title of a working draft. */
  workingDraftLine(date: string): string;
  /** The line under the title of a published version. */
  versionLine(n: number, date: string, hash: string): string;
  /** The banner while anything is open. */
  naeuea: string;
  /** Where the text stands. */
  summary(s: SummaryCounts): string;
  /** No party has signed. */
  unsigned: string;
  /** Every party has signed. */
  signedByAll(codes: string): string;
  /** Some parties have signed. */
  signedBySome(signed: string, missing: string): string;
  /** The legend, one paragraph each; `holders` names each code. */
  legend(holders: string): string[];
  /** The mediators in the legend's list of holders. */
  mediationTeam: string;
  /** Stand-in for an empty alternative. */
  noText: string;
  /** "Issued to … on …". */
  issuedTo(name: string, date: string): string;
  /** The words around a page number: "page ", " of " (DOCX fills the numbers in as fields). */
  page: { before: string; between: string };
  /** "Parties" (the plain-text header). */
  parties: string;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

const en: ExportLabels = {
  locale: 'en-GB',
  classification: 'Confidential',
  statusMarks: {
    agreed: '(agreed)',
    agreed_ad_referendum: '(agreed ad ref.)',
    bracketed: '(bracketed)',
    open: '(open)',
  },
  mediators: 'Mediators',
  chapter: (n) => `Chapter ${n}`,
  untitled: 'Negotiating text',
  workingDraft: 'Working draft',
  version: (n) => `Version ${n}`,
  workingDraftLine: (date) => `Working draft as of ${date} — not a published version`,
  versionLine: (n, date, hash) => `Version ${n}, published ${date} — SHA-256 ${hash}`,
  naeuea: 'Nothing is agreed until everything is agreed',
  summary: ({ provisions, counts, openBrackets, openGroups }) => {
    const open =
      openBrackets === 0 && openGroups === 0
        ? 'no bracket open'
        : `${plural(openBrackets, 'bracket', 'brackets')} and ${plural(openGroups, 'group', 'groups')} of alternatives open`;
    return (
      `${plural(provisions, 'provision', 'provisions')}: ${counts.agreed} agreed, ` +
      `${counts.agreed_ad_referendum} agreed ad ref., ${counts.bracketed} bracketed, ` +
      `${counts.open} open; ${open}.`
    );
  },
  unsigned: 'Not signed by any party.',
  signedByAll: (codes) => `Signed by ${codes}: every party.`,
  signedBySome: (signed, missing) => `Signed by ${signed}; not yet by ${missing}.`,
  legend: (holders) => [
    `Square brackets [ ] enclose wording that is not agreed; the raised code after a bracket names who holds it (${holders}).`,
    'Alternative wordings for one passage are given as [Alt 1: …] / [Alt 2: …], each with its holder; “no text” means that the passage would be left out. Numbered notes are the drafters’ notes on a bracket.',
    'Each provision ends with its status: (agreed); (agreed ad ref.) — accepted subject to the principals’ approval; (bracketed) — wording still in square brackets; (open) — nothing bracketed, not yet agreed.',
  ],
  mediationTeam: 'the mediation team',
  noText: 'no text',
  issuedTo: (name, date) => `Issued to ${name} on ${date}`,
  page: { before: 'page ', between: ' of ' },
  parties: 'Parties',
};

const es: ExportLabels = {
  locale: 'es',
  classification: 'Confidencial',
  statusMarks: {
    agreed: '(acordada)',
    agreed_ad_referendum: '(acordada ad ref.)',
    bracketed: '(entre corchetes)',
    open: '(abierta)',
  },
  mediators: 'Mediadores',
  chapter: (n) => `Capítulo ${n}`,
  untitled: 'Texto de negociación',
  workingDraft: 'Borrador de trabajo',
  version: (n) => `Versión ${n}`,
  workingDraftLine: (date) => `Borrador de trabajo al ${date} — no es una versión publicada`,
  versionLine: (n, date, hash) => `Versión ${n}, publicada el ${date} — SHA-256 ${hash}`,
  naeuea: 'Nada está acordado hasta que todo esté acordado',
  summary: ({ provisions, counts, openBrackets, openGroups }) => {
    const open =
      openBrackets === 0 && openGroups === 0
        ? 'ningún corchete abierto'
        : `${plural(openBrackets, 'corchete abierto', 'corchetes abiertos')} y ${plural(openGroups, 'grupo', 'grupos')} de alternativas abiertos`;
    return (
      `${plural(provisions, 'disposición', 'disposiciones')}: ${counts.agreed} acordadas, ` +
      `${counts.agreed_ad_referendum} acordadas ad ref., ${counts.bracketed} entre corchetes, ` +
      `${counts.open} abiertas; ${open}.`
    );
  },
  unsigned: 'Ninguna parte lo ha firmado.',
  signedByAll: (codes) => `Firmado por ${codes}: todas las partes.`,
  signedBySome: (signed, missing) => `Firmado por ${signed}; aún no por ${missing}.`,
  legend: (holders) => [
    `Los corchetes [ ] encierran redacción no acordada; el código elevado tras un corchete indica quién lo sostiene (${holders}).`,
    'Las redacciones alternativas de un pasaje se dan como [Alt 1: …] / [Alt 2: …], cada una con quien la sostiene; «sin texto» significa que el pasaje se suprimiría. Las notas numeradas son notas de los redactores sobre un corchete.',
    'Cada disposición termina con su estado: (acordada); (acordada ad ref.) — aceptada a reserva de la aprobación de los mandantes; (entre corchetes) — redacción todavía entre corchetes; (abierta) — nada entre corchetes, aún no acordada.',
  ],
  mediationTeam: 'el equipo de mediación',
  noText: 'sin texto',
  issuedTo: (name, date) => `Entregado a ${name} el ${date}`,
  page: { before: 'página ', between: ' de ' },
  parties: 'Partes',
};

const nb: ExportLabels = {
  locale: 'nb',
  classification: 'Konfidensielt',
  statusMarks: {
    agreed: '(avtalt)',
    agreed_ad_referendum: '(avtalt ad ref.)',
    bracketed: '(i klammer)',
    open: '(åpen)',
  },
  mediators: 'Meklerne',
  chapter: (n) => `Kapittel ${n}`,
  untitled: 'Forhandlingstekst',
  workingDraft: 'Arbeidsutkast',
  version: (n) => `Versjon ${n}`,
  workingDraftLine: (date) => `Arbeidsutkast per ${date} — ikke en publisert versjon`,
  versionLine: (n, date, hash) => `Versjon ${n}, publisert ${date} — SHA-256 ${hash}`,
  naeuea: 'Ingenting er avtalt før alt er avtalt',
  summary: ({ provisions, counts, openBrackets, openGroups }) => {
    const open =
      openBrackets === 0 && openGroups === 0
        ? 'ingen klammer åpne'
        : `${plural(openBrackets, 'klamme', 'klammer')} og ${plural(openGroups, 'gruppe', 'grupper')} av alternativer åpne`;
    return (
      `${plural(provisions, 'bestemmelse', 'bestemmelser')}: ${counts.agreed} avtalt, ` +
      `${counts.agreed_ad_referendum} avtalt ad ref., ${counts.bracketed} i klammer, ` +
      `${counts.open} åpne; ${open}.`
    );
  },
  unsigned: 'Ikke signert av noen part.',
  signedByAll: (codes) => `Signert av ${codes}: alle parter.`,
  signedBySome: (signed, missing) => `Signert av ${signed}; ennå ikke av ${missing}.`,
  legend: (holders) => [
    `Hakeparenteser [ ] omslutter ordlyd som ikke er avtalt; den hevede koden etter en klamme viser hvem som står bak den (${holders}).`,
    'Alternative formuleringer av samme passasje står som [Alt 1: …] / [Alt 2: …], hver med den som står bak; «ingen tekst» betyr at passasjen ville falle bort. Nummererte noter er redaktørenes noter til en klamme.',
    'Hver bestemmelse slutter med sin status: (avtalt); (avtalt ad ref.) — godtatt med forbehold om oppdragsgivernes godkjenning; (i klammer) — ordlyd fortsatt i hakeparenteser; (åpen) — ingenting i klammer, ennå ikke avtalt.',
  ],
  mediationTeam: 'meklerteamet',
  noText: 'ingen tekst',
  issuedTo: (name, date) => `Utstedt til ${name} ${date}`,
  page: { before: 'side ', between: ' av ' },
  parties: 'Parter',
};

const byLanguage: Readonly<Record<ExportLanguage, ExportLabels>> = { en, es, nb };

/** The fixed wording of a copy in one language. */
export function exportLabels(language: ExportLanguage): ExportLabels {
  return byLanguage[language];
}

/** An ISO 8601 timestamp as the language writes a date, in UTC; as given if unreadable. */
export function formatDateIn(language: ExportLanguage, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(byLanguage[language].locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}
