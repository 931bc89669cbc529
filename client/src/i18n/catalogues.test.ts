import { describe, expect, it } from 'vitest';
import { LANGUAGES } from './languages';
import { NAMESPACES, resources } from './resources';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (s: string): string[] => [...s.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}|<(\d+)\/?>/g)].map((m) => m[1] ?? `<${m[2]}>`).sort();

describe('the catalogues', () => {
  it('has every namespace in every language', () => {
    expect(NAMESPACES.length).toBeGreaterThan(10);
    for (const lang of LANGUAGES) expect(Object.keys(resources[lang] ?? {}).sort()).toEqual([...NAMESPACES].sort());
  });

  it('gives every English string in Spanish, French and Portuguese, with the same placeholders', () => {
    const problems: string[] = [];
    for (const ns of NAMESPACES) {
      const en = flatten((resources.en?.[ns] ?? {}) as Tree);
      for (const lang of LANGUAGES.filter((l) => l !== 'en')) {
        const other = flatten((resources[lang]?.[ns] ?? {}) as Tree);
        for (const [key, text] of en) {
          const translated = other.get(key);
          if (translated === undefined || translated.trim() === '') problems.push(`${lang}/${ns}:${key} missing`);
          else if (placeholders(translated).join() !== placeholders(text).join()) problems.push(`${lang}/${ns}:${key} placeholders differ`);
        }
        for (const key of other.keys()) if (!en.has(key)) problems.push(`${lang}/${ns}:${key} not in English`);
      }
    }
    expect(problems).toEqual([]);
  });
});
