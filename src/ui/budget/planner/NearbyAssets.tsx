// the residents' asset pins near a project, nearest first (found by the server): what is valued there, for the
// project to build on.
import { useTranslation } from 'react-i18next';
import { ASSETS_NEAR_METRES } from '../../../core/budget/projectPlaces.ts';
import { NEAR_LIMIT_DEFAULT } from '../../../core/pins/nearPinsWire.ts';
import type { LngLat } from '../../../core/types.ts';
import type { PinsNear } from '../../../persistence/pinsNearClient.ts';
import { usePinsNear } from './usePinsNear.ts';

/** a typed longitude or latitude settles this long before the server is asked */
const TYPING_MS = 300;

export function NearbyAssets({ position, pinsNear }: { position: LngLat; pinsNear: PinsNear }) {
  const { t } = useTranslation();
  const near = usePinsNear(pinsNear, position, NEAR_LIMIT_DEFAULT, TYPING_MS);
  const pins = near.kind === 'ready' ? near.answer.pins : [];
  return (
    <div className="budget-planner-assets" data-testid="assets-near">
      <h4>{t('budgetPlanner.assets.heading', { metres: ASSETS_NEAR_METRES })}</h4>
      {near.kind === 'loading' ? <p className="planner-hint">{t('plannerQueries.nearLoading')}</p> : null}
      {near.kind === 'failed' ? <p role="alert">{t('plannerQueries.nearFailed', { message: near.message })}</p> : null}
      {near.kind === 'ready' && pins.length === 0 ? <p className="planner-hint">{t('budgetPlanner.assets.none')}</p> : null}
      {pins.length ? (
        <ul>
          {pins.map((pin) => (
            <li key={pin.id}>
              <span dir="auto">{pin.title}</span> <span className="planner-count">{t('budgetPlanner.assets.metres', { metres: pin.metres })}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {near.kind === 'ready' && near.answer.truncated ? <p className="planner-hint">{t('plannerQueries.nearest', { count: pins.length })}</p> : null}
    </div>
  );
}
