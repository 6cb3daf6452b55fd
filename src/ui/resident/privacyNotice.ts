// the privacy notice's paragraphs: the planners' own text (split at blank lines), or the default one in the reader's language.
import type { TFunction } from 'i18next';
import './privacyNoticeEnglish.ts';

export const DEFAULT_PRIVACY_KEYS = ['kept', 'howLong', 'whoSees', 'location', 'questions'] as const;

export interface PrivacySection {
  heading: string | null;
  text: string;
}

export function privacySections(notice: string | undefined, t: TFunction): PrivacySection[] {
  const own = notice?.trim();
  if (own) return own.split(/\n\s*\n/).map((text) => ({ heading: null, text: text.trim() }));
  return DEFAULT_PRIVACY_KEYS.map((key) => ({ heading: t(`resident17.privacy.default.${key}.heading`), text: t(`resident17.privacy.default.${key}.text`) }));
}
