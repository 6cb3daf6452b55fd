// i18next setup: every user-visible string comes from locales/<lang>.json, so a new language is a new file.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';

export const SUPPORTED_LANGUAGES = ['en'] as const;

// WARNING: escaping is off because React renders every string as text; never pass t() output to innerHTML.
void i18next.use(initReactI18next).init({
  resources: { en: { translation: en } },
  lng: 'en',
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18next;
