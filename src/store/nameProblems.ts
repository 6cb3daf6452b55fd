// adds the name of the feature a problem is about, so an import report reads "feature 3 (Elm Park)".
import type { Problem } from '../core/types.ts';
import type { ReportedProblem } from './appState.ts';

function featureNames(text: string): (string | undefined)[] {
  try {
    const json: unknown = JSON.parse(text);
    const features = (json as { features?: unknown })?.features;
    if (!Array.isArray(features)) return [];
    return features.map((f: unknown) => {
      const props = (f as { properties?: Record<string, unknown> } | null)?.properties;
      const name = props?.name ?? props?.title ?? (f as { id?: unknown } | null)?.id;
      return typeof name === 'string' || typeof name === 'number' ? String(name).slice(0, 80) : undefined;
    });
  } catch {
    return [];
  }
}

/** Returns copies of the problems with `featureName` filled in where the input names that feature. */
export function nameProblems(text: string, problems: readonly Problem[]): ReportedProblem[] {
  if (!problems.some((p) => p.feature !== undefined)) return problems.map((p) => ({ ...p }));
  const names = featureNames(text);
  return problems.map((p) => {
    const name = p.feature === undefined ? undefined : names[p.feature];
    return name === undefined ? { ...p } : { ...p, featureName: name };
  });
}
