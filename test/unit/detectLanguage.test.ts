// the start language: ?lang= wins, then the saved choice, then the browser's list; unsupported values are skipped.
import { describe, expect, it } from 'vitest';
import { detectLanguage, supportedLanguage } from '../../src/i18n/detectLanguage.ts';
import { languageInfo } from '../../src/i18n/languages.ts';

describe('detectLanguage', () => {
  it('lets the url parameter win over the saved choice and the browser', () => {
    expect(detectLanguage({ search: '?lang=ur', stored: 'cy', browser: ['pl-PL'] })).toBe('ur');
    expect(detectLanguage({ search: '?view=list&lang=CY', stored: 'pl', browser: ['en-GB'] })).toBe('cy');
  });

  it('uses the saved choice before the browser language', () => {
    expect(detectLanguage({ search: '', stored: 'pl', browser: ['ur-PK'] })).toBe('pl');
  });

  it('takes the first supported browser language, matching on the primary subtag', () => {
    expect(detectLanguage({ search: '', stored: null, browser: ['de-DE', 'fr', 'pl-PL', 'ur'] })).toBe('pl');
    expect(detectLanguage({ browser: ['ur-PK'] })).toBe('ur');
  });

  it('skips unsupported or malformed values and falls back to English', () => {
    expect(detectLanguage({ search: '?lang=xx', stored: 'klingon', browser: ['de'] })).toBe('en');
    expect(detectLanguage({ search: '?lang=', stored: '', browser: [] })).toBe('en');
    expect(detectLanguage({ search: '?lang=xx', stored: null, browser: ['cy-GB'] })).toBe('cy');
    expect(detectLanguage({})).toBe('en');
  });

  it('never matches a language by a prefix of its code', () => {
    expect(supportedLanguage('u')).toBeNull();
    expect(supportedLanguage('urd')).toBeNull();
    expect(supportedLanguage(' ur_PK ')).toBe('ur');
    expect(supportedLanguage(undefined)).toBeNull();
  });
});

describe('languageInfo', () => {
  it('marks Urdu right-to-left and the others left-to-right, naming each in itself', () => {
    expect(languageInfo('ur')).toEqual({ code: 'ur', name: 'اردو', dir: 'rtl' });
    expect(languageInfo('cy').dir).toBe('ltr');
    expect(languageInfo('pl').name).toBe('Polski');
    expect(languageInfo('nope').code).toBe('en');
  });
});
