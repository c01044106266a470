/** English: the confirmations of outward actions (who will receive what). */
export const outwardEn = {
  outward: {
    cancel: 'Cancel',
    counting: 'Counting who will receive it…',
    listLocale: 'en',
    delegations_one: 'the {{parties}} delegation',
    delegations_other: 'the {{parties}} delegations',
    mediatorTeam: 'the mediator team',
    others_one: '{{count}} other member',
    others_other: '{{count}} other members',
    goesTo_one: 'Goes to {{who}} — {{count}} person.',
    goesTo_other: 'Goes to {{who}} — {{count}} people.',
    public: 'Public now, to every member and to anyone they pass it on to: it cannot be undone.',
    publicFrom:
      'Public from {{date}} (its embargo), to every member and to anyone they pass it on to: it cannot be undone.',
    cannotUndo: 'It cannot be taken back once sent.',
    notesOut_one: 'Including {{count}} drafter’s note marked for the parties.',
    notesOut_other: 'Including {{count}} drafter’s notes marked for the parties.',
    notesKept_one: '{{count}} internal drafter’s note stays with the mediators.',
    notesKept_other: '{{count}} internal drafter’s notes stay with the mediators.',
    noteInternal: 'Internal note:',
    noteForParties: 'For the parties:',
    noNotes: 'No drafter’s note goes out with it.',
    publishVersion: {
      title: 'Publish version {{n}}?',
      what: 'Version {{n}} of the negotiating text: fixed, numbered and hashed for signature.',
      confirm: 'Publish version {{n}}',
    },
    circulate: {
      title: 'Circulate “{{title}}” for approval?',
      what: 'The wording as it stands now, for every party’s approval.',
      confirm: 'Circulate',
    },
    release: {
      title: 'Release “{{title}}”?',
      whatNumbered: 'The approved wording, numbered as the next joint communiqué.',
      what: 'The approved wording.',
      confirm: 'Release',
    },
    releaseItem: {
      title: 'Release “{{title}}” to {{to}}?',
      what: 'A copy of this item; the original stays where it is.',
      confirm: 'Release',
    },
    relay: {
      title: 'Relay this message to {{to}}?',
      what: 'The wording below, shown as “Relayed by the mediators”; never the original or who wrote it.',
      confirm: 'Relay',
    },
    share: {
      title: 'Share your party’s ratings with the mediator team?',
      what: 'Your party’s saved numbers, shown to the mediators in the analysis. The other party never sees them.',
      canTakeBack: 'You can take them back later.',
      confirm: 'Share the ratings',
    },
    publishSet: {
      title: 'Publish a suggestion set?',
      what: 'Packages chosen from every party’s latest submission; each party sees what each package is worth to it.',
      confirm: 'Publish the set',
    },
  },
  unsaved: {
    leave: 'You have unsaved changes. Leave this page and lose them?',
    closeTitle: 'Discard your changes to {{number}}?',
    closeBody: 'The wording you typed has not been saved. Closing the editor throws it away.',
    discard: 'Discard my changes',
    restored:
      'Your unsaved wording from {{date}} is back. Save it, or close the editor to discard it.',
    stale:
      'Wording you typed earlier was not saved, and the provision has changed since. Here it is, so that nothing is lost:',
  },
  objection: {
    open: 'Reject or ask for a change…',
    kind: 'Your party’s answer',
    askChange: 'Ask for a change',
    reject: 'Reject this wording',
    comment: 'Comment for the mediators',
    commentHint:
      'What is wrong, or what should change. The mediator team and your delegation read it; the other party sees only that you said no.',
    sendChange: 'Send the request for a change',
    sendReject: 'Send the rejection',
    recorded: 'Your answer is recorded; the mediators see your comment.',
    rejectedOn: 'Rejected, {{date}}',
    changeOn: 'Change asked for, {{date}}',
  },
  phone: {
    menu: 'Menu — {{codename}}',
    closeMenu: 'Close the menu',
  },
  unavailable: {
    title: 'Nothing to show here',
    body: 'What this address names does not exist, or it is kept in a room you are not part of. Parley answers both in the same way, so that nothing confidential gives itself away.',
    forbiddenTitle: 'Not open to your role',
    forbiddenBody:
      'You can see this part of the process, but your role does not let you use this page.',
    next: 'What you can do',
    overview: 'Go to the overview of {{codename}}',
    search: 'Search what you may read',
    ask: 'If you think you should see it, ask the lead mediator or your head of delegation to share it with you.',
  },
};
