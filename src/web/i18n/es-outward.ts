/** Español: las confirmaciones de las acciones hacia fuera (quién recibe qué). */
export const outwardEs = {
  outward: {
    cancel: 'Cancelar',
    counting: 'Contando quién lo recibirá…',
    listLocale: 'es',
    delegations_one: 'la delegación {{parties}}',
    delegations_other: 'las delegaciones {{parties}}',
    mediatorTeam: 'el equipo de mediación',
    others_one: '{{count}} miembro más',
    others_other: '{{count}} miembros más',
    goesTo_one: 'Llega a {{who}}: {{count}} persona.',
    goesTo_other: 'Llega a {{who}}: {{count}} personas.',
    public:
      'Público ahora, para todos los miembros y para quien lo reciba de ellos: no se puede deshacer.',
    publicFrom:
      'Público desde el {{date}} (su embargo), para todos los miembros y para quien lo reciba de ellos: no se puede deshacer.',
    cannotUndo: 'Una vez enviado, no se puede retirar.',
    notesOut_one: 'Incluye {{count}} nota de redacción marcada para las partes.',
    notesOut_other: 'Incluye {{count}} notas de redacción marcadas para las partes.',
    notesKept_one: '{{count}} nota interna de redacción se queda con la mediación.',
    notesKept_other: '{{count}} notas internas de redacción se quedan con la mediación.',
    noteInternal: 'Nota interna:',
    noteForParties: 'Para las partes:',
    noNotes: 'No sale ninguna nota de redacción.',
    publishVersion: {
      title: '¿Publicar la versión {{n}}?',
      what: 'La versión {{n}} del texto de negociación: fija, numerada y con su huella para la firma.',
      confirm: 'Publicar la versión {{n}}',
    },
    circulate: {
      title: '¿Circular «{{title}}» para su aprobación?',
      what: 'La redacción tal como está ahora, para que cada parte la apruebe.',
      confirm: 'Circular',
    },
    release: {
      title: '¿Difundir «{{title}}»?',
      whatNumbered: 'La redacción aprobada, numerada como el siguiente comunicado conjunto.',
      what: 'La redacción aprobada.',
      confirm: 'Difundir',
    },
    releaseItem: {
      title: '¿Difundir «{{title}}» a {{to}}?',
      what: 'Una copia de este elemento; el original se queda donde está.',
      confirm: 'Difundir',
    },
    relay: {
      title: '¿Transmitir este mensaje a {{to}}?',
      what: 'La redacción de abajo, mostrada como «Transmitido por la mediación»; nunca el original ni su autor.',
      confirm: 'Transmitir',
    },
    share: {
      title: '¿Compartir las valoraciones de su parte con el equipo de mediación?',
      what: 'Las cifras guardadas de su parte, visibles para la mediación en el análisis. La otra parte nunca las ve.',
      canTakeBack: 'Puede retirarlas más tarde.',
      confirm: 'Compartir las valoraciones',
    },
    publishSet: {
      title: '¿Publicar un conjunto de sugerencias?',
      what: 'Paquetes elegidos a partir de la última entrega de cada parte; cada parte ve lo que vale para ella cada paquete.',
      confirm: 'Publicar el conjunto',
    },
  },
  unsaved: {
    leave: 'Tiene cambios sin guardar. ¿Salir de esta página y perderlos?',
    closeTitle: '¿Descartar sus cambios en {{number}}?',
    closeBody: 'La redacción que escribió no se ha guardado. Al cerrar el editor se pierde.',
    discard: 'Descartar mis cambios',
    restored:
      'Ha vuelto su redacción sin guardar del {{date}}. Guárdela, o cierre el editor para descartarla.',
    stale:
      'Una redacción que escribió antes no se guardó, y la disposición ha cambiado desde entonces. Aquí está, para que no se pierda nada:',
  },
  objection: {
    open: 'Rechazar o pedir un cambio…',
    kind: 'La respuesta de su parte',
    askChange: 'Pedir un cambio',
    reject: 'Rechazar esta redacción',
    comment: 'Comentario para la mediación',
    commentHint:
      'Qué falla o qué debería cambiar. Lo leen el equipo de mediación y su delegación; la otra parte solo ve que ustedes dijeron que no.',
    sendChange: 'Enviar la petición de cambio',
    sendReject: 'Enviar el rechazo',
    recorded: 'Su respuesta queda registrada; la mediación ve su comentario.',
    rejectedOn: 'Rechazado, {{date}}',
    changeOn: 'Cambio pedido, {{date}}',
  },
  phone: {
    menu: 'Menú — {{codename}}',
    closeMenu: 'Cerrar el menú',
  },
  unavailable: {
    title: 'Aquí no hay nada que mostrar',
    body: 'Lo que indica esta dirección no existe, o se guarda en una sala de la que usted no forma parte. Parley responde igual en ambos casos, para que nada confidencial se delate.',
    forbiddenTitle: 'No está abierto a su función',
    forbiddenBody:
      'Puede ver esta parte del proceso, pero su función no le permite usar esta página.',
    next: 'Qué puede hacer',
    overview: 'Ir al resumen de {{codename}}',
    search: 'Buscar lo que puede leer',
    ask: 'Si cree que debería verlo, pida al mediador principal o a su jefe de delegación que se lo comparta.',
  },
};
