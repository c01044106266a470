/**
 * An invented draft agreement, typed the way a drafter would in a word processor following UN
 * convention: a title line, chapter headings, numbered provisions, unattributed square brackets,
 * "Alt 1 / Alt 2" alternatives, wrapped lines, and a few attributions and statuses added by hand.
 * Everything in it is fictional.
 */
export const sampleUnText = `DRAFT GENERAL AGREEMENT ON THE ELECTORAL PROCESS (INVENTED — FOR TESTING ONLY)

Chapter I — Electoral calendar

1.1 The Parties agree that a presidential election shall be held in accordance with the
    Constitution and the present Agreement.

1.2 The election shall take place [Alt 1: within six months] / [Alt 2: within twelve months]
    of the signature of this Agreement.

1.3 {agreed} The date of the election shall be announced by the National Electoral Council.

Chapter II: Transitional arrangements

2.1 [During the transition, the Government shall refrain from adopting new legislation
    affecting the electoral process.]{OPP}

2.2 A Follow-up Commission composed of [three]{GOV} representatives of each Party shall be
    established.
2.3 The Commission shall meet [monthly] / [every two weeks] / [as needed] and report to the
    Parties and to the facilitator.

# Chapter III — Composition of the electoral authority

3.1 {ad ref} The National Electoral Council shall be composed of five members, appointed by a
    two-thirds majority of the National Assembly.

3.2 Members of the Council shall not be affiliated with any political party[, including during
    the three years preceding their appointment]{OPP: subject to consultations}.

Chapter IV — Release of detained activists

4.1 The Government shall release all persons detained for [political reasons]{OPP} / [the
    events of 2019]{GOV} within [Alt 1: 30 days]{OPP} / [Alt 2: 90 days]{GOV} of signature.

4.2 The Parties shall invite the International Committee of the Red Cross to verify the
    releases.

Chapter V — Sanctions relief

5.1 The Parties will jointly request the lifting of [all]{GOV} sanctions [upon
    verification of the commitments in Chapters III and IV]{OPP}.
`;
