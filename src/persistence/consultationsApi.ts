// the consultations as anyone may read them (the front page's list, one consultation with its settings): the first load
// of every page asks for these, so they are apart from the staff API (staffApi.ts), which the staff pages load.
import '../core/zodJitless.ts';
import { z } from 'zod/mini';
import { ApiRequestError, consultationBase } from './httpRepository.ts';
import type { HttpRepository } from './httpRepository.ts';

export const CONSULTATION_STATUSES = ['draft', 'open', 'closed', 'archived'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

export const nonEmpty = () => z.string().check(z.minLength(1));
const wholeCount = () => z.number().check(z.int(), z.nonnegative());
/** a text field an older server may leave out or send as null: null here */
const textOrNull = () => z.pipe(z.nullish(z.string()), z.transform((s) => s ?? null));
const summarySchema = z.object({
  slug: nonEmpty(),
  title: z.string(),
  summary: z.pipe(z.nullish(z.string()), z.transform((s) => s ?? '')),
  status: z.enum(CONSULTATION_STATUSES),
  opensAt: textOrNull(),
  closesAt: textOrNull(),
  statusChangedAt: textOrNull(),
  /** when it closed (by a person or by closesAt), as the server works it out */
  closedAt: textOrNull(),
  counts: z.pipe(z.optional(z.object({ pins: wholeCount() })), z.transform((c) => c ?? { pins: 0 })),
});
const settingsSchema = z.looseObject({
  minCount: z._default(wholeCount(), 5),
  parts: z._default(z.object({ map: z.boolean(), table: z.boolean() }), { map: true, table: true }),
  privacyNotice: z.optional(z.string()),
  boundaryCopyright: z.optional(z.string()),
  askedBy: z.optional(z.string()),
});
export const detailSchema = z.extend(summarySchema, {
  settings: z.pipe(z.optional(settingsSchema), z.transform((s) => s ?? { minCount: 5, parts: { map: true, table: true } })),
  viewerRole: z.pipe(z.nullish(z.enum(['admin', 'planner', 'facilitator'])), z.transform((r) => r ?? null)),
});

/** one consultation as the front page lists it */
export type ConsultationSummary = z.infer<typeof summarySchema>;
export type ConsultationSettings = z.infer<typeof settingsSchema>;
/** one consultation with its settings and what the person asking may do in it */
export type Consultation = z.infer<typeof detailSchema>;

/** Checks an answer against its schema; an answer that does not fit is the server's fault, said as a 502. */
export function parseAnswer<T>(schema: z.ZodMiniType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  throw new ApiRequestError(502, 'invalid-response', `The server's answer to ${what} is not what the API promises (${first ? `${first.path.join('.')}: ${first.message}` : 'unknown shape'}).`);
}

export interface ConsultationsReader {
  listConsultations(): Promise<ConsultationSummary[]>;
  getConsultation(slug: string): Promise<Consultation>;
}

/**
 * Reads the consultations over the app's client (device token, cookie session, error handling).
 * @example
 * const reader = createConsultationsReader(createHttpRepository({ deviceToken }));
 * (await reader.listConsultations()).map((c) => c.slug) // => ['millbrook-2026', 'millbrook-parks-2025']
 */
export function createConsultationsReader(http: Pick<HttpRepository, 'send'>): ConsultationsReader {
  return {
    async listConsultations() {
      const body = parseAnswer(z.object({ consultations: z.array(summarySchema) }), (await http.send('GET', '/api/consultations')).json, 'GET /api/consultations');
      return body.consultations;
    },
    async getConsultation(slug) {
      return parseAnswer(detailSchema, (await http.send('GET', consultationBase(slug))).json, 'GET /api/consultations/:slug');
    },
  };
}
