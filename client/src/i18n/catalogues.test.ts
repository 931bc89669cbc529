import * as fs from 'node:fs';
import * as path from 'node:path';
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

  it('has every key the source asks for by name', () => {
    const root = path.resolve(__dirname, '..');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) files.push(p);
      }
    };
    walk(root);
    const en = new Map(NAMESPACES.map((ns) => [ns, flatten((resources.en?.[ns] ?? {}) as Tree)]));
    const has = (ns: string, key: string) => {
      const keys = en.get(ns);
      return !!keys && (keys.has(key) || keys.has(`${key}_one`) || keys.has(`${key}_other`));
    };
    const unknown: string[] = [];
    let checked = 0;
    for (const file of files) {
      const source = fs.readFileSync(file, 'utf8');
      const own = [...source.matchAll(/useT\('(\w+)'\)/g)].map((m) => m[1]!);
      for (const m of source.matchAll(/\bt\(\s*'([\w.:]+)'|i18nKey="([\w.:]+)"/g)) {
        const ref = (m[1] ?? m[2])!;
        const [ns, key] = ref.includes(':') ? (ref.split(':') as [string, string]) : [own[0] ?? 'common', ref];
        checked++;
        if (!has(ns, key) && !has('common', key)) unknown.push(`${path.relative(root, file)}: ${ns}:${key}`);
      }
    }
    expect(checked).toBeGreaterThan(300);
    expect(unknown).toEqual([]);
  });
});

