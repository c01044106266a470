/** One item in a list: its compartment badge, title, first words, author and time. */
import { useTranslation } from 'react-i18next';
import type { Item } from '../../api/types.js';
import { useFormats } from '../../i18n/index.js';
import { Link } from '../../router.js';
import { useProcess } from '../processes/ProcessContext.js';
import { CompartmentBadge } from './labels.js';
import { excerpt } from './Markdown.js';

/** The path of an item's page. */
export function itemPath(processId: string, item: Pick<Item, 'id' | 'compartmentId'>): string {
  return `/processes/${processId}/compartments/${item.compartmentId}/notes/${item.id}`;
}

/** A list entry for an item. */
export function ItemCard({ item }: { item: Item }) {
  const { t } = useTranslation();
  const { view, memberName } = useProcess();
  const formats = useFormats();
  const text = excerpt(item.body);
  return (
    <li className="item-card">
      <div className="item-card-head">
        <CompartmentBadge
          compartmentId={item.compartmentId}
          kind={item.compartmentKind}
          partyId={item.compartmentPartyId}
        />
        <span className="muted small">
          {t('items.updated', { date: formats.dateTime(item.updatedAt) })}
        </span>
      </div>
      <h3 className="item-title">
        <Link to={itemPath(view.process.id, item)}>{item.title}</Link>
      </h3>
      {text && <p className="item-excerpt">{text}</p>}
      <p className="muted small">{t('items.by', { name: memberName(item.authorUserId) })}</p>
    </li>
  );
}
