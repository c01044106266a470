/** The type a translation must satisfy: every key of the English catalogue, as text. */
import type { Messages } from './en.js';

/**
 * Same keys as English, any text. Extra keys are allowed because plural forms differ by language
 * (Spanish has a "many" form that English lacks).
 */
export type Catalogue<T = Messages> = {
  [K in keyof T]: T[K] extends string ? string : Catalogue<T[K]>;
} & { [pluralForm: string]: unknown };
