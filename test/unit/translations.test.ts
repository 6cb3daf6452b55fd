// every language has every key (with its own plural forms), and no user-visible literal in the ui bypasses t().
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import i18next from 'i18next';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { buildResources } from '../../src/i18n/i18n.ts';
import { LANGUAGES } from '../../src/i18n/languages.ts';

const root = path.resolve(import.meta.dirname, '../..');
const localesDir = path.join(root, 'src/i18n/locales');
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

type Strings = Record<string, unknown>;

function readLocale(lang: string): Map<string, Strings> {
  const dir = path.join(localesDir, lang);
  const files = new Map<string, Strings>();
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    files.set(name, JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as Strings);
  }
  return files;
}

/** "a.b.c" → string, for every leaf; a non-string leaf is reported as an error. */
function flatten(value: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (typeof value === 'string') {
    out.set(prefix, value);
  } else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, out);
  } else {
    throw new Error(`${prefix}: expected text or an object of strings, found ${JSON.stringify(value)}`);
  }
  return out;
}

function allStrings(lang: string): Map<string, string> {
  const merged = new Map<string, string>();
  for (const strings of readLocale(lang).values()) for (const [k, v] of flatten(strings)) merged.set(k, v);
  return merged;
}

const variables = (text: string) => new Set([...text.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]!));

/** Plural base keys of a language (those with _one/_other/… forms), with the forms present. */
function pluralBases(strings: Map<string, string>): Map<string, Set<string>> {
  const bases = new Map<string, Set<string>>();
  for (const key of strings.keys()) {
    const match = PLURAL_SUFFIX.exec(key);
    if (!match) continue;
    const base = key.slice(0, -match[0].length);
    if (!bases.has(base)) bases.set(base, new Set());
    bases.get(base)!.add(match[1]!);
  }
  return bases;
}

const english = allStrings('en');
const englishPlurals = pluralBases(english);
const others = LANGUAGES.map((l) => l.code).filter((c) => c !== 'en');

