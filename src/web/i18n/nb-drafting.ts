/** Bokmål: redigeringsverktøyet for teksten, endringsforslag ved markering, angrefristen ved frigivelse. */
import type { draftingEn } from './en-drafting.js';

export const draftingNb: typeof draftingEn = {
  drafting: {
    modesLabel: 'Slik redigerer du ordlyden',
    modeStructure: 'Rediger som tekst',
    modeSyntax: 'Klammesyntaks (for eksperter)',
    structureHint:
      'Marker ord i ordlyden nedenfor for å sette dem i klammer for en part, eller velg en klamme for å gi den en merknad eller legge til et alternativ. Ingenting lagres før du trykker «Lagre ordlyden».',
    surfaceLabel: 'Ordlyden i {{number}}: marker ord for å sette dem i klammer',
    previewTitle: 'Forhåndsvisning',
    previewLabel: 'Forhåndsvisning av ordlyden i {{number}}',
    selected: 'Markert: «{{words}}»',
    selectAcross:
      'Markeringen går over en klamme. Marker ord innenfor ett stykke ordlyd uten klammer.',
    selectInBracket:
      'Disse ordene står allerede i en klamme. Velg klammen for å legge til et alternativ eller en merknad.',
    selectNothing: 'Marker ord i ordlyden for å sette dem i klammer.',
    holderLabel: 'Holdes av',
    holderMediators: 'Meklerne',
    holderNobody: 'Ingen ennå (?)',
    noteLabel: 'Redaksjonell merknad',
    noteHint: 'Intern med mindre du krysser av nedenfor: den blir hos meklerne.',
    forPartiesLabel: 'For partene: følger med en publisert versjon',
    forPartiesHint:
      'Avkrysset leser alle partene denne merknaden i den publiserte versjonen og eksportene av den.',
    bracketIt: 'Sett de markerte ordene i klammer',
    syntaxNoteForParties:
      'To kolon: merknaden går til partene med en publisert versjon (ett kolon holder den intern).',
    pickBracket: 'Rediger klammen som holdes av {{party}}',
    pickAlternative: 'Rediger alt. {{n}}',
    pieceTitle: 'Klammen',
    pieceTitleAlt: 'Alt. {{n}}',
    applyPiece: 'Bruk på ordlyden',
    addAlternativeTitle: 'Legg til et alternativ',
    alternativeWording: 'Alternativ ordlyd',
    alternativeHint: 'La stå tomt for å foreslå at passasjen utgår.',
    addAlternative: 'Legg til alternativet',
    closePiece: 'Ferdig',
    unsavedChanges: 'Endringer som ikke er lagret ennå.',
    syntaxBroken:
      'Klammesyntaksen har et problem (vist under den), så ordlyden kan ikke redigeres som tekst før det er rettet.',
    problemAt: 'Linje {{line}}, kolonne {{column}}:',
    problemHere: 'her',
    goToProblem: 'Gå til problemet',
    problem: {
      bracket_not_closed: 'Denne «[» lukkes aldri. Sett «]» etter det siste ordet i klammen.',
      bracket_not_closed_before_brace:
        'Klammen som åpnes i kolonne {{opened}}, er ikke lukket. Sett «]» foran «{».',
      bracket_inside_bracket:
        'En «[» åpnes inne i klammen fra kolonne {{opened}}. Lukk den med «]» først; klammer kan ikke nøstes (bruk alternativer).',
      closing_bracket_alone:
        'Denne «]» lukker ingen klamme. Sett «[» der ordene i klammen begynner.',
      brace_alone:
        '«{{char}}» står ikke rett etter en klamme. En innehaver som {GOV} skal stå rett etter «]».',
      brace_in_bracket:
        '«}» inne i en klamme lukker ingenting. Fjern den, eller skriv \\} for en krøllparentes.',
      holder_not_closed: 'Innehaveren etter klammen lukkes aldri. Sett «}» etter partskoden.',
      brace_in_holder:
        'Innehaveren som åpnes i kolonne {{opened}}, er ikke lukket. Sett «}» foran denne «{».',
      empty_bracket: 'Disse klammene er tomme. Sett de omstridte ordene mellom «[» og «]».',
      unknown_code: '«{{code}}» er ingen partskode her. Bruk en av: {{known}}, eller ? for ingen.',
    },
    refused: {
      already_bracketed:
        'Disse ordene står allerede i en klamme; klammer kan ikke nøstes. Legg til et alternativ i stedet.',
      empty_selection: 'Marker ordene som skal i klammer.',
      not_bracketed: 'Velg en klamme eller et alternativ først.',
      segment_missing: 'Disse ordene finnes ikke lenger; marker dem på nytt.',
    },
    amendSelectTitle: 'Marker ordene i bestemmelsen',
    amendSelectHint:
      'Marker ordene du vil endre i ordlyden over; du trenger ikke skrive dem. Du kan også skrive dem nedenfor.',
    amendSelected: 'Valgte ord: «{{words}}»{{where}}',
    amendOccurrence: ' (forekomst {{n}} av {{total}})',
    caseMismatch: 'Funnet med andre store og små bokstaver: «{{found}}».',
    useFound: 'Bruk «{{found}}»',
  },
  undo: {
    holdLabel: 'Angrefrist',
    holdNone: 'Ingen: offentlig med en gang',
    holdMinutes_one: '{{count}} minutt',
    holdMinutes_other: '{{count}} minutter',
    holdHint: 'Blir offentlig først når fristen er ute; til da kan du trekke frigivelsen tilbake.',
    publicAt: 'Offentlig kl. {{time}}, kan trekkes tilbake til da.',
    countdown: 'Offentlig kl. {{time}}: {{left}} igjen til å trekke den tilbake.',
    heldUntil: 'Offentlig kl. {{time}}.',
    withdraw: 'Trekk tilbake',
    withdrawn:
      'Frigivelsen er trukket tilbake: den er til godkjenning igjen og ble aldri offentlig.',
  },
};
