import { describe, expect, it } from 'vitest';
import { asId } from '../shared/ids.js';
import { analyseText } from './analyse.js';
import { norwegianStandard } from './language.js';
import { buildAliasIndex, findMentions, fold } from './mentions.js';
import type { MediaActorId } from './model.js';

const id = (s: string) => asId<'MediaActor'>(s) as MediaActorId;
const register = [
  { id: id('store'), kind: 'person' as const, name: 'Jonas Gahr Støre', aliases: ['Støre'] },
  { id: id('maduro'), kind: 'person' as const, name: 'Nicolás Maduro', aliases: ['Maduro'] },
  { id: id('un'), kind: 'international-body' as const, name: 'UN', aliases: ['ONU'] },
];
const index = buildAliasIndex(register);

describe('finding registered actors', () => {
  it('folds accents and case but keeps ø, so "store" is never Støre', () => {
    expect(fold('Nicolás GUAIDÓ')).toBe('nicolas guaido');
    expect(
      findMentions('De store partiene møtte Nicolas Maduro.', index).map((m) => m.text),
    ).toEqual(['Nicolas Maduro']);
  });

  it('takes genitives and possessives into the matched words', () => {
    expect(findMentions("Støres rådgiver og Maduro's minister", index).map((m) => m.text)).toEqual([
      'Støres',
      "Maduro's",
    ]);
  });

  it('matches an acronym only in its capitals, so the Spanish "un" is not the UN', () => {
    expect(
      findMentions('Un portavoz de la ONU dijo un par de cosas al UN.', index).map((m) => m.text),
    ).toEqual(['ONU', 'UN']);
  });

  it('prefers the longest alias and gives offsets into the text', () => {
    const [m] = findMentions('Statsminister Jonas Gahr Støre sa nei.', index);
    expect(m).toEqual({ actorId: 'store', text: 'Jonas Gahr Støre', start: 14, end: 30 });
  });
});

describe('quotations and their speakers', () => {
  it('attributes a Norwegian dash line to the name after the reporting verb', () => {
    const a = analyseText('– Vi er klare til å fortsette, sier Støre.', register);
    expect(a.quotes).toEqual([
      { text: 'Vi er klare til å fortsette', speakerActorId: 'store', start: 2, end: 29 },
    ]);
  });

  it('resolves a pronoun to the last person named', () => {
    const a = analyseText('Maduro talte i går. «Vi vil ha fred nå», sa han til NRK.', register);
    expect(a.quotes.map((q) => q.speakerActorId)).toEqual(['maduro']);
  });

  it('leaves a quotation unattributed when an unregistered speaker is named', () => {
    const a = analyseText('Maduro talte. «Det er langt igjen», sier en diplomat.', register);
    expect(a.quotes.map((q) => q.speakerActorId)).toEqual([null]);
  });

  it('reads a Spanish inciso and an English reporting clause', () => {
    expect(
      analyseText('—No vamos a negociar la fecha —dijo Maduro— en Caracas.', register).quotes[0]
        ?.speakerActorId,
    ).toBe('maduro');
    expect(
      analyseText('"We will not give up," Maduro said on Sunday.', register).quotes[0]
        ?.speakerActorId,
    ).toBe('maduro');
  });

  it('suggests capitalised names that are not registered', () => {
    const a = analyseText('Maduro met Delcy Rodríguez and Jonas Gahr Støre in Oslo.', register);
    expect(a.suggestions.map((s) => s.text)).toEqual(['Delcy Rodríguez']);
  });
});

describe('bokmål and nynorsk', () => {
  it('tells the two written standards apart by the words they spell differently', () => {
    expect(norwegianStandard('Eg veit ikkje kva dei meiner om samtalane.')).toBe('nn');
    expect(norwegianStandard('Jeg vet ikke hva de mener om samtalene.')).toBe('nb');
  });
});
