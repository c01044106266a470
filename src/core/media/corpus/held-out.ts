/**
 * Held-out texts: written after the analysis rules were settled and never used to change them,
 * so their scores say how the rules fare on text they were not fitted to. Same markup as
 * `texts.ts`; the same register.
 */
import type { CorpusEntry } from './texts.js';

/** Texts the rules were not tuned on. */
export const heldOutTexts: CorpusEntry[] = [
  [
    'nb',
    'Under et besøk i Bogotá møtte [Barth Eide|eide] flere av opposisjonens ledere. – Vi lytter til alle sider, men det er partene som må bli enige, sa utenriksministeren.',
    [null],
  ],
  [
    'nb',
    'Ifølge [NRK|nrk] har [Maduro|maduro] gitt sin forhandlingsdelegasjon fullmakt til å diskutere en valgdato. Opposisjonen er skeptisk. «Vi tror det når vi ser det», sier [Capriles|capriles].',
    ['capriles'],
  ],
  [
    'nb',
    '[Solberg|solberg] etterlyser mer åpenhet om kostnadene ved tilretteleggingen. Hun mener Stortinget har krav på å vite hvor mye penger som brukes.',
    [],
  ],
  [
    'nb',
    '«Dette er en historisk mulighet», skrev [Guterres|guterres] i en melding til partene mandag kveld.',
    ['guterres'],
  ],
  [
    'nn',
    'Under eit besøk i Bogotá møtte [Barth Eide|eide] fleire av leiarane i opposisjonen. – Vi lyttar til alle sider, men det er partane som må bli samde, sa utanriksministeren.',
    [null],
  ],
  [
    'nn',
    'Ifølgje [NRK|nrk] har [Maduro|maduro] gjeve forhandlingsdelegasjonen sin fullmakt til å diskutere ein valdato. «Vi trur det når vi ser det», seier [Capriles|capriles].',
    ['capriles'],
  ],
  [
    'nn',
    '[Solberg|solberg] etterlyser meir openheit om kostnadene ved tilrettelegginga. Ho meiner Stortinget har krav på å vite kor mykje pengar som blir brukte.',
    [],
  ],
  [
    'nn',
    'Kvar skal neste runde haldast? Verken [Noreg|norge] eller partane vil seie noko om det før avtalen er klar, og kjeldene til avisa tek atterhald.',
    [],
  ],
  [
    'es',
    'Durante una visita a Bogotá, [Barth Eide|eide] se reunió con varios dirigentes de la oposición. —Escuchamos a todas las partes —dijo el canciller noruego.',
    [null],
  ],
  [
    'es',
    'Según [NRK|nrk], [Maduro|maduro] autorizó a su delegación a discutir una fecha electoral. «Lo creeremos cuando lo veamos», respondió [Capriles|capriles].',
    ['capriles'],
  ],
  [
    'es',
    '«Esta es una oportunidad histórica», escribió [Guterres|guterres] en un mensaje a las partes el lunes por la noche.',
    ['guterres'],
  ],
  [
    'es',
    'La oposición venezolana, reunida en la [Plataforma Unitaria|plataforma], exige garantías antes de volver a la mesa. [Machado|machado] no asistió a la reunión.',
    [],
  ],
  [
    'en',
    'During a visit to Bogotá, [Barth Eide|eide] met several opposition leaders. "We listen to all sides, but the parties must agree," the Norwegian foreign minister said.',
    [null],
  ],
  [
    'en',
    'According to [NRK|nrk], [Maduro|maduro] has authorised his delegation to discuss an election date. "We will believe it when we see it," [Capriles|capriles] said.',
    ['capriles'],
  ],
  [
    'en',
    '"This is a historic opportunity," [Guterres|guterres] wrote in a message to the parties on Monday evening.',
    ['guterres'],
  ],
  [
    'en',
    'The [European Union|eu] said it would review its sanctions if the talks produced a credible election calendar, diplomats in Brussels said.',
    [],
  ],
  [
    'da',
    'Under et besøg i Bogotá mødtes [Barth Eide|eide] med flere af oppositionens ledere. Han understregede, at det er parterne selv, der skal blive enige.',
    [],
  ],
  [
    'da',
    'Ifølge [NRK|nrk] har [Maduro|maduro] givet sin delegation mandat til at drøfte en valgdato. «Vi tror det, når vi ser det», siger [Capriles|capriles].',
    ['capriles'],
  ],
  [
    'da',
    'Hvor skal den næste runde holdes? Hverken [Norge|norge] eller parterne vil sige noget om det, før aftalen er på plads.',
    [],
  ],
  [
    'da',
    '«Det er en historisk mulighed», skrev [Guterres|guterres] i en besked til parterne mandag aften.',
    ['guterres'],
  ],
  [
    'sv',
    'Under ett besök i Bogotá träffade [Barth Eide|eide] flera av oppositionens ledare. Han underströk att det är parterna själva som måste komma överens.',
    [],
  ],
  [
    'sv',
    'Enligt [NRK|nrk] har [Maduro|maduro] gett sin delegation mandat att diskutera ett valdatum. ”Vi tror det när vi ser det”, säger [Capriles|capriles].',
    ['capriles'],
  ],
  [
    'sv',
    'Var ska nästa runda hållas? Varken [Norge|norge] eller parterna vill säga något om det innan avtalet är klart.',
    [],
  ],
  [
    'sv',
    '”Det här är en historisk möjlighet”, skrev [Guterres|guterres] i ett meddelande till parterna på måndagskvällen.',
    ['guterres'],
  ],
];
