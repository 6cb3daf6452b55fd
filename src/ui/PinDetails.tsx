// a pin's details (the map popup's content): every user-written field is rendered as react text.
import { lazy, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PinFeature } from '../core/types.ts';
import { useAppStore } from '../store/useAppStore.ts';
import { PinAnswer } from './dialogue/PinAnswer.tsx';
import { formatDate } from './formatDate.ts';
import { PinActions } from './PinActions.tsx';
import { SyncBadge } from './planner-tools/SyncBadge.tsx';
import { ThemeIcon } from './ThemeIcon.tsx';
import { useAreaNames, useThemeLabels } from './useThemeLabels.ts';
import './residentPanelsEnglish.ts';

// the comments (threads, forms, editing) come as their own chunk when a pin is first opened: the first load stays small
const PinComments = lazy(() => import('./dialogue/PinComments.tsx').then((m) => ({ default: m.PinComments })));

export function PinDetails({ pinId }: { pinId: string }) {
  const { t, i18n } = useTranslation();
  // read the live pin so support counts and edits show without reopening the popup
  const pin: PinFeature | undefined = useAppStore((s) => s.pins.find((p) => p.id === pinId));
  const { byId } = useThemeLabels();
  const areaNames = useAreaNames();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(function focusHeadingOnOpen() {
    // preventScroll: leaflet has already panned the popup into view; the page itself should not jump
    heading.current?.focus({ preventScroll: true });
  }, []);

  if (!pin) return null;
  const p = pin.properties;
  const theme = byId.get(p.theme);
  return (
    // the popup lives inside the left-to-right map, so its text takes the page's direction back explicitly
    <article className="pin-details" aria-labelledby={`pin-title-${pin.id}`} dir={i18n.dir(i18n.language)}>
      <h2 className="pin-details__title" id={`pin-title-${pin.id}`} tabIndex={-1} ref={heading}>
        {p.title}
      </h2>
      <SyncBadge pin={pin} />
      <dl className="pin-details__facts">
        <dt>{t('pin.kind')}</dt>
        <dd>{t(`kind.${p.kind}`)}</dd>
        <dt>{t('pin.theme')}</dt>
        <dd>
          {theme ? <ThemeIcon icon={theme.theme.icon} colour={theme.theme.colour} size={16} /> : null} {theme?.label ?? p.theme}
        </dd>
        <dt>{t('pin.area')}</dt>
        <dd>{areaNames.get(p.area) ?? p.area}</dd>
        {p.sentiment ? (
          <>
            <dt>{t('pin.sentiment')}</dt>
            <dd>{t(`sentiment.${p.sentiment}`)}</dd>
          </>
        ) : null}
        <dt>{t('pin.created')}</dt>
        <dd>
          <time dateTime={p.createdAt}>{formatDate(p.createdAt, i18n.language)}</time>
        </dd>
        <dt>{t('pin.supports')}</dt>
        <dd>{t('pin.supportCount', { count: p.supports ?? 0 })}</dd>
      </dl>
      {p.note ? <p className="pin-details__note">{p.note}</p> : null}
      <PinAnswer pin={pin} />
      <PinActions pin={pin} />
      <Suspense fallback={null}>
        <PinComments pinId={pin.id} />
      </Suspense>
    </article>
  );
}