describe('locale files', () => {
  it('exist for every supported language, and only for those', () => {
    const folders = readdirSync(localesDir).filter((f) => statSync(path.join(localesDir, f)).isDirectory());
    expect(folders.sort()).toEqual(LANGUAGES.map((l) => l.code).sort());
    expect(others.length).toBeGreaterThanOrEqual(3);
    expect(LANGUAGES.some((l) => l.dir === 'rtl')).toBe(true);
  });

  it('give each part of the app its own file, in every language, and never define one key twice with different text', () => {
    const en = readLocale('en');
    for (const lang of ['en', ...others]) {
      const files = readLocale(lang);
      expect([...files.keys()], `${lang}: files`).toEqual([...en.keys()]);
      // files merge into one namespace: the same key in two files must say the same, or one part loses its text
      const seen = new Map<string, { file: string; text: string }>();
      for (const [file, strings] of files) {
        for (const [key, text] of flatten(strings)) {
          const before = seen.get(key);
          if (before) expect(text, `${lang}: "${key}" differs between ${before.file} and ${file}`).toBe(before.text);
          seen.set(key, { file, text });
        }
      }
    }
  });

  it('use the plural forms Intl.PluralRules asks for (Welsh 6, Polish 4, Urdu 2)', () => {
    // the expectations themselves must be able to fail: these are the CLDR categories the test relies on
    expect(new Intl.PluralRules('cy').resolvedOptions().pluralCategories.length).toBe(6);
    expect(new Intl.PluralRules('pl').resolvedOptions().pluralCategories.sort()).toEqual(['few', 'many', 'one', 'other']);
    expect(new Intl.PluralRules('ur').resolvedOptions().pluralCategories.sort()).toEqual(['one', 'other']);
    for (const lang of others) {
      const wanted = [...new Intl.PluralRules(lang).resolvedOptions().pluralCategories].sort();
      const bases = pluralBases(allStrings(lang));
      expect([...bases.keys()].sort(), `${lang}: plural keys`).toEqual([...englishPlurals.keys()].sort());
      for (const [base, forms] of bases) expect([...forms].sort(), `${lang}: ${base}`).toEqual(wanted);
    }
  });

  it.each(others)('%s has exactly the English keys, none empty, with the same {{variables}}', (lang) => {
    const strings = allStrings(lang);
    const singular = (m: Map<string, string>) => [...m.keys()].filter((k) => !PLURAL_SUFFIX.test(k)).sort();
    expect(singular(strings)).toEqual(singular(english));
    for (const [key, text] of strings) {
      expect(text.trim(), `${lang}: ${key} is empty`).not.toBe('');
      const match = PLURAL_SUFFIX.exec(key);
      const base = match ? key.slice(0, -match[0].length) : key;
      const englishText = english.get(key) ?? english.get(`${base}_other`);
      expect(englishText, `${lang}: ${key} has no English original`).toBeDefined();
      const want = variables(englishText!);
      // a plural form may spell its number out ("Dim …"), so {{count}} is optional there
      if (match) want.delete('count');
      const got = variables(text);
      if (match) got.delete('count');
      expect([...got].sort(), `${lang}: ${key}`).toEqual([...want].sort());
    }
  });

  it('resolve plurals and fall back through i18next as the app does', async () => {
    const files: Record<string, Record<string, unknown>> = {};
    for (const lang of LANGUAGES.map((l) => l.code)) {
      for (const [file, strings] of readLocale(lang)) files[`./locales/${lang}/${file}`] = strings;
    }
    const instance = i18next.createInstance();
    await instance.init({ resources: buildResources(files), lng: 'en', fallbackLng: 'en', interpolation: { escapeValue: false } });
    const count = (lng: string, n: number) => instance.t('pin.supportCount', { lng, count: n });
    expect(count('en', 1)).toBe('1 supporter');
    expect(count('en', 2)).toBe('2 supporters');
    expect(count('cy', 2)).toBe('2 gefnogwr');
    expect(count('cy', 3)).toBe('3 chefnogwr');
    expect(count('pl', 2)).toBe('2 poparcia');
    expect(count('pl', 5)).toBe('5 poparć');
    expect(count('pl', 22)).toBe('22 poparcia');
    expect(count('ur', 1)).toBe('1 حامی');
    expect(instance.t('common.language', { lng: 'ur' })).toBe('زبان');
    // two files adding under one top-level key are merged deeply, not replaced
    const merged = buildResources({ './locales/xx/a.json': { part: { a: 'A' } }, './locales/xx/b.json': { part: { b: 'B' } } });
    expect(merged.xx!.translation).toEqual({ part: { a: 'A', b: 'B' } });
  });
});

describe('data/themes.json', () => {
  it('gives every theme a label and a description in every interface language', () => {
    const themes = JSON.parse(readFileSync(path.join(root, 'data/themes.json'), 'utf8')) as { id: string; labels?: Record<string, string>; descriptions?: Record<string, string> }[];
    expect(themes.length).toBeGreaterThan(0);
    const missing = themes.flatMap((theme) =>
      others.flatMap((lang) => [
        ...(theme.labels?.[lang]?.trim() ? [] : [`${theme.id}: labels.${lang}`]),
        ...(theme.descriptions?.[lang]?.trim() ? [] : [`${theme.id}: descriptions.${lang}`]),
      ]),
    );
    expect(missing).toEqual([]);
  });
});

// ---- the scan: user-visible text in ui, map and app components must come from t() ----

const VISIBLE_PROPS = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'title', 'placeholder', 'alt', 'label']);
const hasWords = (text: string) => /\p{L}/u.test(text);

export interface Untranslated {
  file: string;
  line: number;
  text: string;
}

