/**
 * Invented negotiating wording for the tracing tests: provisions as a drafter writes them, in
 * English, Spanish and Norwegian (ñ, á, ø, å, æ), some with the plain-text bracket syntax
 * ([ ] { } / "Alt 1:"), as paragraphs the exporters would mark one by one. Everything is fictional.
 */

/** Paragraphs of an invented agreement, one provision each. */
export const paragraphs: readonly string[] = [
  'The Parties agree that a presidential election shall be held in accordance with the Constitution and the present Agreement. The date of the election shall be announced by the National Electoral Council no later than ninety days before the vote.',
  'The election shall take place [Alt 1: within six months]{GOV} / [Alt 2: within twelve months]{OPP: subject to consultations} of the signature of this Agreement. Voting shall be secret, free and universal.',
  'During the transition, the Government shall refrain from adopting new legislation affecting the electoral process, except where the Follow-up Commission has given its prior written consent.',
  'A Follow-up Commission composed of [three]{GOV} representatives of each Party shall be established within fifteen days. The Commission shall meet [monthly] / [every two weeks] / [as needed] and report to the Parties and to the facilitator.',
  "The Commission shall adopt its decisions by consensus. Where consensus cannot be reached, the matter shall be referred to the guarantors, whose recommendation the Parties undertake to consider in good faith. The Commission's records shall remain confidential.",
  'The National Electoral Council shall be composed of five members, appointed by a two-thirds majority of the National Assembly. Members of the Council shall not be affiliated with any political party[, including during the three years preceding their appointment]{OPP}.',
  'The Government shall release all persons detained for [political reasons]{OPP} / [the events of 2019]{GOV} within [Alt 1: 30 days]{OPP} / [Alt 2: 90 days]{GOV} of signature. The Parties shall invite the International Committee of the Red Cross to verify the releases.',
  'Las Partes acuerdan establecer una Comisión de la Verdad, integrada por once comisionados de reconocida trayectoria. La Comisión contará con un mandato de tres años y presentará un informe público al término de su labor.',
  'El Gobierno garantizará el retorno seguro de las personas desplazadas a sus lugares de origen, en condiciones de dignidad y con pleno respeto de sus derechos. Se dará prioridad a las familias de la región montañosa y a los niños.',
  'Los niños y las niñas separados de sus familias serán registrados y reunidos con ellas en el plazo más breve posible. Ningún menor de dieciocho años podrá ser reclutado por las fuerzas armadas ni por ningún otro grupo.',
  'La Comisión de Seguimiento, Impulso y Verificación sesionará en Oslo o en La Habana, según acuerden las Partes, y podrá solicitar el apoyo técnico de las Naciones Unidas y de los países garantes.',
  'Partene er enige om at en nasjonal forsoningskommisjon skal opprettes innen seks måneder etter undertegningen. Kommisjonen skal bestå av ni medlemmer, hvorav minst fire kvinner, og skal være uavhengig av begge parter.',
  'Norge og Cuba skal fungere som garantister for prosessen. Garantistene skal følge gjennomføringen av avtalen og rapportere til partene hver tredje måned, eller oftere dersom en av partene ber om det.',
  'Alle tidligere stridende som legger ned våpnene, skal få tilbud om utdanning, arbeid og helsehjelp. Særlige tiltak skal rettes mot unge og mot personer med nedsatt funksjonsevne, og mot familier i de mest berørte områdene.',
  'Partene forplikter seg til å avstå fra offentlige uttalelser om innholdet i forhandlingene inntil en felles erklæring er godkjent. Brudd på denne forpliktelsen skal drøftes i plenum ved neste møte.',
  'The Parties will jointly request the lifting of [all]{GOV} sanctions [upon verification of the commitments in Chapters III and IV]{OPP}. Any relief shall be gradual, verifiable and reversible in the event of a serious breach.',
  'A ceasefire shall enter into force at midnight on the day following signature. Each Party shall instruct its forces accordingly and shall communicate the instruction to the monitoring mission within forty-eight hours.',
  'The monitoring mission shall have unimpeded access to all areas covered by the ceasefire. Its members shall enjoy the privileges and immunities necessary for the independent exercise of their functions, including freedom of movement.',
  "Incidents shall be reported to the mission's regional offices, which shall investigate them without delay and inform both Parties of their findings. Serious incidents shall be referred to the joint committee for resolution.",
  'Nothing in this Agreement shall prejudice the rights of victims to truth, justice, reparation and guarantees of non-repetition. Amnesties shall not extend to genocide, crimes against humanity or war crimes.',
  'The Parties shall establish a special fund for reparations, financed from the national budget and from voluntary contributions by international donors. The fund shall be administered by an independent board and audited annually.',
  'Land restitution claims shall be decided by specialised tribunals within [two]{OPP} / [four]{GOV} years. Where restitution is impossible, claimants shall receive equivalent land or fair compensation, as the tribunal determines.',
  'The Government shall adopt a rural development plan that gives priority to the regions most affected by the conflict, including access roads, irrigation, electricity, schools and health centres in every municipality concerned.',
  'The present Agreement shall enter into force upon signature by both Parties and shall be deposited with the Swiss Federal Council. It shall be published in Spanish and in English, both texts being equally authentic.',
];

/** The whole agreement as one text: its paragraphs separated by blank lines. */
export const agreement: string = paragraphs.join('\n\n');

/** The words of a text (whitespace-separated), with the offset where each starts. */
export function wordsOf(text: string): Array<{ word: string; at: number }> {
  return [...text.matchAll(/\S+/g)].map((m) => ({ word: m[0], at: m.index }));
}

/**
 * A passage of `count` whole words of the text starting at word `start`, cut out as a reader would
 * copy it: from the first word's first character to the last word's last, gaps as they are.
 */
export function passage(text: string, start: number, count: number): string {
  const words = wordsOf(text);
  const first = words[start];
  const last = words[Math.min(words.length, start + count) - 1];
  if (first === undefined || last === undefined) return '';
  return text.slice(first.at, last.at + last.word.length);
}

/** Where each sentence of the text starts and ends (offsets; a sentence ends with . ! or ?). */
export function sentenceSpans(text: string): Array<{ from: number; to: number }> {
  return [...text.matchAll(/[^\s.!?][^.!?]*[.!?]+(?:[\]})]+(?:\{[^}]*\})?)?/g)].map((m) => ({
    from: m.index,
    to: m.index + m[0].length,
  }));
}

/**
 * The text as a PDF reader extracts it from Parley's PDF: each paragraph wrapped into lines of at
 * most `width` characters, broken only at ordinary spaces (the PDF export never breaks at a
 * no-break space), then every no-break space read back as a space.
 */
export function asExtractedFromPdf(text: string, width = 80): string {
  return text
    .split('\n\n')
    .map((paragraph) => {
      const lines: string[] = [];
      let line = '';
      for (const word of paragraph.split(' ')) {
        if (line !== '' && line.length + 1 + word.length > width) {
          lines.push(line);
          line = word;
        } else {
          line = line === '' ? word : `${line} ${word}`;
        }
      }
      lines.push(line);
      return lines.join('\n');
    })
    .join('\n\n')
    .replace(/\u00a0/g, ' ');
}
