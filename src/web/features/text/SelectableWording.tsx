/**
 * A provision's wording as it reads, where words can be selected with the mouse, a finger or the
 * keyboard (shift and the arrows): each piece of wording (plain wording, a bracket, an
 * alternative) is one element that knows its place in the body, so a selection becomes a
 * `WordingRange` — no quoting by hand, no capitals to get right. A bracket or an alternative can
 * also be picked as a whole (to note it, add an alternative or change its holder).
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { WordingRange } from '../../../core/text/structure.js';
import type { TextSegment } from '../../api/types.js';
import { VisuallyHidden } from '../../ui/components.js';
import { useParties } from './holders.js';
import { DrafterNote } from './TextDocument.js';

/** A bracket or an alternative, picked as a whole. */
export interface PickedPiece {
  /** Index of the segment. */
  segment: number;
  /** Index of the alternative, or null for a bracket. */
  option: number | null;
}

/** Characters from the start of `root` to (`node`, `offset`). */
function offsetIn(root: Element, node: Node, offset: number): number {
  const range = document.createRange();
  range.selectNodeContents(root);
  range.setEnd(node, offset);
  return range.toString().length;
}

function pieceElement(node: Node | null, container: Element): HTMLElement | null {
  const element = node instanceof Element ? node : (node?.parentElement ?? null);
  const piece = element?.closest<HTMLElement>('[data-piece]') ?? null;
  return piece !== null && container.contains(piece) ? piece : null;
}

/** The selection as a range of one piece, 'across' when it spans several, null when none. */
function selectionIn(container: Element): WordingRange | 'across' | null {
  const selection = window.getSelection();
  if (selection === null || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const start = pieceElement(range.startContainer, container);
  const end = pieceElement(range.endContainer, container);
  if (start === null && end === null) return null;
  if (start === null || start !== end) return 'across';
  const segment = Number(start.dataset['segment']);
  const option = start.dataset['option'] === undefined ? null : Number(start.dataset['option']);
  const a = offsetIn(start, range.startContainer, range.startOffset);
  const b = offsetIn(start, range.endContainer, range.endOffset);
  return { segment, option, start: Math.min(a, b), end: Math.max(a, b) };
}

/** The wording, selectable piece by piece. */
export function SelectableWording({
  body,
  label,
  onSelect,
  onPick,
  picked,
}: {
  body: readonly TextSegment[];
  /** What the area is, for screen readers. */
  label: string;
  /** Called with the selected words' range, 'across' for a selection over several pieces, or null. */
  onSelect: (range: WordingRange | 'across' | null) => void;
  /** When given, brackets and alternatives can be picked as a whole. */
  onPick?: (piece: PickedPiece) => void;
  /** The piece picked now, shown as such. */
  picked?: PickedPiece | null;
}) {
  const { t } = useTranslation();
  const { holder } = useParties();
  const ref = useRef<HTMLDivElement>(null);
  const report = useRef(onSelect);
  report.current = onSelect;
  useEffect(() => {
    const changed = () => {
      const container = ref.current;
      if (container === null) return;
      const selection = window.getSelection();
      // A selection elsewhere on the page (a field being typed in) leaves the choice as it was.
      if (selection !== null && selection.rangeCount > 0 && !selection.isCollapsed) {
        const range = selection.getRangeAt(0);
        if (!container.contains(range.commonAncestorContainer)) return;
      }
      const found = selectionIn(container);
      if (found !== null) report.current(found);
    };
    document.addEventListener('selectionchange', changed);
    return () => document.removeEventListener('selectionchange', changed);
  }, []);
  const isPicked = (segment: number, option: number | null) =>
    picked?.segment === segment && picked.option === option;
  const pickButton = (segment: number, option: number | null, name: string): ReactNode =>
    onPick && (
      <button
        type="button"
        className={`piece-pick${isPicked(segment, option) ? ' is-picked' : ''}`}
        aria-pressed={isPicked(segment, option)}
        onClick={() => onPick({ segment, option })}
      >
        {name}
      </button>
    );
  return (
    <div
      ref={ref}
      className="selectable-wording provision-body"
      role="group"
      aria-label={label}
      data-testid="selectable-wording"
    >
      {body.length === 0 && <em className="muted">{t('text.noWording')}</em>}
      {body.map((s, i) => {
        if (s.kind === 'plain')
          return (
            <span key={i} className="piece piece-plain" data-piece="" data-segment={i}>
              {s.text}
            </span>
          );
        if (s.kind === 'bracket') {
          const look = holder(s.holder);
          return (
            <span
              key={i}
              className={`seg-bracket ${look.className}${isPicked(i, null) ? ' is-picked' : ''}`}
              title={look.name}
            >
              <span className="bracket-mark">[</span>
              <span className="piece" data-piece="" data-segment={i}>
                {s.text}
              </span>
              <span className="nowrap">
                <span className="bracket-mark">]</span>
                <span className="holder-tag">
                  <VisuallyHidden>{t('text.heldBy')} </VisuallyHidden>
                  {look.tag}
                </span>
              </span>
              {s.note && <DrafterNote note={s.note} forParties={s.noteForParties} />}
              {pickButton(i, null, t('drafting.pickBracket', { party: look.tag }))}
            </span>
          );
        }
        return (
          <span key={i} className="seg-alternatives">
            {s.options.map((o, j) => {
              const look = holder(o.holder);
              return (
                <span key={j} className="alt-wrap">
                  {j > 0 && (
                    <span className="alt-sep" aria-hidden="true">
                      {' '}
                      /{' '}
                    </span>
                  )}
                  <span
                    className={`seg-alt ${look.className}${isPicked(i, j) ? ' is-picked' : ''}`}
                    title={look.name}
                  >
                    <span className="bracket-mark">[</span>
                    <span className="alt-label">{t('text.altLabel', { n: j + 1 })}</span>{' '}
                    {o.text === '' ? (
                      <em className="muted">{t('text.emptyAlternative')}</em>
                    ) : (
                      <span className="piece" data-piece="" data-segment={i} data-option={j}>
                        {o.text}
                      </span>
                    )}
                    <span className="nowrap">
                      <span className="bracket-mark">]</span>
                      <span className="holder-tag">
                        <VisuallyHidden>{t('text.heldBy')} </VisuallyHidden>
                        {look.tag}
                      </span>
                    </span>
                    {o.note && <DrafterNote note={o.note} forParties={o.noteForParties} />}
                    {pickButton(i, j, t('drafting.pickAlternative', { n: j + 1 }))}
                  </span>
                </span>
              );
            })}
          </span>
        );
      })}
    </div>
  );
}
