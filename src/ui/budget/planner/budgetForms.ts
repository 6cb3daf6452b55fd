// what the planner's budget forms read and write: date-time fields in local time, and a refusal's problems as lines.
import type { BudgetSettings, BudgetView } from '../../../core/budget/budgetWire.ts';

/** an ISO instant as a `datetime-local` field's value in this browser's time zone ('' for none) */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** a `datetime-local` field's value as an ISO instant (null when empty or not a date) */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const time = new Date(value).getTime();
  return Number.isFinite(time) ? new Date(time).toISOString() : null;
}

/** the settings a budget view was made from */
export function settingsOf(view: BudgetView): BudgetSettings {
  return { amount: view.budget, currency: view.currency, rule: view.rule, opensAt: view.opensAt, closesAt: view.closesAt, minProjects: view.minProjects, maxProjects: view.maxProjects, intro: view.intro };
}

/**
 * The settings with voting opened now: it opens at `now` and any closing date already past is taken away.
 * @example
 * openedNow(settings, Date.parse('2026-12-01T12:00:00Z')).opensAt // => '2026-12-01T12:00:00.000Z'
 */
export function openedNow(settings: BudgetSettings, now: number): BudgetSettings {
  const at = new Date(now).toISOString();
  const closesAt = settings.closesAt && Date.parse(settings.closesAt) > now ? settings.closesAt : null;
  return { ...settings, opensAt: at, closesAt };
}

/**
 * The settings with voting closed now (an opening date still to come moves back, so it stays before the close).
 * @example
 * closedNow(settings, Date.parse('2026-12-01T12:00:00Z')).closesAt // => '2026-12-01T12:00:00.000Z'
 */
export function closedNow(settings: BudgetSettings, now: number): BudgetSettings {
  const opensAt = settings.opensAt && Date.parse(settings.opensAt) < now ? settings.opensAt : new Date(now - 60_000).toISOString();
  return { ...settings, opensAt, closesAt: new Date(now).toISOString() };
}

/** a refusal's details (the server's list of problems) as lines to show under the form */
export function problemLines(error: unknown): string[] {
  const details = (error as { details?: unknown } | null)?.details;
  if (!Array.isArray(details)) return [];
  return details.flatMap((d: unknown) => {
    const p = d as { path?: unknown; message?: unknown };
    return typeof p.message === 'string' ? [typeof p.path === 'string' ? `${p.path}: ${p.message}` : p.message] : [];
  });
}
