// who is not being heard, beside the planner map: the "quiet areas" switch, its key, the consultation's rate and each
// quiet area with its rate and the (protected) count behind it, as text for screen readers and reports.
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { consultationBase, createHttpRepository } from '../../persistence/httpRepository.ts';
import { getDeviceToken } from '../../persistence/deviceToken.ts';
import { readQuietAreas } from '../../persistence/quietAreasClient.ts';
import { useQuietAreas } from '../../store/quietAreasStore.ts';
import { describePublished } from '../planner/formatPublished.ts';
import './layerStrings.ts';

/** `changes` moves when pins changed on the server: the rates are read again */
export function QuietAreasPanel({ slug, changes }: { slug: string; changes: number }) {
  const { t } = useTranslation();
  const api = useMemo(() => createHttpRepository({ deviceToken: getDeviceToken(), consultationBase: consultationBase(slug) }), [slug]);
  const status = useQuietAreas((s) => s.status);
  const answer = useQuietAreas((s) => s.answer);
  const failure = useQuietAreas((s) => s.failure);
  const shown = useQuietAreas((s) => s.shown);
  const shownChanged = useQuietAreas((s) => s.shownChanged);
  useEffect(
    function readRates() {
      void useQuietAreas.getState().loaded(() => readQuietAreas(api));
    },
    [api, changes],
  );
  if (status === 'failed') return <p role="alert">{t('layers.quiet.failed', { message: failure ?? '' })}</p>;
  if (!answer?.populationProperty) return null;
  const quiet = answer.areas.filter((a) => a.quiet);
  return (
    <section className="panel-section quiet-areas" aria-labelledby="quiet-areas-heading">
      <h2 id="quiet-areas-heading">{t('layers.quiet.listHeading')}</h2>
      <label className="layer-choice">
        <input type="checkbox" checked={shown} onChange={(event) => shownChanged(event.target.checked)} />
        {t('layers.quiet.toggle')}
      </label>
      {answer.perThousand !== null ? <p>{t('layers.quiet.summary', { rate: answer.perThousand, property: answer.populationProperty })}</p> : null}
      {quiet.length === 0 ? (
        <p>{t('layers.quiet.none')}</p>
      ) : (
        <ul className="quiet-list">
          {quiet.map((a) => (
            <li key={a.id}>
              <strong>{a.name}</strong>
              {': '}
              {[a.perThousand === null ? null : t('layers.quiet.rate', { rate: a.perThousand }), t('layers.quiet.count', { n: describePublished(t, a.total) })].filter(Boolean).join(' · ')}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** the quiet areas' line in the map's legend, while they are drawn */
export function QuietAreasKey() {
  const { t } = useTranslation();
  const drawn = useQuietAreas((s) => s.shown && (s.answer?.areas.some((a) => a.quiet) ?? false));
  if (!drawn) return null;
  return (
    <p className="quiet-legend">
      <span className="quiet-legend-swatch" aria-hidden="true" />
      {t('layers.quiet.legend')}
    </p>
  );
}
