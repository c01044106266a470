/**
 * Who holds a bracket or an alternative, shown the same way everywhere: a colour per party (by its
 * place in the process's list of parties) and always the party's code as text, so colour is never
 * the only signal. The mediators and unattributed wording have styles of their own.
 */
import { useTranslation } from 'react-i18next';
import type { Holder } from '../../api/types.js';
import { useProcess } from '../processes/ProcessContext.js';

/** How many party colours the style sheet defines (`holder-p0` … `holder-p5`). */
export const partyColourCount = 6;

/**
 * The same colours for charts (SVG attributes cannot read CSS variables everywhere); keep them in
 * step with `--party-N-fg` in app.css.
 */
export const partyChartColours = ['#1f5fae', '#b0321f', '#2d7a3a', '#8a3ea8', '#9a5b00', '#0f6f78'];

/** Marker shapes per party in charts, so the series differ by more than colour. */
export const partyChartShapes = [
  'circle',
  'square',
  'triangle',
  'diamond',
  'star',
  'cross',
] as const;

/** The look of one holder: a CSS class and the words on its tag. */
export interface HolderLook {
  className: string;
  /** The short code shown on the tag (party code, "Mediators", "?"). */
  tag: string;
  /** Who it is, in words, for tooltips and screen readers. */
  name: string;
}

/** Party colours and codes for the open process. */
export function useParties(): {
  /** The party's place in the process (for its colour), or -1. */
  indexOf(partyId: string | null | undefined): number;
  /** The party's code, or "?". */
  code(partyId: string | null | undefined): string;
  /** The class of a party's colour. */
  colourClass(partyId: string | null | undefined): string;
  /** The chart colour of a party. */
  chartColour(partyId: string | null | undefined): string;
  /** The chart marker of a party. */
  chartShape(partyId: string | null | undefined): (typeof partyChartShapes)[number];
  /** The look of a holder. */
  holder(h: Holder): HolderLook;
} {
  const { t } = useTranslation();
  const { view, partyCode } = useProcess();
  const indexOf = (id: string | null | undefined) =>
    id ? view.parties.findIndex((p) => p.id === id) : -1;
  const colourClass = (id: string | null | undefined) => {
    const i = indexOf(id);
    return i < 0 ? 'holder-unattributed' : `holder-p${i % partyColourCount}`;
  };
  return {
    indexOf,
    code: (id) => (id ? partyCode(id) : '?'),
    colourClass,
    chartColour: (id) => partyChartColours[Math.max(0, indexOf(id)) % partyChartColours.length]!,
    chartShape: (id) => partyChartShapes[Math.max(0, indexOf(id)) % partyChartShapes.length]!,
    holder: (h) => {
      switch (h.kind) {
        case 'party': {
          const code = partyCode(h.party);
          return {
            className: colourClass(h.party),
            tag: code,
            name: t('text.heldByParty', { party: code }),
          };
        }
        case 'mediators':
          return {
            className: 'holder-mediators',
            tag: t('text.mediatorsTag'),
            name: t('text.heldByMediators'),
          };
        case 'unattributed':
          return { className: 'holder-unattributed', tag: '?', name: t('text.unattributed') };
      }
    },
  };
}

/** A party's code on its colour (used in tables, legends and the record). */
export function PartyChip({ partyId, className }: { partyId: string | null; className?: string }) {
  const { t } = useTranslation();
  const { code, colourClass } = useParties();
  if (partyId === null)
    return (
      <span className={`party-chip holder-mediators${className ? ` ${className}` : ''}`}>
        {t('text.mediatorsTag')}
      </span>
    );
  return (
    <span className={`party-chip ${colourClass(partyId)}${className ? ` ${className}` : ''}`}>
      {code(partyId)}
    </span>
  );
}

/** The key to the colours: one entry per party, the mediators and unattributed wording. */
export function HolderLegend() {
  const { t } = useTranslation();
  const { view } = useProcess();
  const { holder } = useParties();
  const entries = [
    ...view.parties.map((p) => ({
      key: p.id,
      look: holder({ kind: 'party', party: p.id }),
      label: p.name,
    })),
    { key: 'm', look: holder({ kind: 'mediators' }), label: t('text.heldByMediators') },
    { key: 'u', look: holder({ kind: 'unattributed' }), label: t('text.unattributed') },
  ];
  return (
    <div className="holder-legend">
      <span className="holder-legend-title">{t('text.legend')}</span>
      <ul>
        {entries.map((e) => (
          <li key={e.key}>
            <span className={`holder-tag ${e.look.className}`}>{e.look.tag}</span>
            <span>{e.label}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
