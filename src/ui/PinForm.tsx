// the add / edit pin form: kind, theme, title, note, sentiment, and where the pin goes.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTE_MAX, TITLE_MAX } from '../core/types.ts';
import type { PinFeature } from '../core/types.ts';
import { useAreaLocator } from '../store/areaLocatorFor.ts';
import { useAppStore, useAppStoreApi } from '../store/useAppStore.ts';
import { ChoiceGroup } from './ChoiceGroup.tsx';
import { announce } from './LiveAnnouncer.tsx';
import { pinFormErrors } from './pinFormErrors.ts';
import type { FieldErrors, PinFormValues } from './pinFormErrors.ts';
import { TextField } from './TextField.tsx';
import { ThemeIcon } from './ThemeIcon.tsx';
import { useAreaNames, useThemeLabels } from './useThemeLabels.ts';
import './residentPanelsEnglish.ts';

function initialValues(pin: PinFeature | undefined): PinFormValues {
  const p = pin?.properties;
  return { kind: p?.kind ?? '', theme: p?.theme ?? '', title: p?.title ?? '', note: p?.note ?? '', sentiment: p?.sentiment ?? '' };
}

export function PinForm() {
  const { t } = useTranslation();
  const editor = useAppStore((s) => s.editor);
  const editing = useAppStore((s) => {
    const current = s.editor;
    return current?.mode === 'edit' ? s.pins.find((p) => p.id === current.pinId) : undefined;
  });
  const draftPosition = useAppStore((s) => s.draftPosition);
  const placing = useAppStore((s) => s.placing);
  const areas = useAppStore((s) => s.areas);
  const { pinAdded, pinEdited, editorClosed, placingChanged, pinThanked } = useAppStoreApi().getState();
  const { themes } = useThemeLabels();
  const areaNames = useAreaNames();
  const [values, setValues] = useState<PinFormValues>(() => initialValues(editing));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(function focusHeadingOnOpen() {
    // preventScroll: on a phone the form sits below the map, which the resident still needs to see
    heading.current?.focus({ preventScroll: true });
  }, []);

  const locate = useAreaLocator(areas);
  // undefined also while the locator's code is on the way: the pin is not called outside before it can be told
  const areaId = useMemo(() => (draftPosition && locate ? locate(draftPosition) : undefined), [locate, draftPosition]);
  const outside = draftPosition !== null && areaId === null;

  function change<K extends keyof PinFormValues>(key: K, value: PinFormValues[K]) {
    setValues((v) => ({ ...v, [key]: value }));
    if (errors[key]) setErrors((e) => ({ ...e, [key]: undefined }));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = {
      kind: values.kind || undefined,
      theme: values.theme,
      title: values.title,
      note: values.note.trim() ? values.note : undefined,
      sentiment: values.sentiment || undefined,
      position: draftPosition ?? undefined,
    };
    setSaving(true);
    const result = editor?.mode === 'edit' ? await pinEdited(editor.pinId, input) : await pinAdded(input);
    setSaving(false);
    if (result.ok) {
      if (editor?.mode !== 'edit') pinThanked(result.pin.id);
      announce(t(editor?.mode === 'edit' ? 'common.announce.pinEdited' : 'common.announce.pinAdded', { title: result.pin.properties.title }));
      return;
    }
    const mapped = pinFormErrors(result.errors, values, t);
    setErrors(mapped.fields);
    setOtherErrors(mapped.other);
    const first = (['kind', 'theme', 'title', 'note', 'sentiment'] as const).find((f) => mapped.fields[f]);
    if (first) document.querySelector<HTMLElement>(first === 'title' || first === 'note' ? `#pin-${first}` : `input[name="pin-${first}"]`)?.focus();
  }

  const kindChoices = [
    // the same shapes as the markers (circle = keep, diamond = change), so the choice does not rest on reading alone
    { value: 'asset', label: t('kind.asset'), icon: <span className="kind-swatch kind-swatch--asset" aria-hidden="true" /> },
    { value: 'priority', label: t('kind.priority'), icon: <span className="kind-swatch kind-swatch--priority" aria-hidden="true" /> },
  ];
  const chosenTheme = themes.find((v) => v.theme.id === values.theme);
  const themeChoices = themes.map(({ theme, label }) => ({ value: theme.id, label, icon: <ThemeIcon icon={theme.icon} colour={theme.colour} /> }));
  const sentimentChoices = [
    { value: '', label: t('sentiment.none') },
    { value: 'positive', label: t('sentiment.positive') },
    { value: 'neutral', label: t('sentiment.neutral') },
    { value: 'negative', label: t('sentiment.negative') },
  ];

  return (
    <section className="pin-form" aria-labelledby="pin-form-heading">
      <h2 id="pin-form-heading" tabIndex={-1} ref={heading}>
        {editor?.mode === 'edit' ? t('form.editHeading') : t('form.addHeading')}
      </h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="location" id="pin-position">
          <h3>{t('form.location')}</h3>
          {outside ? (
            <p className="form-alert" role="alert">
              {t('errors.outsideAreas')}
            </p>
          ) : (
            <p role="status" className={errors.position ? 'field-error' : 'location__status'}>
              {draftPosition && areaId
                ? t('form.locationIn', { name: areaNames.get(areaId) ?? areaId })
                : (errors.position ?? t('form.locationNone'))}
            </p>
          )}
          {!placing ? (
            <button type="button" className="button" onClick={() => placingChanged(true)}>
              {draftPosition ? t('form.moveOnMap') : t('form.chooseOnMap')}
            </button>
          ) : (
            <p className="location__hint">{t('form.placingHint')}</p>
          )}
        </div>
        <ChoiceGroup name="pin-kind" legend={t('form.kind')} choices={kindChoices} value={values.kind} onChange={(v) => change('kind', v)} error={errors.kind} />
        <ChoiceGroup name="pin-theme" legend={t('form.theme')} choices={themeChoices} value={values.theme} onChange={(v) => change('theme', v)} error={errors.theme} layout="grid" />
        {chosenTheme?.description ? <p className="hint theme-description">{chosenTheme.description}</p> : null}
        <TextField id="pin-title" label={t('form.title')} value={values.title} max={TITLE_MAX} onChange={(v) => change('title', v)} error={errors.title} required />
        <TextField id="pin-note" label={t('form.note')} value={values.note} max={NOTE_MAX} onChange={(v) => change('note', v)} error={errors.note} multiline />
        <ChoiceGroup name="pin-sentiment" legend={t('form.sentiment')} choices={sentimentChoices} value={values.sentiment} onChange={(v) => change('sentiment', v)} error={errors.sentiment} />
        {otherErrors.length > 0 ? (
          <div className="form-alert" role="alert">
            {otherErrors.map((message) => (
              <p key={message}>{message}</p>
            ))}
          </div>
        ) : null}
        <div className="form-buttons">
          <button type="submit" className="button button--primary" disabled={saving}>
            {t('form.save')}
          </button>
          <button type="button" className="button" onClick={editorClosed}>
            {t('form.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
