// what the tests type into the form, in the words residents see (labels), with the ids exports use looked up from data/themes.json.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TestInfo } from '@playwright/test';

export type TestKind = 'asset' | 'priority';

export const KIND_LABELS: Record<TestKind, string> = { asset: 'Something to keep', priority: 'Something to change' };

/** A pin as a resident enters it: theme by its label, area by the neighbourhood name the tap should land in. */
export interface TestPin {
  kind: TestKind;
  /** theme label as shown, e.g. "Green space" */
  theme: string;
  title: string;
  note?: string;
  /** sentiment radio label, e.g. "Positive" */
  sentiment?: string;
  /** neighbourhood name of the bundled demo town, e.g. "Brookside" */
  area: string;
}

interface ThemeRecord {
  id: string;
  label: string;
}

const themesFile = path.resolve(import.meta.dirname, '../../../data/themes.json');
const themes = JSON.parse(readFileSync(themesFile, 'utf8')) as ThemeRecord[];

/** The theme id behind a label, as written to GeoJSON and CSV exports. */
export function themeIdOf(label: string): string {
  const theme = themes.find((t) => t.label === label);
  if (!theme) throw new Error(`no theme labelled "${label}" in ${themesFile}`);
  return theme.id;
}

/**
 * A title no other test (or project, or earlier run against the same server) will have: the label, the project's
 * initial and a random suffix, kept well under the 80-character limit.
 */
export function uniqueTitle(testInfo: TestInfo, label: string): string {
  const suffix = Math.random().toString(36).slice(2, 7);
  return `${label} ${testInfo.project.name.slice(0, 1)}${suffix}`;
}
