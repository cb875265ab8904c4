import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const load = (lang: string): Record<string, { message: string; placeholders?: Record<string, unknown> }> =>
  JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8'));

describe('locales', () => {
  const en = load('en');
  const es = load('es');

  it('Spanish has every English string, with the same placeholders', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) {
      expect(Object.keys(es[key]?.placeholders ?? {}), key).toEqual(Object.keys(en[key]?.placeholders ?? {}));
    }
  });

  it('uses only keys the browser accepts, and every placeholder it declares', () => {
    for (const [key, value] of Object.entries(en)) {
      expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
      for (const name of Object.keys(value.placeholders ?? {})) {
        expect(value.message.toLowerCase()).toContain(`$${name}$`);
      }
    }
  });
});
