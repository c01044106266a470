import { describe, expect, it } from 'vitest';
import { brokenMarkup, decodeWindows1252, mainText, readPage } from './page-text.js';

describe('the main text of a page', () => {
  it('prefers the longest article, keeps paragraphs and drops asides and scripts', () => {
    const r = mainText(
      '<body><article>short</article><article><p>One <i>two</i></p><aside>x</aside><ul><li>a</li><li>b</li></ul><script>s()</script></article></body>',
    );
    expect(r.text).toBe('One two\n\na\n\nb');
  });

  it('falls back on main, then the body, and takes the title or the first heading', () => {
    expect(mainText('<body><nav>n</nav><main><h1>H</h1><p>p</p></main></body>')).toEqual({
      text: 'H\n\np',
      title: 'H',
    });
    expect(mainText('<body><p>only</p><footer>f</footer></body>').text).toBe('only');
  });

  it.each([
    ['<p>cut <b', 'a tag breaks off'],
    ['<p>x</p><!-- never closed', 'a comment is never closed'],
    ['<script>var a = 1;', 'a <script> is never closed'],
  ])('calls %j broken', (html, why) => {
    expect(brokenMarkup(html)).toContain(why);
  });

  it('does not call a page broken for paragraphs left open or a < in a script', () => {
    expect(brokenMarkup('<p>a<p>b<script>if (a < b) x()</script>')).toBeNull();
  });

  it('reads windows-1252 curly quotes and dashes, and a UTF-8 byte-order mark', () => {
    expect(decodeWindows1252(Uint8Array.from([0x93, 0x41, 0x94, 0x20, 0x96, 0xe6]))).toBe('“A” –æ');
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Støre sier')]);
    expect(readPage(bom)).toMatchObject({ text: 'Støre sier', html: false, charset: 'utf-8' });
  });

  it('takes the charset from the upload’s content type when the page declares none', () => {
    const bytes = Uint8Array.from([
      ...new TextEncoder().encode('<p>Nicol'),
      0xe1,
      0x73,
      0x3c,
      0x2f,
      0x70,
      0x3e,
    ]);
    expect(readPage(bytes, { contentType: 'text/html; charset=ISO-8859-1' }).text).toBe('Nicolás');
    expect(() => readPage(bytes)).toThrow('not valid UTF-8');
  });
});
