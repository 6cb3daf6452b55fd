// the privacy notice of one consultation: what is kept, for how long, who sees it (the planners' text or the default).
import { useTranslation } from 'react-i18next';
import { consultationPath } from '../../core/appRoutes.ts';
import { useConsultation } from '../../store/useConsultation.ts';
import { LanguageSwitcher } from '../LanguageSwitcher.tsx';
import { privacySections } from './privacyNotice.ts';
import './privacyNoticeEnglish.ts';

export function PrivacyNoticePage() {
  const { t } = useTranslation();
  const consultation = useConsultation();
  const sections = privacySections(consultation?.settings.privacyNotice, t);
  const own = Boolean(consultation?.settings.privacyNotice?.trim());
  return (
    <>
      <header className="app-header">
        <div className="brand">
          <p className="app-header__name">{t('app.title')}</p>
        </div>
        <LanguageSwitcher />
      </header>
      <main className="app-main--single privacy-notice" id="main">
        <h1>{t('resident17.privacy.heading')}</h1>
        {consultation?.title ? <p className="privacy-notice__for">{t('resident17.privacy.for', { title: consultation.title })}</p> : null}
        {sections.map((section, index) =>
          section.heading ? (
            <section key={index} aria-labelledby={`privacy-${index}`}>
              <h2 id={`privacy-${index}`}>{section.heading}</h2>
              <p>{section.text}</p>
            </section>
          ) : (
            <p key={index} className="privacy-notice__own">
              {section.text}
            </p>
          ),
        )}
        {own ? null : <p className="hint">{t('resident17.privacy.defaultNote')}</p>}
        <p>
          <a href={consultationPath(consultation?.slug ?? null)}>{t('resident17.privacy.back')}</a>
        </p>
      </main>
    </>
  );
}
