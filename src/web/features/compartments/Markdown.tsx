/**
 * A small, safe Markdown renderer for notes: headings, lists, paragraphs, **bold**, *italic* and
 * `code`. It builds React elements (never HTML strings), so a note cannot inject markup.
 */
import type { ReactNode } from 'react';
import { DemoAwareText } from '../../ui/components.js';

function inline(text: string, keyPrefix: string): ReactNode[] {
  const out: ReactNode[] = [];
  const pattern = /(\*\*[^*]+\*\*|\*[^*\s][^*]*\*|`[^`]+`)/g;
  let last = 0;
  let i = 0;
  for (const m of text.matchAll(pattern)) {
    const at = m.index ?? 0;
    if (at > last)
      out.push(<DemoAwareText key={`${keyPrefix}-t${i++}`} text={text.slice(last, at)} />);
    const token = m[0];
    const key = `${keyPrefix}-m${i++}`;
    if (token.startsWith('**')) out.push(<strong key={key}>{token.slice(2, -2)}</strong>);
    else if (token.startsWith('`')) out.push(<code key={key}>{token.slice(1, -1)}</code>);
    else out.push(<em key={key}>{token.slice(1, -1)}</em>);
    last = at + token.length;
  }
  if (last < text.length)
    out.push(<DemoAwareText key={`${keyPrefix}-t${i}`} text={text.slice(last)} />);
  return out;
}

type Block =
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  | { type: 'ul' | 'ol'; items: string[] }
  | { type: 'p'; lines: string[] };

function parse(source: string): Block[] {
  const blocks: Block[] = [];
  // Open paragraph lines and open list, held in one object so the helpers below can reset them.
  const open: { para: string[]; list: { type: 'ul' | 'ol'; items: string[] } | null } = {
    para: [],
    list: null,
  };
  const closePara = () => {
    if (open.para.length) blocks.push({ type: 'p', lines: open.para });
    open.para = [];
  };
  const closeList = () => {
    if (open.list) blocks.push(open.list);
    open.list = null;
  };
  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    const item = /^\s*[-*+]\s+(.*)$/.exec(line) ?? /^\s*\d+[.)]\s+(.*)$/.exec(line);
    if (!line.trim()) {
      closePara();
      closeList();
    } else if (heading) {
      closePara();
      closeList();
      const level = Math.min(3, heading[1]?.length ?? 1) as 1 | 2 | 3;
      blocks.push({ type: 'heading', level, text: heading[2] ?? '' });
    } else if (item) {
      const type = /^\s*[-*+]\s/.test(line) ? 'ul' : 'ol';
      closePara();
      if (open.list?.type !== type) closeList();
      open.list ??= { type, items: [] };
      open.list.items.push(item[1] ?? '');
    } else {
      closeList();
      open.para.push(line);
    }
  }
  closePara();
  closeList();
  return blocks;
}

/** Renders a note's Markdown body. Headings start at level 3 to sit under the page's headings. */
export function Markdown({ source }: { source: string }) {
  return (
    <div className="prose">
      {parse(source).map((b, i) => {
        const k = `b${i}`;
        switch (b.type) {
          case 'heading':
            return b.level === 1 ? (
              <h3 key={k}>{inline(b.text, k)}</h3>
            ) : b.level === 2 ? (
              <h4 key={k}>{inline(b.text, k)}</h4>
            ) : (
              <h5 key={k}>{inline(b.text, k)}</h5>
            );
          case 'ul':
            return (
              <ul key={k}>
                {b.items.map((item, j) => (
                  <li key={j}>{inline(item, `${k}-${j}`)}</li>
                ))}
              </ul>
            );
          case 'ol':
            return (
              <ol key={k}>
                {b.items.map((item, j) => (
                  <li key={j}>{inline(item, `${k}-${j}`)}</li>
                ))}
              </ol>
            );
          case 'p':
            return (
              <p key={k}>
                {b.lines.map((line, j) => (
                  <span key={j}>
                    {j > 0 && <br />}
                    {inline(line, `${k}-${j}`)}
                  </span>
                ))}
              </p>
            );
        }
      })}
    </div>
  );
}

/** The first words of a note, as plain text, for lists. */
export function excerpt(source: string, max = 180): string {
  const plain = source
    .replace(/\[Illustrative demo — invented\]/g, '')
    .replace(/^#{1,3}\s+/gm, '')
    .replace(/^\s*([-*+]|\d+[.)])\s+/gm, '')
    .replace(/[*`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > max ? `${plain.slice(0, max).trimEnd()}…` : plain;
}
