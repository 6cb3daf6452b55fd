// the front page: every consultation on this server with its summary, status, dates and contributions, and a link to it.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { consultationPath } from '../../core/appRoutes.ts';
import type { ConsultationSummary } from '../../persistence/staffApi.ts';
import { formatDate } from '../formatDate.ts';
import { LanguageSwitcher } from '../LanguageSwitcher.tsx';
import { closedAt } from './consultationDates.ts';
import { StatusBadge } from './StatusBadge.tsx';
import './consultations.css';

function ConsultationCard({ consultation: c }: { consultation: ConsultationSummary }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const date = (iso: string) => formatDate(iso, i18n.language);
  const closed = closedAt(c);
  const now = Date.now();
  const dates: string[] = [];
  if (c.opensAt) dates.push(t(Date.parse(c.opensAt) <= now ? 'consultation.openedOn' : 'consultation.opensOn', { date: date(c.opensAt) }));
  if (closed) dates.push(t('consultation.closedShort', { date: date(closed) }));
  else if (c.closesAt) dates.push(t('consultation.closesOn', { date: date(c.closesAt) }));
  return (
    <li className={`consultation-card consultation-card--${c.status}`}>
      <article aria-labelledby={`${id}-title`}>
        <h3 id={`${id}-title`} className="consultation-card__title">
          <a href={consultationPath(c.slug)}>{c.title}</a>
        </h3>
        <p className="consultation-card__meta">
          <StatusBadge status={c.status} />
          {dates.map((text) => (
            <span key={text} className="consultation-card__date">
              {text}
            </span>
          ))}
          <span className="consultation-card__count">{t('consultation.contributions', { count: c.counts.pins })}</span>
        </p>
        {c.summary ? <p className="consultation-card__summary">{c.summary}</p> : null}
      </article>
    </li>
  );
}

/** the header every page outside a consultation shares: name, tagline, links, language */
export function PlainHeader({ title, tagline, links }: { title: string; tagline: string; links: { href: string; label: string }[] }) {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <div className="brand">
        <h1>{title}</h1>
        <p className="tagline">{tagline}</p>
      </div>
      <nav aria-label={t('consultation.front.nav')}>
        {links.map((link) => (
          <a key={link.href} className="planner-nav-link" href={link.href}>
            {link.label}
          </a>
        ))}
      </nav>
      <LanguageSwitcher />
    </header>
  );
}

export function FrontPage({ consultations }: { consultations: ConsultationSummary[] }) {
  const { t } = useTranslation();
  return (
    <>
      <PlainHeader title={t('consultation.front.title')} tagline={t('consultation.front.tagline')} links={[{ href: '/staff', label: t('consultation.front.staffLink') }]} />
      <main className="page-main" id="main">
        <h2>{t('consultation.front.heading')}</h2>
        {consultations.length === 0 ? (
          <p>{t('consultation.front.empty')}</p>
        ) : (
          <>
            <p className="page-intro">{t('consultation.front.intro')}</p>
            <ul className="consultation-list">
              {consultations.map((c) => (
                <ConsultationCard key={c.slug} consultation={c} />
              ))}
            </ul>
          </>
        )}
      </main>
    </>
  );
}
