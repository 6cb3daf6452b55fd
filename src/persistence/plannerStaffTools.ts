// what the planner view's staff pages ask the server: the audit log, and replacing the boundaries or themes after a preview.
import '../core/zodJitless.ts';
import { z } from 'zod';
import type { AreaCollection, Theme } from '../core/types.ts';
import type { HttpRepository } from './httpRepository.ts';

const auditSchema = z.object({
  entries: z.array(
    z.object({ id: z.union([z.number(), z.string()]), at: z.string(), actor: z.string(), action: z.string(), pinId: z.string().nullable().optional(), reason: z.string().nullable().optional() }),
  ),
});
export type AuditEntry = z.infer<typeof auditSchema>['entries'][number];

export interface PlannerStaffTools {
  /** the consultation's audit log, newest first */
  readAudit(): Promise<AuditEntry[]>;
  /** replaces the boundaries for everyone (the server refuses them when a pin would fall outside) */
  replaceAreas(areas: AreaCollection): Promise<{ reassigned: number }>;
  /** replaces the themes for everyone (the server refuses a list that drops a theme pins use) */
  replaceThemes(themes: Theme[]): Promise<void>;
}

/**
 * The staff tools over the consultation's API (its planners and admins only; others get 401/403 as ApiRequestError).
 * @example
 * const tools = createPlannerStaffTools(api);
 * (await tools.readAudit())[0].action // => 'hide'
 */
export function createPlannerStaffTools(api: Pick<HttpRepository, 'consultationBase' | 'getJson' | 'replaceAreas' | 'replaceThemes'>): PlannerStaffTools {
  return {
    async readAudit() {
      const parsed = auditSchema.safeParse(await api.getJson(`${api.consultationBase}/audit`));
      if (!parsed.success) throw new Error(`The audit log answer is not valid: ${parsed.error.issues[0]?.message ?? 'unknown'}`);
      return parsed.data.entries;
    },
    async replaceAreas(areas) {
      const answer = await api.replaceAreas(areas);
      return { reassigned: answer.reassigned ?? 0 };
    },
    async replaceThemes(themes) {
      await api.replaceThemes(themes);
    },
  };
}
