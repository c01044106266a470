/** PAM provision type names in the reader's language (the scheme's keys never change). */
import type { TFunction } from 'i18next';
import { provisionType } from '../../../core/implementation/pam.js';

/** The translated name of a provision type; an unknown key shows as itself. */
export function pamTypeName(t: TFunction, key: string): string {
  if (!provisionType(key)) return key;
  return t(`implementation.pam.${key}` as 'implementation.pam.amnesty');
}
