// planners: the pins hidden by moderation, each with its reason and a way to restore it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PinFeature } from '../../core/types.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import { ReasonForm } from './ReasonForm.tsx';

export function HiddenPins() {
  const { t } = useTranslation();
  const hiddenPinsRequested = useAppStore((s) => s.hiddenPinsRequested);
  const pinModerated = useAppStore((s) => s.pinModerated);
  const [hidden, setHidden] = useState<{ pin: PinFeature; reason: string }[] | null>(null);
  const [restoring, setRestoring] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function load() {
    setError(null);
    try {
      setHidden(await hiddenPinsRequested());
    } catch (e) {
      setError(t('sync.moderation.failed', { reason: e instanceof Error ? e.message : String(e) }));
    }
  }

  return (
    <section className="planner-tools__section" aria-labelledby="hidden-pins-heading">
      <h3 id="hidden-pins-heading">{t('sync.moderation.hiddenHeading')}</h3>
      <button type="button" className="button" onClick={() => void load()}>
        {t('sync.moderation.load')}
      </button>
      {error ? <p role="alert" className="field-error">{error}</p> : null}
      {hidden?.length === 0 ? <p>{t('sync.moderation.noneHidden')}</p> : null}
      {hidden && hidden.length > 0 ? (
        <ul className="hidden-pins">
          {hidden.map(({ pin, reason }) => (
            <li key={pin.id}>
              <strong>{pin.properties.title}</strong>
              <p className="hint">{t('sync.moderation.hiddenBecause', { reason })}</p>
              {restoring === pin.id ? (
                <ReasonForm
                  label={t('sync.moderation.restoreReason')}
                  submitLabel={t('sync.moderation.restore')}
                  onSubmit={async (why) => {
                    const result = await pinModerated(pin.id, 'restore', why);
                    if (result.ok) {
                      setRestoring(null);
                      setHidden((list) => list?.filter((h) => h.pin.id !== pin.id) ?? null);
                    }
                    return result;
                  }}
                  onCancel={() => setRestoring(null)}
                />
              ) : (
                <button type="button" className="button" aria-label={t('sync.moderation.restoreNamed', { title: pin.properties.title })} onClick={() => setRestoring(pin.id)}>
                  {t('sync.moderation.restore')}
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
