// maps the store's validation problems onto form fields, with messages from the locale files.
import type { TFunction } from 'i18next';
import { NOTE_MAX, TITLE_MAX } from '../core/types.ts';
import type { Problem } from '../core/types.ts';
import './residentPanelsEnglish.ts';

export type PinField = 'kind' | 'theme' | 'title' | 'note' | 'sentiment' | 'position';
export type FieldErrors = Partial<Record<PinField, string>>;
const FIELDS: readonly PinField[] = ['kind', 'theme', 'title', 'note', 'sentiment', 'position'];

export interface PinFormValues {
  kind: string;
  theme: string;
  title: string;
  note: string;
  sentiment: string;
}

function messageFor(field: PinField, problem: Problem, values: PinFormValues, t: TFunction): string {
  switch (field) {
    case 'kind':
      return t('errors.kindRequired');
    case 'theme':
      return problem.rule === 'unknown-theme' ? t('errors.themeUnknown') : t('errors.themeRequired');
    case 'title':
      return values.title.trim().length === 0 ? t('errors.titleRequired') : t('errors.titleTooLong', { max: TITLE_MAX });
    case 'note':
      return t('errors.noteTooLong', { max: NOTE_MAX });
    case 'sentiment':
      return t('errors.sentimentInvalid');
    case 'position':
      return problem.rule === 'outside-areas' ? t('errors.outsideAreas') : t('errors.positionRequired');
  }
}

/** One message per field (the first problem wins); problems about no known field go under `position`'s neighbour, the form alert. */
export function pinFormErrors(problems: readonly Problem[], values: PinFormValues, t: TFunction): { fields: FieldErrors; other: string[] } {
  const fields: FieldErrors = {};
  const other: string[] = [];
  for (const problem of problems) {
    const head = problem.path.split(/[.[]/)[0] as PinField;
    if (FIELDS.includes(head)) fields[head] ??= messageFor(head, problem, values, t);
    else other.push(problem.message);
  }
  return { fields, other };
}
