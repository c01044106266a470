/** English: the drafting editor, amendments by selection, the undo window of a release. */
export const draftingEn = {
  drafting: {
    modesLabel: 'How to edit the wording',
    modeStructure: 'Edit as text',
    modeSyntax: 'Bracket syntax (experts)',
    structureHint:
      'Select words in the wording below to bracket them for a party, or pick a bracket to note it or add an alternative. Nothing is saved until you press “Save wording”.',
    surfaceLabel: 'Wording of {{number}}, select words to bracket them',
    previewTitle: 'Preview',
    previewLabel: 'Preview of the wording of {{number}}',
    selected: 'Selected: “{{words}}”',
    selectAcross:
      'The selection runs over a bracket. Select words within one stretch of unbracketed wording.',
    selectInBracket:
      'These words are already in a bracket. Pick the bracket to add an alternative or a note.',
    selectNothing: 'Select words in the wording to bracket them.',
    holderLabel: 'Held by',
    holderMediators: 'The mediators',
    holderNobody: 'Nobody named yet (?)',
    noteLabel: 'Drafter’s note',
    noteHint: 'Internal unless you tick the box below: it stays with the mediators.',
    forPartiesLabel: 'For the parties: goes out with a published version',
    forPartiesHint: 'Ticked, every party reads this note in the published version and its exports.',
    bracketIt: 'Bracket the selected words',
    syntaxNoteForParties:
      'Two colons: the note goes to the parties with a published version (one colon keeps it internal).',
    pickBracket: 'Edit the bracket held by {{party}}',
    pickAlternative: 'Edit Alt {{n}}',
    pieceTitle: 'The bracket',
    pieceTitleAlt: 'Alt {{n}}',
    applyPiece: 'Apply to the wording',
    addAlternativeTitle: 'Add an alternative',
    alternativeWording: 'Alternative wording',
    alternativeHint: 'Leave empty to propose leaving the passage out.',
    addAlternative: 'Add the alternative',
    closePiece: 'Done',
    unsavedChanges: 'Changes not saved yet.',
    syntaxBroken:
      'The bracket syntax has a problem (shown under it), so the wording cannot be edited as text until it is fixed.',
    problemAt: 'Line {{line}}, column {{column}}:',
    problemHere: 'here',
    goToProblem: 'Go to the problem',
    problem: {
      bracket_not_closed: 'This “[” is never closed. Add “]” after the last bracketed word.',
      bracket_not_closed_before_brace:
        'The bracket opened at column {{opened}} is not closed. Add “]” before “{”.',
      bracket_inside_bracket:
        'A “[” opens inside the bracket opened at column {{opened}}. Close that one with “]” first; brackets cannot be nested (use alternatives instead).',
      closing_bracket_alone: 'This “]” closes no bracket. Add “[” where the bracketed words start.',
      brace_alone:
        '“{{char}}” is not right after a bracket. A holder such as {GOV} goes directly after the closing “]”.',
      brace_in_bracket: '“}” inside a bracket closes nothing. Remove it, or write \\} for a brace.',
      holder_not_closed:
        'The holder after the bracket is never closed. Add “}” after the party code.',
      brace_in_holder:
        'The holder opened at column {{opened}} is not closed. Add “}” before this “{”.',
      empty_bracket: 'These brackets are empty. Put the disputed words between “[” and “]”.',
      unknown_code: '“{{code}}” is not a party code here. Use one of: {{known}}, or ? for nobody.',
    },
    refused: {
      already_bracketed:
        'Those words are already in a bracket; brackets cannot be nested. Add an alternative instead.',
      empty_selection: 'Select the words to bracket.',
      not_bracketed: 'Pick a bracket or an alternative first.',
      segment_missing: 'Those words are no longer there; select them again.',
    },
    amendSelectTitle: 'Select the words in the provision',
    amendSelectHint:
      'Select the words you want to change in the wording above; no need to type them. You can also type them below.',
    amendSelected: 'Words chosen: “{{words}}”{{where}}',
    amendOccurrence: ' (occurrence {{n}} of {{total}})',
    caseMismatch: 'Found with different capitals: “{{found}}”.',
    useFound: 'Use “{{found}}”',
  },
  undo: {
    holdLabel: 'Undo window',
    holdNone: 'None: public at once',
    holdMinutes_one: '{{count}} minute',
    holdMinutes_other: '{{count}} minutes',
    holdHint: 'Public only once the window has passed; until then you can withdraw the release.',
    publicAt: 'Public at {{time}}, can be withdrawn until then.',
    countdown: 'Public at {{time}}: {{left}} left to withdraw it.',
    heldUntil: 'Public at {{time}}.',
    withdraw: 'Withdraw',
    withdrawn: 'The release is withdrawn: it is circulated again, and it was never public.',
  },
};
