import { describe, expect, it } from 'vitest';
import { inWinAnsi, resolveFonts, transliterateToWinAnsi } from './pdf-fonts.js';

describe('fonts for the PDF export', () => {
  it.each([
    ['Tromsø, Ålesund, Lærdal, Bodø', 'Tromsø, Ålesund, Lærdal, Bodø'],
    ['año, Comisión, señor, ¿sí?, ¡no!', 'año, Comisión, señor, ¿sí?, ¡no!'],
    ['“quotes” ‘single’ – en — em … € «»', '“quotes” ‘single’ – en — em … € «»'],
    ['Łódź, Kraków', 'Lódz, Kraków'],
    ['İstanbul, Şişli, Ğ', 'Istanbul, Sisli, G'],
    ['Đorđe, ħ, ı', 'Dorde, h, i'],
    ['2 − 1 ≤ 3', '2 - 1 <= 3'],
    ['non\u2011breaking\u2010hyphen', 'non-breaking-hyphen'],
    ['thin\u2009space, narrow\u202fno-break', 'thin space, narrow\u00a0no-break'],
    ['zero\u200bwidth', 'zerowidth'],
    ['Αθήνα', '?????'],
    ['Київ', '????'],
    ['peace 🕊', 'peace ?'],
    ['e\u0301', 'é'],
  ])('shows %s as %s with the standard fonts', (text, shown) => {
    expect(transliterateToWinAnsi(text)).toBe(shown);
  });

  it('knows which characters WinAnsi has', () => {
    expect([...'Aø€ŸŠ—'].every(inWinAnsi)).toBe(true);
    expect([...'ŁαЖ\u0080\u009f\u2212'].some(inWinAnsi)).toBe(false);
  });

  it('finds Liberation Sans in an installed package, and uses Helvetica when told to', async () => {
    const auto = await resolveFonts('auto');
    expect(auto.kind).toBe('embedded');
    if (auto.kind === 'embedded')
      expect(auto.files.regular.subarray(0, 4).toString('hex')).toBe('00010000');
    expect(await resolveFonts('standard')).toEqual({ kind: 'standard' });
  });
});
