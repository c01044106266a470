/** Español: el editor de redacción, enmiendas por selección, el plazo para retirar una publicación. */
import type { draftingEn } from './en-drafting.js';

export const draftingEs: typeof draftingEn = {
  drafting: {
    modesLabel: 'Cómo editar la redacción',
    modeStructure: 'Editar como texto',
    modeSyntax: 'Sintaxis de corchetes (expertos)',
    structureHint:
      'Seleccione palabras en la redacción para ponerlas entre corchetes a nombre de una parte, o elija un corchete para anotarlo o añadir una alternativa. Nada se guarda hasta pulsar «Guardar la redacción».',
    surfaceLabel: 'Redacción de {{number}}: seleccione palabras para ponerlas entre corchetes',
    previewTitle: 'Vista previa',
    previewLabel: 'Vista previa de la redacción de {{number}}',
    selected: 'Seleccionado: «{{words}}»',
    selectAcross:
      'La selección cruza un corchete. Seleccione palabras dentro de un mismo tramo sin corchetes.',
    selectInBracket:
      'Estas palabras ya están entre corchetes. Elija el corchete para añadir una alternativa o una nota.',
    selectNothing: 'Seleccione palabras de la redacción para ponerlas entre corchetes.',
    holderLabel: 'A nombre de',
    holderMediators: 'Los mediadores',
    holderNobody: 'Nadie todavía (?)',
    noteLabel: 'Nota de redacción',
    noteHint: 'Interna salvo que marque la casilla de abajo: queda con los mediadores.',
    forPartiesLabel: 'Para las partes: sale con una versión publicada',
    forPartiesHint:
      'Marcada, todas las partes leen esta nota en la versión publicada y en sus exportaciones.',
    bracketIt: 'Poner entre corchetes lo seleccionado',
    syntaxNoteForParties:
      'Dos puntos dobles: la nota va a las partes con una versión publicada (con uno queda interna).',
    pickBracket: 'Editar el corchete de {{party}}',
    pickAlternative: 'Editar Alt {{n}}',
    pieceTitle: 'El corchete',
    pieceTitleAlt: 'Alt {{n}}',
    applyPiece: 'Aplicar a la redacción',
    addAlternativeTitle: 'Añadir una alternativa',
    alternativeWording: 'Redacción alternativa',
    alternativeHint: 'Déjela vacía para proponer suprimir el pasaje.',
    addAlternative: 'Añadir la alternativa',
    closePiece: 'Listo',
    unsavedChanges: 'Cambios aún sin guardar.',
    syntaxBroken:
      'La sintaxis de corchetes tiene un problema (indicado debajo); no se puede editar como texto hasta corregirlo.',
    problemAt: 'Línea {{line}}, columna {{column}}:',
    problemHere: 'aquí',
    goToProblem: 'Ir al problema',
    problem: {
      bracket_not_closed:
        'Este «[» nunca se cierra. Añada «]» después de la última palabra entre corchetes.',
      bracket_not_closed_before_brace:
        'El corchete abierto en la columna {{opened}} no está cerrado. Añada «]» antes de «{».',
      bracket_inside_bracket:
        'Se abre un «[» dentro del corchete abierto en la columna {{opened}}. Ciérrelo antes con «]»; los corchetes no se anidan (use alternativas).',
      closing_bracket_alone:
        'Este «]» no cierra ningún corchete. Añada «[» donde empiezan las palabras entre corchetes.',
      brace_alone:
        '«{{char}}» no va justo después de un corchete. El titular, como {GOV}, va inmediatamente tras el «]».',
      brace_in_bracket:
        '«}» dentro de un corchete no cierra nada. Quítelo o escriba \\} para una llave.',
      holder_not_closed:
        'El titular tras el corchete nunca se cierra. Añada «}» después del código de la parte.',
      brace_in_holder:
        'El titular abierto en la columna {{opened}} no está cerrado. Añada «}» antes de este «{».',
      empty_bracket: 'Estos corchetes están vacíos. Ponga las palabras en disputa entre «[» y «]».',
      unknown_code:
        '«{{code}}» no es un código de parte aquí. Use uno de: {{known}}, o ? para nadie.',
    },
    refused: {
      already_bracketed:
        'Esas palabras ya están entre corchetes; los corchetes no se anidan. Añada una alternativa.',
      empty_selection: 'Seleccione las palabras que poner entre corchetes.',
      not_bracketed: 'Elija primero un corchete o una alternativa.',
      segment_missing: 'Esas palabras ya no están; selecciónelas de nuevo.',
    },
    amendSelectTitle: 'Seleccione las palabras en la disposición',
    amendSelectHint:
      'Seleccione arriba las palabras que quiere cambiar; no hace falta escribirlas. También puede escribirlas abajo.',
    amendSelected: 'Palabras elegidas: «{{words}}»{{where}}',
    amendOccurrence: ' (aparición {{n}} de {{total}})',
    caseMismatch: 'Encontradas con otras mayúsculas: «{{found}}».',
    useFound: 'Usar «{{found}}»',
  },
  undo: {
    holdLabel: 'Plazo para retirar',
    holdNone: 'Ninguno: público al instante',
    holdMinutes_one: '{{count}} minuto',
    holdMinutes_other: '{{count}} minutos',
    holdHint: 'Será público solo al pasar el plazo; hasta entonces puede retirar la publicación.',
    publicAt: 'Público a las {{time}}; puede retirarse hasta entonces.',
    countdown: 'Público a las {{time}}: quedan {{left}} para retirarlo.',
    heldUntil: 'Público a las {{time}}.',
    withdraw: 'Retirar',
    withdrawn: 'La publicación se ha retirado: vuelve a estar en circulación y nunca fue pública.',
  },
};
