import { describe, expect, it } from 'vitest';
import { findUnacceptedText, unacceptedCharacter } from './accepted-text.js';

describe('the text Parley accepts', () => {
  it.each([
    ['plain words', 'Ceasefire along the line of contact'],
    ['tab, line feed and carriage return', 'a\tb\nc\r\nd'],
    ['letters of every script', 'Fred – fred – سلام – 和平 – Mír'],
    ['characters outside the basic plane, as surrogate pairs', 'agreed 🕊️ 𝔄'],
    ['DEL and C1 controls', 'a\u007fb\u0085c'],
    ['the replacement character', 'a\uFFFDb'],
  ])('accepts %s', (_, value) => {
    expect(unacceptedCharacter(value)).toBeNull();
  });

  it.each([
    ['NUL', 'x\u0000@y.z', 'U+0000'],
    ['a bell', 'ring\u0007', 'U+0007'],
    ['a vertical tab', 'a\u000bb', 'U+000B'],
    ['a form feed', 'a\u000cb', 'U+000C'],
    ['an escape', '\u001b[31mred', 'U+001B'],
    ['a unit separator', 'a\u001fb', 'U+001F'],
    ['a lone high surrogate', 'a\uD800b', 'U+D800'],
    ['a lone low surrogate', 'a\uDC00b', 'U+DC00'],
    ['a high surrogate at the very end', 'abc\uD83D', 'U+D83D'],
  ])('refuses %s and names it', (_, value, character) => {
    expect(unacceptedCharacter(value)).toBe(character);
  });

  it('names the field where the first refused character is, however deep', () => {
    expect(findUnacceptedText({ email: 'x\u0000@y.z', password: 'p' }, 'body')).toMatchObject({
      path: 'body.email',
      character: 'U+0000',
    });
    expect(
      findUnacceptedText({ items: [{ label: 'fine' }, { label: 'bad\u0001' }] }, 'body'),
    ).toMatchObject({ path: 'body.items.1.label', character: 'U+0001' });
    expect(findUnacceptedText('a\uDFFF', 'query.q')?.message).toContain('lone surrogate');
  });

  it('checks field names as well as values', () => {
    expect(findUnacceptedText({ scores: { 'a\u0000': 1 } }, 'body')).toMatchObject({
      path: 'body.scores.a\\u0000',
      character: 'U+0000',
    });
  });

  it('passes numbers, booleans, null and well-formed text through', () => {
    expect(
      findUnacceptedText({ n: 1, b: true, z: null, list: ['x', 'y\n'], o: { k: 'v' } }, 'body'),
    ).toBeNull();
    expect(findUnacceptedText(undefined, 'body')).toBeNull();
  });
});
