// English strings left out of the first load (src/i18n/i18n.ts) reach the screen only through a module that registers
// them: every module using their keys must import that module, or it shows raw keys (as the table game's count once did).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/** the English file, the module that registers it, and the top-level keys its strings live under */
const LAZY_ENGLISH = [
  { file: 'loop.json', registers: 'src/ui/dialogue/loopEnglish.ts', prefixes: ['loop'] },
  { file: 'staff.json', registers: 'src/ui/admin/staffEnglish.ts', prefixes: ['staff'] },
  { file: 'residentPanels.json', registers: 'src/ui/residentPanelsEnglish.ts', prefixes: ['pin', 'form', 'errors', 'list', 'data', 'problems'] },
  { file: 'staffTools.json', registers: 'src/ui/planner-tools/staffToolsEnglish.ts', prefixes: ['sync.auth', 'sync.moderation', 'sync.data'] },
  { file: 'privacyNotice.json', registers: 'src/ui/resident/privacyNoticeEnglish.ts', prefixes: ['resident17.privacy'] },
] as const;

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const rel = `${dir}/${name}`;
    if (statSync(path.join(root, rel)).isDirectory()) return sources(rel);
    return /\.tsx?$/.test(name) ? [rel] : [];
  });
}

/** whether a module's text passes a key under `prefix` to t(): a string or template literal starting with it */
function usesKeysOf(text: string, prefix: string): boolean {
  return new RegExp(`['"\`]${prefix.replaceAll('.', '\\.')}\\.[A-Za-z$]`).test(text);
}

/** "a.b.c" for every string of a locale file */
function leafKeys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => leafKeys(inner, prefix ? `${prefix}.${key}` : key));
}

/** whether a module imports `target` (a path from the repository root) for its effect or otherwise */
function imports(file: string, text: string, target: string): boolean {
  return [...text.matchAll(/^import\s+(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)].some((m) => m[1]!.startsWith('.') && path.join(path.dirname(file), m[1]!) === target);
}

describe('English strings outside the first load', () => {
  const browser = ['src/app', 'src/ui', 'src/map', 'src/store', 'src/persistence'].flatMap(sources);

  it('tells a module that uses such keys from one that does not', () => {
    expect(usesKeysOf("t('loop.status.planned')", 'loop')).toBe(true);
    expect(usesKeysOf('t(`loop.status.${status}`)', 'loop')).toBe(true);
    expect(usesKeysOf('t(`errors.${rule}`)', 'errors')).toBe(true);
    expect(usesKeysOf("t('sync.auth.signIn')", 'sync.auth')).toBe(true);
    expect(usesKeysOf("t('sync.authority')", 'sync.auth')).toBe(false);
    expect(usesKeysOf("t('list.columns.title') // the event loop", 'loop')).toBe(false);
  });

  for (const { file, registers, prefixes } of LAZY_ENGLISH) {
    it(`${file} is left out of the first load and registered by ${registers}`, () => {
      const glob = readFileSync(path.join(root, 'src/i18n/i18n.ts'), 'utf8');
      expect(glob).toContain(`'!./locales/en/${file}'`);
      expect(readFileSync(path.join(root, registers), 'utf8')).toContain(`locales/en/${file}`);
      // its strings are exactly those under the prefixes, each of which it has
      const keys = leafKeys(JSON.parse(readFileSync(path.join(root, 'src/i18n/locales/en', file), 'utf8')));
      expect(keys.filter((key) => !prefixes.some((prefix) => key.startsWith(`${prefix}.`)))).toEqual([]);
      for (const prefix of prefixes) expect(keys.some((key) => key.startsWith(`${prefix}.`)), prefix).toBe(true);
    });

    it(`every module that shows ${prefixes.map((p) => `"${p}."`).join(', ')} strings imports ${registers}`, () => {
      const users = browser.filter((f) => prefixes.some((prefix) => usesKeysOf(readFileSync(path.join(root, f), 'utf8'), prefix)));
      expect(users.length).toBeGreaterThan(0);
      const missing = users.filter((f) => !imports(f, readFileSync(path.join(root, f), 'utf8'), registers));
      expect(missing).toEqual([]);
    });
  }
});
