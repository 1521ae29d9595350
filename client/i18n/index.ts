/**
 * The translation layer: every user-facing string goes through `t(key, params)`. English is the
 * source; other languages add a catalogue with the same keys (missing keys fall back to English).
 */
import { type MessageKey, en } from './en';

export type { MessageKey } from './en';
export type Catalogue = Partial<Record<MessageKey, string>>;

const catalogues: Record<string, Catalogue> = { en };
let current = 'en';

export function registerCatalogue(language: string, catalogue: Catalogue): void {
  catalogues[language] = catalogue;
}

export function setLanguage(language: string): void {
  current = language in catalogues ? language : 'en';
}

export function language(): string {
  return current;
}

/** The message for `key` in the current language, with `{name}` placeholders filled in. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = catalogues[current]?.[key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}
