// the accessible name of a pin marker: kind, title and theme, so markers differ without seeing colour or shape.
import { useTranslation } from 'react-i18next';
import type { PinFeature, Theme } from '../core/types.ts';

export function usePinMarkerLabel(pin: PinFeature, theme: Theme | undefined): string {
  const { t, i18n } = useTranslation();
  const themeLabel = theme ? (theme.labels?.[i18n.language] ?? theme.label) : pin.properties.theme;
  return t('map.markerLabel', {
    kind: t(`kind.${pin.properties.kind}`),
    title: pin.properties.title,
    theme: themeLabel,
  });
}
