/**
 * Interface languages: English, Spanish and Norwegian bokmål. The choice is kept in localStorage;
 * without one, the browser's preferred languages decide. Dates and numbers follow the language.
 *
 * Each catalogue is a chunk of its own, fetched when its language is first used: a fresh load
 * brings only the interface language's texts (`loadInterfaceLanguage` before the first render),
 * and switching fetches the other catalogue before the interface changes.
 */
import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { useMemo } from 'react';

/** The languages of the interface, each named in its own language. */
export const languages = [
  { code: 'en', name: 'English' },
  { code: 'es', name: 'Español' },
  { code: 'nb', name: 'Norsk bokmål' },
] as const;
export type LanguageCode = (typeof languages)[number]['code'];

const storageKey = 'parley.language';

function isLanguage(v: string | null | undefined): v is LanguageCode {
  return languages.some((l) => l.code === v);
}

/** The stored choice, else the first supported browser language, else English. */
function initialLanguage(): LanguageCode {
  try {
    const stored = window.localStorage.getItem(storageKey);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage may be disabled; the browser's languages still apply.
  }
  for (const tag of window.navigator.languages ?? []) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'no' || base === 'nn' || base === 'nb') return 'nb';
    if (isLanguage(base)) return base;
  }
  return 'en';
}

/** Fetches one language's catalogue (its own chunk). */
const catalogues: Record<LanguageCode, () => Promise<object>> = {
  en: () => import('./en.js').then((m) => m.en),
  es: () => import('./es.js').then((m) => m.es),
  nb: () => import('./nb.js').then((m) => m.nb),
};

/** Adds a language's catalogue to i18next unless it is there already. */
async function loadCatalogue(code: LanguageCode): Promise<void> {
  if (i18n.hasResourceBundle(code, 'translation')) return;
  i18n.addResourceBundle(code, 'translation', await catalogues[code](), true, true);
}

// No fallback language: the catalogue test keeps the keys of the three alike, so a fresh load
// never needs a second catalogue.
void i18n.use(initReactI18next).init({
  resources: {},
  lng: initialLanguage(),
  fallbackLng: false,
  supportedLngs: languages.map((l) => l.code),
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
  partialBundledLanguages: true,
});

/**
 * Loads the interface language's catalogue; the app renders once it is in (English if that
 * chunk cannot be fetched, so the page is never blank).
 */
export async function loadInterfaceLanguage(): Promise<void> {
  const code = currentLanguage();
  try {
    await loadCatalogue(code);
  } catch {
    await loadCatalogue('en');
    await i18n.changeLanguage('en');
  }
}

document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
  try {
    window.localStorage.setItem(storageKey, lng);
  } catch {
    // Not persisted; the choice still holds for this page.
  }
});

/** Switches the interface language (and remembers it) once its catalogue is in. */
export function setLanguage(code: LanguageCode): void {
  void loadCatalogue(code).then(() => i18n.changeLanguage(code));
}

/** The current language code. */
export function currentLanguage(): LanguageCode {
  return isLanguage(i18n.language) ? i18n.language : 'en';
}

/** Formatting of dates and numbers in the current language. */
export interface Formats {
  /** Date and time, e.g. "27 Nov 2025, 14:05". */
  dateTime(iso: string): string;
  /** Date only. */
  date(iso: string): string;
  /** A calendar day written YYYY-MM-DD (a round's dates), the same day in every time zone. */
  day(isoDate: string): string;
  /** Time of day only, e.g. "14:05". */
  time(iso: string): string;
  /** A number with the language's grouping. */
  number(n: number): string;
  /** A fraction as a percentage ("40 %", "40%"), as the language writes it. */
  percent(fraction: number): string;
}

/**
 * The locale for dates and numbers: the browser's own tag when it is a variant of the interface
 * language (en-GB writes "27 Nov", en-US "Nov 27"), else the interface language itself.
 */
function formattingLocale(lng: string): string {
  for (const tag of window.navigator.languages ?? []) {
    const base = tag.toLowerCase().split('-')[0] ?? '';
    if (base === lng || (lng === 'nb' && (base === 'no' || base === 'nn'))) return tag;
  }
  return lng;
}

/** Intl formatters for the current language, re-created when it changes. */
export function useFormats(): Formats {
  const { i18n: instance } = useTranslation();
  const lng = formattingLocale(instance.language);
  return useMemo(() => {
    const dateTime = new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeStyle: 'short' });
    const date = new Intl.DateTimeFormat(lng, { dateStyle: 'medium' });
    const day = new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeZone: 'UTC' });
    const time = new Intl.DateTimeFormat(lng, { timeStyle: 'short' });
    const number = new Intl.NumberFormat(lng);
    const percent = new Intl.NumberFormat(lng, { style: 'percent', maximumFractionDigits: 0 });
    const safe = (f: Intl.DateTimeFormat, iso: string) => {
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : f.format(d);
    };
    return {
      dateTime: (iso) => safe(dateTime, iso),
      date: (iso) => safe(date, iso),
      day: (isoDate) => safe(day, `${isoDate}T00:00:00Z`),
      time: (iso) => safe(time, iso),
      number: (n) => number.format(n),
      percent: (f) => percent.format(f),
    };
  }, [lng]);
}

/**
 * Translates a key computed at run time (e.g. from an audit event kind the server may add later),
 * falling back to the given text when the key is unknown.
 */
export function useDynamicT(): (key: string, fallback: string) => string {
  const { t, i18n: instance } = useTranslation();
  const untyped = t as unknown as (key: string) => string;
  return (key, fallback) => (instance.exists(key) ? untyped(key) : fallback);
}

export default i18n;
