// replace the consultation's boundaries: a file is checked and shown first (areas listed and outlined), then replaced only when confirmed.
import { useTranslation } from 'react-i18next';
import { parseAreas } from '../../../core/parseAreas.ts';
import type { PlannerStaffTools } from '../../../persistence/plannerStaffTools.ts';
import { useAppStoreApi } from '../../../store/useAppStore.ts';
import { AreaOutlinePreview } from './AreaOutlinePreview.tsx';
import { ReplaceFromFile } from './ReplaceFromFile.tsx';

export function BoundaryImport({ tools }: { tools: PlannerStaffTools }) {
  const { t } = useTranslation();
  const app = useAppStoreApi();
  return (
    <ReplaceFromFile
      keys="explorer.staff.boundaries"
      accept=".geojson,.json,application/geo+json,application/json"
      parse={parseAreas}
      count={(areas) => areas.features.length}
      preview={(areas, file) => (
        <>
          <AreaOutlinePreview areas={areas} label={t('explorer.staff.boundaries.outline', { file })} />
          <ul className="boundary-preview__names">
            {areas.features.map((a) => (
              <li key={a.properties.id}>{a.properties.name}</li>
            ))}
          </ul>
        </>
      )}
      confirm={async (areas) => {
        const { reassigned } = await tools.replaceAreas(areas);
        // the planner view counts in the new areas at once; residents' maps hear it from the server
        app.getState().catalogLoaded({ areas, themes: app.getState().themes });
        return t('explorer.staff.boundaries.done', { number: areas.features.length, reassigned });
      }}
    />
  );
}
