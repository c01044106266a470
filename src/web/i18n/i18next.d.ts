/** Typed translation keys: `t('…')` only accepts keys of the English catalogue. */
import 'i18next';
import type { Messages } from './en.js';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}
