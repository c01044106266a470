/** Putting things in order without dragging: an ordered list whose entries move up and down. */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Moves an entry of a list one place up (-1) or down (+1). */
function moved<T>(list: T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (to < 0 || to >= list.length) return list;
  const next = [...list];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

/** An ordered list whose entries move with keyboard-accessible up and down buttons. */
export function OrderList({
  id,
  items,
  onChange,
  label,
}: {
  id: string;
  items: Array<{ id: string; label: string }>;
  onChange: (ids: string[]) => void;
  label: string;
}) {
  const { t } = useTranslation();
  const [focus, setFocus] = useState<{ id: string; dir: 'up' | 'down' } | null>(null);
  const [announce, setAnnounce] = useState('');
  const refs = useRef(new Map<string, HTMLButtonElement>());
  useEffect(() => {
    if (!focus) return;
    const index = items.findIndex((x) => x.id === focus.id);
    // At an end, the button that moved it is disabled: focus its partner instead.
    const dir =
      focus.dir === 'up' && index === 0
        ? 'down'
        : focus.dir === 'down' && index === items.length - 1
          ? 'up'
          : focus.dir;
    refs.current.get(`${dir}:${focus.id}`)?.focus();
  }, [focus, items]);
  const move = (index: number, by: -1 | 1) => {
    const item = items[index];
    if (!item) return;
    onChange(moved(items, index, by).map((x) => x.id));
    setFocus({ id: item.id, dir: by < 0 ? 'up' : 'down' });
    setAnnounce(
      t('preferences.movedTo', { item: item.label, n: index + by + 1, total: items.length }),
    );
  };
  return (
    <>
      <ol className="order-list" aria-label={label} id={id}>
        {items.map((x, i) => (
          <li key={x.id}>
            <span className="order-rank" aria-hidden="true">
              {i + 1}
            </span>
            <span className="order-label">{x.label}</span>
            <span className="order-buttons">
              <button
                type="button"
                className="button button-secondary button-icon"
                ref={(el) => {
                  if (el) refs.current.set(`up:${x.id}`, el);
                  else refs.current.delete(`up:${x.id}`);
                }}
                disabled={i === 0}
                aria-label={t('preferences.moveUp', { item: x.label })}
                onClick={() => move(i, -1)}
              >
                <span aria-hidden="true">▲</span>
              </button>
              <button
                type="button"
                className="button button-secondary button-icon"
                ref={(el) => {
                  if (el) refs.current.set(`down:${x.id}`, el);
                  else refs.current.delete(`down:${x.id}`);
                }}
                disabled={i === items.length - 1}
                aria-label={t('preferences.moveDown', { item: x.label })}
                onClick={() => move(i, 1)}
              >
                <span aria-hidden="true">▼</span>
              </button>
            </span>
          </li>
        ))}
      </ol>
      <p className="visually-hidden" aria-live="polite">
        {announce}
      </p>
    </>
  );
}
