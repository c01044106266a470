/** Names of communiqués and press lines in the interface language. */
import { useTranslation } from 'react-i18next';
import type { Communique } from '../../api/types.js';

/** "Joint communiqué No. 2", "Press line", "Joint communiqué (not yet numbered)". */
export function useCommuniqueName(): (c: Pick<Communique, 'kind' | 'number'>) => string {
  const { t } = useTranslation();
  return (c) =>
    c.kind === 'communique'
      ? c.number !== null
        ? t('communiques.numbered', { number: c.number })
        : t('communiques.unnumbered')
      : t('communiques.kind.press_line');
}
