// shown after a while without a touch: an invitation in every language the app has, facing both long sides.
import { useTranslation } from 'react-i18next';
import { useTableStore } from './useTableStore.ts';

/** Languages whose table strings exist, the current one first (others fall back to it and would repeat). */
function invitationLanguages(i18n: ReturnType<typeof useTranslation>['i18n']): string[] {
  const all = Object.keys(i18n.options.resources ?? {});
  const current = i18n.resolvedLanguage ?? i18n.language;
  const withText = all.filter((lng) => i18n.getResource(lng, 'translation', 'table.attract.invite') !== undefined);
  return [current, ...withText.filter((lng) => lng !== current)].slice(0, 6);
}

function Invitation({ languages }: { languages: string[] }) {
  const { t } = useTranslation();
  const [first, ...others] = languages;
  return (
    <div className="attract-half">
      <p className="attract-invite" lang={first}>
        {t('table.attract.invite', { lng: first })}
      </p>
      <p className="attract-how" lang={first}>
        {t('table.attract.how', { lng: first })}
      </p>
      {others.length > 0 ? (
        <ul className="attract-others">
          {others.map((lng) => (
            <li key={lng} lang={lng}>
              {t('table.attract.invite', { lng })}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function AttractScreen() {
  const { t, i18n } = useTranslation();
  const left = useTableStore((s) => s.idleLeft);
  const languages = invitationLanguages(i18n);
  return (
    <div
      className="attract"
      role="dialog"
      aria-modal="true"
      aria-label={t('table.attract.label')}
      // pointerup, not down: the lifting finger must not land on the sticker or map now under it
      onPointerUp={(event) => {
        event.preventDefault();
        left();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') left();
      }}
    >
      <div className="attract-top" aria-hidden="true">
        <Invitation languages={languages} />
      </div>
      <button type="button" className="attract-start" onClick={(event) => event.detail === 0 && left()}>
        {t('table.attract.start')}
      </button>
      <div className="attract-bottom">
        <Invitation languages={languages} />
      </div>
    </div>
  );
}
