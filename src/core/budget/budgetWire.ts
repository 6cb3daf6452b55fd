// the budget's wire shapes, one codec for both ends: settings, projects and ballots as the API sends and takes them.
import { z } from 'zod';
import { storableText } from '../storableText.ts';
import { zodProblems } from '../validatePin.ts';
import type { Validated } from '../types.ts';

export const BUDGET_RULES = ['greedy', 'equal-shares'] as const;
export type BudgetRule = (typeof BUDGET_RULES)[number];

/** what a planner sets for a consultation's budget */
export interface BudgetSettings {
  /** whole currency units */
  amount: number;
  /** ISO 4217 code, e.g. GBP */
  currency: string;
  rule: BudgetRule;
  /** ISO 8601; null: voting is not limited on that side (it still needs the consultation to be open) */
  opensAt: string | null;
  closesAt: string | null;
  minProjects: number | null;
  maxProjects: number | null;
  /** what the ballot says at its top, in the planners' words ('' for nothing) */
  intro: string;
}

/** where a project is: a point ([lng, lat]) or one or more of the consultation's areas */
export type ProjectLocation = { point: [number, number] } | { areas: string[] } | null;

export interface BudgetProjectDraft {
  title: string;
  description: string;
  /** whole currency units */
  cost: number;
  theme: string | null;
  location: ProjectLocation;
  /** the residents' pins this project answers */
  pinIds: string[];
}

export interface BudgetProjectRecord extends BudgetProjectDraft {
  id: string;
}

/** a budget as `GET …/budget` answers it (`budget` is the amount, as the interface names it) */
export interface BudgetView {
  budget: number;
  currency: string;
  rule: BudgetRule;
  opensAt: string | null;
  closesAt: string | null;
  minProjects: number | null;
  maxProjects: number | null;
  intro: string;
  votingOpen: boolean;
  /** whether everyone may see the results now (after voting closed) */
  resultsPublic: boolean;
  projects: BudgetProjectRecord[];
  /** the asking device's (or code's) ballot, when it has one */
  ballot: { projects: string[]; updatedAt: string } | null;
}

export const PROJECT_ID = /^[A-Za-z0-9_.-]{1,64}$/;
const MAX_AMOUNT = 1e12;
/** the most a budget's ballot introduction may say */
export const INTRO_MAX = 2000;

const text = (what: string, max: number, min = 0) =>
  z.string({ error: `${what} must be text` }).trim().min(min, `${what} is required`).max(max, `${what} must be at most ${max} characters`).superRefine(storableText(what));
const whole = (what: string, max: number) => z.number({ error: `${what} must be a number` }).int(`${what} must be a whole number`).min(0, `${what} must be 0 or more`).max(max, `${what} must be at most ${max}`);
const isoOrNull = (what: string) => z.iso.datetime({ offset: true, error: `${what} must be an ISO 8601 date-time or null` }).transform((s) => new Date(s).toISOString()).nullable();

const settingsSchema = z.object({
  amount: whole('amount', MAX_AMOUNT).refine((n) => n > 0, 'amount must be more than 0'),
  currency: z.string({ error: 'currency must be text' }).regex(/^[A-Z]{3}$/, 'currency must be a three-letter code such as GBP'),
  rule: z.enum(BUDGET_RULES, { error: 'rule must be "greedy" or "equal-shares"' }),
  opensAt: isoOrNull('opensAt').default(null),
  closesAt: isoOrNull('closesAt').default(null),
  minProjects: whole('minProjects', 1000).nullable().default(null),
  maxProjects: whole('maxProjects', 1000).nullable().default(null),
  intro: text('intro', INTRO_MAX).default(''),
}, { error: 'the budget must be an object' }).strict();

const locationSchema = z.union([
  z.object({ point: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)], { error: 'point must be [lng, lat]' }) }).strict(),
  z.object({ areas: z.array(text('area id', 200, 1)).min(1, 'areas must name at least one area').max(50) }).strict(),
  z.null(),
], { error: 'location must be { "point": [lng, lat] }, { "areas": [ids] } or null' });

const projectSchema = z.object({
  id: z.string({ error: 'id must be text' }).regex(PROJECT_ID, 'id must be 1-64 letters, digits, "_", "." or "-"').optional(),
  title: text('title', 200, 1),
  description: text('description', 5000).default(''),
  cost: whole('cost', MAX_AMOUNT),
  theme: text('theme', 64).nullable().default(null),
  location: locationSchema.default(null),
  pinIds: z.array(z.string().regex(/^[A-Za-z0-9_.:-]{1,128}$/, 'a pin id is 1-128 letters, digits or "_.:-"')).max(200).default([]),
}, { error: 'a project must be an object' }).strict();

const ballotSchema = z.object({
  projects: z.array(z.string({ error: 'a project id is text' }).regex(PROJECT_ID, 'not a project id'), { error: 'projects must be a list of project ids' }).max(1000),
  code: z.string().regex(/^[A-Za-z0-9-]{4,64}$/, 'code must be a voter code from the printed sheet').optional(),
}, { error: 'the ballot must be { "projects": [ids] }' }).strict();

const validated = <T>(schema: z.ZodType<T>, body: unknown, prefix: string): Validated<T> => {
  const result = schema.safeParse(body);
  return result.success ? { ok: true, value: result.data, warnings: [] } : { ok: false, errors: zodProblems(result.error, prefix), warnings: [] };
};

/**
 * Reads a planner's budget settings; opensAt must come before closesAt and minProjects not exceed maxProjects.
 * @example
 * readBudgetSettings({ amount: 50000, currency: 'GBP', rule: 'equal-shares' }).ok // => true, dates and limits null
 */
export function readBudgetSettings(body: unknown): Validated<BudgetSettings> {
  const result = validated(settingsSchema as z.ZodType<BudgetSettings>, body, 'budget');
  if (!result.ok) return result;
  const s = result.value;
  const errors = [];
  if (s.opensAt && s.closesAt && s.opensAt >= s.closesAt) errors.push({ path: 'budget.closesAt', rule: 'closes-before-opens', message: 'closesAt must be after opensAt' });
  if (s.minProjects !== null && s.maxProjects !== null && s.minProjects > s.maxProjects) errors.push({ path: 'budget.minProjects', rule: 'min-over-max', message: 'minProjects must not be more than maxProjects' });
  return errors.length ? { ok: false, errors, warnings: [] } : result;
}

/**
 * Reads one project as a planner sends it; `id` is optional (the server makes one).
 * @example
 * readBudgetProject({ title: 'Benches', cost: 4000 }).ok // => true: description '', theme null, no location, no pins
 */
export function readBudgetProject(body: unknown): Validated<BudgetProjectDraft & { id?: string }> {
  return validated(projectSchema as z.ZodType<BudgetProjectDraft & { id?: string }>, body, 'project');
}

/**
 * Reads a ballot body `{ projects: [ids], code? }` (its shape only; {@link checkBallot} applies the budget's rules).
 * @example
 * readBallot({ projects: ['p1', 'p2'] }).ok // => true
 */
export function readBallot(body: unknown): Validated<{ projects: string[]; code?: string }> {
  return validated(ballotSchema as z.ZodType<{ projects: string[]; code?: string }>, body, 'ballot');
}
