/** Norsk bokmål: bekreftelsene av handlinger som går ut (hvem som får hva). */
export const outwardNb = {
  outward: {
    cancel: 'Avbryt',
    counting: 'Teller hvem som får det …',
    listLocale: 'nb',
    delegations_one: '{{parties}}-delegasjonen',
    delegations_other: '{{parties}}-delegasjonene',
    mediatorTeam: 'meklerteamet',
    others_one: '{{count}} annet medlem',
    others_other: '{{count}} andre medlemmer',
    goesTo_one: 'Går til {{who}} – {{count}} person.',
    goesTo_other: 'Går til {{who}} – {{count}} personer.',
    public: 'Offentlig nå, for alle medlemmer og alle de gir det videre til: det kan ikke angres.',
    publicFrom:
      'Offentlig fra {{date}} (embargo), for alle medlemmer og alle de gir det videre til: det kan ikke angres.',
    cannotUndo: 'Det kan ikke trekkes tilbake når det er sendt.',
    notesOut_one: 'Med {{count}} redaksjonsnotat merket for partene.',
    notesOut_other: 'Med {{count}} redaksjonsnotater merket for partene.',
    notesKept_one: '{{count}} internt redaksjonsnotat blir hos meklerne.',
    notesKept_other: '{{count}} interne redaksjonsnotater blir hos meklerne.',
    noteInternal: 'Internt notat:',
    noteForParties: 'For partene:',
    noNotes: 'Ingen redaksjonsnotater går ut med det.',
    publishVersion: {
      title: 'Publisere versjon {{n}}?',
      what: 'Versjon {{n}} av forhandlingsteksten: låst, nummerert og med sjekksum for signering.',
      confirm: 'Publiser versjon {{n}}',
    },
    circulate: {
      title: 'Sende «{{title}}» ut til godkjenning?',
      what: 'Ordlyden slik den står nå, til godkjenning av hver part.',
      confirm: 'Send ut',
    },
    release: {
      title: 'Frigi «{{title}}»?',
      whatNumbered: 'Den godkjente ordlyden, nummerert som neste felles kommuniké.',
      what: 'Den godkjente ordlyden.',
      confirm: 'Frigi',
    },
    releaseItem: {
      title: 'Frigi «{{title}}» til {{to}}?',
      what: 'En kopi av dette elementet; originalen blir der den er.',
      confirm: 'Frigi',
    },
    relay: {
      title: 'Formidle denne meldingen til {{to}}?',
      what: 'Ordlyden nedenfor, vist som «Formidlet av meklerne»; aldri originalen eller hvem som skrev den.',
      confirm: 'Formidle',
    },
    share: {
      title: 'Dele partens vurderinger med meklerteamet?',
      what: 'Partens lagrede tall, vist for meklerne i analysen. Den andre parten ser dem aldri.',
      canTakeBack: 'Du kan trekke dem tilbake senere.',
      confirm: 'Del vurderingene',
    },
    publishSet: {
      title: 'Publisere et sett med forslag?',
      what: 'Pakker valgt ut fra hver parts siste innsending; hver part ser hva hver pakke er verdt for den.',
      confirm: 'Publiser settet',
    },
  },
  unsaved: {
    leave: 'Du har endringer som ikke er lagret. Forlate siden og miste dem?',
    closeTitle: 'Forkaste endringene i {{number}}?',
    closeBody: 'Ordlyden du skrev, er ikke lagret. Lukker du redigeringen, forsvinner den.',
    discard: 'Forkast endringene',
    restored:
      'Den ulagrede ordlyden din fra {{date}} er tilbake. Lagre den, eller lukk redigeringen for å forkaste den.',
    stale:
      'Ordlyd du skrev tidligere, ble ikke lagret, og bestemmelsen er endret siden. Her er den, så ingenting går tapt:',
  },
  objection: {
    open: 'Avvis eller be om en endring …',
    kind: 'Partens svar',
    askChange: 'Be om en endring',
    reject: 'Avvis denne ordlyden',
    comment: 'Kommentar til meklerne',
    commentHint:
      'Hva som er galt, eller hva som bør endres. Meklerteamet og delegasjonen deres leser den; den andre parten ser bare at dere sa nei.',
    sendChange: 'Send anmodningen om endring',
    sendReject: 'Send avvisningen',
    recorded: 'Svaret ditt er registrert; meklerne ser kommentaren din.',
    rejectedOn: 'Avvist, {{date}}',
    changeOn: 'Endring bedt om, {{date}}',
  },
  phone: {
    menu: 'Meny – {{codename}}',
    closeMenu: 'Lukk menyen',
  },
  unavailable: {
    title: 'Ingenting å vise her',
    body: 'Det denne adressen viser til, finnes ikke, eller det ligger i et rom du ikke er med i. Parley svarer likt i begge tilfeller, så ingenting fortrolig røper seg.',
    forbiddenTitle: 'Ikke åpent for rollen din',
    forbiddenBody:
      'Du ser denne delen av prosessen, men rollen din gir ikke tilgang til denne siden.',
    next: 'Hva du kan gjøre',
    overview: 'Gå til oversikten over {{codename}}',
    search: 'Søk i det du har tilgang til',
    ask: 'Mener du at du burde se det, be hovedmekleren eller delegasjonslederen din om å dele det med deg.',
  },
};
