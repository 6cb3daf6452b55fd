// the residents' asset pins near a project, nearest first: what is valued there, for the project to build on.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ASSETS_NEAR_METRES, assetsNear } from '../../../core/budget/projectPlaces.ts';
import type { LngLat, PinFeature } from '../../../core/types.ts';

export function NearbyAssets({ position, pins }: { position: LngLat; pins: readonly PinFeature[] }) {
  const { t } = useTranslation();
  const near = useMemo(() => assetsNear(position, pins), [position, pins]);
  return (
    <div className="budget-planner-assets" data-testid="assets-near">
      <h4>{t('budgetPlanner.assets.heading', { metres: ASSETS_NEAR_METRES })}</h4>
      {near.length ? (
        <ul>
          {near.map(({ pin, metres }) => (
            <li key={pin.id}>
              <span dir="auto">{pin.properties.title}</span> <span className="planner-count">{t('budgetPlanner.assets.metres', { metres })}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="planner-hint">{t('budgetPlanner.assets.none')}</p>
      )}
    </div>
  );
}
