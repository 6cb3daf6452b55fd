// the map key, always on screen: the two pin shapes and what a spread-out group means.
import { useTranslation } from 'react-i18next';

export function MapKey() {
  const { t } = useTranslation();
  return (
    <section className="map-key" aria-labelledby="map-key-heading">
      <h2 id="map-key-heading" className="visually-hidden">
        {t('resident17.key.heading')}
      </h2>
      <ul>
        <li>
          <span className="kind-swatch kind-swatch--asset" aria-hidden="true" />
          {t('kind.asset')}
        </li>
        <li>
          <span className="kind-swatch kind-swatch--priority" aria-hidden="true" />
          {t('kind.priority')}
        </li>
      </ul>
    </section>
  );
}
