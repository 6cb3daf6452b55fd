// gives leaflet's focusable container an accessible name and a description of its keys.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useMap } from 'react-leaflet';

export function MapLabel() {
  const { t } = useTranslation();
  const map = useMap();
  useEffect(
    function labelMapContainer() {
      const container = map.getContainer();
      container.setAttribute('role', 'region');
      container.setAttribute('aria-label', t('map.label'));
      container.setAttribute('aria-roledescription', t('map.roleDescription'));
      // a map is not mirrored in right-to-left languages: west stays on the left and leaflet's controls where they are
      container.setAttribute('dir', 'ltr');
      // zoom buttons get names from t() via ZoomControl titles; leaflet copies them to aria-label
    },
    [map, t],
  );
  return null;
}
