// the framing a resident reads first: the question, who asks it, when it closes, how it works, and the privacy notice.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { consultationPath } from '../../core/appRoutes.ts';
import { useConsultation } from '../../store/useConsultation.ts';
import { formatDate } from '../formatDate.ts';

export function ConsultationIntro({ collapsible }: { collapsible: boolean }) {
  const { t, i18n } = useTranslation();
  const consultation = useConsultation();
  // on a phone the intro gives way to the map once read; on a desktop it stays
  const [open, setOpen] = useState(true);
  const question = consultation?.title || t('app.tagline');
  const askedBy = consultation?.settings.askedBy?.trim() || t('resident17.intro.askedByDefault');
  const closes = consultation?.closesAt;
  const privacyHref = consultationPath(consultation?.slug ?? null, 'privacy');

  if (collapsible && !open) {
    return (
      <button type="button" className="intro-reopen" aria-expanded="false" aria-controls="consultation-intro" onClick={() => setOpen(true)}>
        <span className="intro-reopen__label">{t('resident17.intro.show')}</span>
        <span className="intro-reopen__question">{question}</span>
      </button>
    );
  }
  return (
    <section className="consultation-intro" id="consultation-intro" aria-labelledby="consultation-question">
      <div className="consultation-intro__top">
        <h2 id="consultation-question" className="consultation-intro__question">
          {question}
        </h2>
        {collapsible ? (
          <button type="button" className="button button--small consultation-intro__hide" aria-expanded="true" aria-controls="consultation-intro" onClick={() => setOpen(false)}>
            {t('resident17.intro.hide')}
          </button>
        ) : null}
      </div>
      {consultation?.summary ? <p className="consultation-intro__summary">{consultation.summary}</p> : null}
      <p className="consultation-intro__facts">
        <span>{t('resident17.intro.askedBy', { who: askedBy })}</span>
        <span>
          {consultation?.status === 'open' || !consultation
            ? closes
              ? t('resident17.intro.closes', { date: formatDate(closes, i18n.language) })
              : t('resident17.intro.noClosingDate')
            : t('resident17.intro.notOpen')}
        </span>
      </p>
      <p className="consultation-intro__links">
        <a href={privacyHref}>{t('resident17.intro.privacyLink')}</a>
      </p>
      {consultation ? (
        <p className="consultation-intro__results">
          <a href={`${consultationPath(consultation.slug)}/results`}>{t('results.introLink')}</a>
        </p>
      ) : null}
      <h3 className="consultation-intro__how">{t('resident17.intro.howHeading')}</h3>
      <ol className="consultation-intro__steps">
        <li>{t('resident17.intro.step1')}</li>
        <li>{t('resident17.intro.step2')}</li>
        <li>{t('resident17.intro.step3')}</li>
      </ol>
    </section>
  );
}
