// "no such consultation" (unknown, or a draft the public cannot see), with the way back to the front page.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { PlainHeader } from './FrontPage.tsx';
import './consultations.css';

export function NotFoundPage({ failure }: { failure?: string }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(function focusHeading() {
    heading.current?.focus();
  }, []);
  return (
    <>
      <PlainHeader title={t('consultation.front.title')} tagline={t('consultation.front.tagline')} links={[]} />
      <main className="page-main" id="main">
        <h2 ref={heading} tabIndex={-1}>
          {t('consultation.notFound.title')}
        </h2>
        <p>{failure ? t('consultation.notFound.failed', { reason: failure }) : t('consultation.notFound.text')}</p>
        <p>
          <a className="button button--primary" href="/">
            {t('consultation.notFound.back')}
          </a>
        </p>
      </main>
    </>
  );
}