/** Literal text a person would see or hear, found in one source file. */
export function findUntranslated(fileName: string, source: string): Untranslated[] {
  const kind = fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, kind);
  const found: Untranslated[] = [];
  const report = (node: ts.Node, text: string) => {
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    found.push({ file: fileName, line, text: text.trim() });
  };
  const literalText = (node: ts.Node | undefined): string | null => {
    if (!node) return null;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
    if (ts.isJsxExpression(node)) return literalText(node.expression);
    if (ts.isParenthesizedExpression(node)) return literalText(node.expression);
    if (ts.isConditionalExpression(node)) return literalText(node.whenTrue) ?? literalText(node.whenFalse);
    return null;
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasWords(node.text)) report(node, node.text);
    if (ts.isJsxExpression(node) && node.parent && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      const text = literalText(node.expression);
      if (text !== null && hasWords(text)) report(node, text);
    }
    if (ts.isJsxAttribute(node) && VISIBLE_PROPS.has(node.name.getText(sf))) {
      const text = literalText(node.initializer);
      if (text !== null && hasWords(text)) report(node, text);
    }
    // element.setAttribute('aria-label', 'Zoom in') and similar, as leaflet glue does
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'setAttribute') {
      const [name, value] = node.arguments;
      const attr = literalText(name);
      const text = literalText(value);
      if (attr !== null && VISIBLE_PROPS.has(attr) && text !== null && hasWords(text)) report(node, text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** Keys passed to t() as a literal, and prefixes of keys built with a template such as t(`kind.${kind}`). */
export function translationKeysUsed(fileName: string, source: string): { keys: string[]; prefixes: string[] } {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const keys: string[] = [];
  const prefixes: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
      const first = node.arguments[0];
      if (name === 't' && first) {
        if (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)) keys.push(first.text);
        else if (ts.isTemplateExpression(first) && first.head.text.includes('.')) prefixes.push(first.head.text.slice(0, first.head.text.lastIndexOf('.')));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { keys, prefixes };
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => path.join(dir, f));
}

const SCANNED = ['src/ui', 'src/map', 'src/app'];

describe('the untranslated-text scan', () => {
  it('catches literal text, literal names and setAttribute labels, and lets t() and symbols through', () => {
    const sample = `
      export function Bad({ t }) {
        return (
          <div aria-label="Map of pins" title={'Tooltip here'}>
            Hello there
            {'Loose string'}
            <input placeholder="Search" alt={ok ? 'Yes' : 'No'} />
            <span aria-hidden="true">▲ ↕ ✓ 12</span>
            <p aria-label={t('ok.key')}>{t('ok.key')}</p>
          </div>
        );
      }
      el.setAttribute('aria-label', 'Zoom in');
      el.setAttribute('aria-label', label);`;
    const texts = findUntranslated('Bad.tsx', sample).map((f) => f.text);
    expect(texts).toEqual(['Map of pins', 'Tooltip here', 'Hello there', 'Loose string', 'Search', 'Yes', 'Zoom in']);
  });

  it('finds no user-visible literal in src/ui, src/map or src/app', () => {
    const files = SCANNED.flatMap((dir) => sourceFiles(path.join(root, dir)));
    expect(files.length).toBeGreaterThan(20);
    const found = files.flatMap((file) => findUntranslated(path.relative(root, file), readFileSync(file, 'utf8')));
    expect(found.map((f) => `${f.file}:${f.line} "${f.text}"`)).toEqual([]);
  });

  it('every key the ui passes to t() exists in English', () => {
    const files = ['src/ui', 'src/map', 'src/app', 'src/i18n'].flatMap((dir) => sourceFiles(path.join(root, dir)));
    const missing: string[] = [];
    let checked = 0;
    for (const file of files) {
      const { keys, prefixes } = translationKeysUsed(file, readFileSync(file, 'utf8'));
      for (const key of keys) {
        checked++;
        if (!english.has(key) && !englishPlurals.has(key)) missing.push(`${path.relative(root, file)}: ${key}`);
      }
      for (const prefix of prefixes) {
        checked++;
        if (![...english.keys()].some((k) => k.startsWith(`${prefix}.`))) missing.push(`${path.relative(root, file)}: ${prefix}.*`);
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });
});
