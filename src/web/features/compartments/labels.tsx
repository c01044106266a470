/**
 * Compartment names and badges. Every item carries a badge saying which compartment it is in:
 * colour-coded by kind, always with the name in words, so colour is never the only signal.
 */
import { useTranslation } from 'react-i18next';
import type { Compartment, CompartmentKind } from '../../api/types.js';
import { VisuallyHidden } from '../../ui/components.js';
import { useProcess } from '../processes/ProcessContext.js';

/** Names compartments in the interface language (the API's label is English-only). */
export function useCompartmentName(): (c: Pick<Compartment, 'kind' | 'partyId'>) => string {
  const { t } = useTranslation();
  const { partyCode } = useProcess();
  return (c) => {
    switch (c.kind) {
      case 'public':
      case 'plenary':
      case 'mediators':
        return t(`compartment.${c.kind}`);
      case 'caucus':
      case 'bilateral':
        return t(`compartment.${c.kind}`, { party: partyCode(c.partyId) });
    }
  };
}

/** Who may read a compartment, in words. */
export function useAudience(): (c: Pick<Compartment, 'kind' | 'partyId'>) => string {
  const { t } = useTranslation();
  const { partyCode } = useProcess();
  return (c) => t(`audience.${c.kind}`, { party: partyCode(c.partyId) });
}

/**
 * A compartment badge: kind colour plus the compartment's name. Items name their compartment's
 * kind and party themselves; other material (proposals, versions) is looked up in the process.
 */
export function CompartmentBadge({
  compartmentId,
  kind: givenKind,
  partyId: givenParty,
  large = false,
}: {
  compartmentId: string;
  /** The compartment's kind, when the material says so itself. */
  kind?: CompartmentKind;
  /** Its party (caucus, bilateral), with `kind`. */
  partyId?: string | null;
  large?: boolean;
}) {
  const { t } = useTranslation();
  const { compartment } = useProcess();
  const name = useCompartmentName();
  const audience = useAudience();
  const known = compartment(compartmentId);
  const c = givenKind ? { kind: givenKind, partyId: givenParty ?? null } : known;
  const kind: CompartmentKind | 'unknown' = c?.kind ?? 'unknown';
  return (
    <span
      className={`badge badge-compartment kind-${kind}${large ? ' badge-large' : ''}`}
      title={c ? audience(c) : undefined}
    >
      <VisuallyHidden>{t('compartments.inCompartment')} </VisuallyHidden>
      <span className="kind-icon" aria-hidden="true" />
      {c ? name(c) : '?'}
    </span>
  );
}
