// replace the consultation's themes from a themes.json file: listed with their colour, icon and translations first,
// replaced only when confirmed (the server refuses a file that drops a theme pins still use).
import { useTranslation } from 'react-i18next';
import { parseThemes } from '../../../core/parseThemes.ts';
import type { PlannerStaffTools } from '../../../persistence/plannerStaffTools.ts';
import { useAppStoreApi } from '../../../store/useAppStore.ts';
import { ThemeIcon } from '../../ThemeIcon.tsx';
import { ReplaceFromFile } from './ReplaceFromFile.tsx';

export function ThemeImport({ tools }: { tools: PlannerStaffTools }) {
  const { t, i18n } = useTranslation();
  const app = useAppStoreApi();
  return (
    <ReplaceFromFile
      keys="explorer.staff.themes"
      accept=".json,application/json"
      parse={parseThemes}
      count={(themes) => themes.length}
      preview={(themes) => (
        <ul className="theme-preview">
          {themes.map((theme) => (
            <li key={theme.id}>
              <ThemeIcon icon={theme.icon} colour={theme.colour} />{' '}
              <span>{theme.labels?.[i18n.language] ?? theme.label}</span>{' '}
              <span className="planner-hint">
                {t('explorer.staff.themes.languages', { count: 1 + Object.keys(theme.labels ?? {}).length })}
              </span>
            </li>
          ))}
        </ul>
      )}
      confirm={async (themes) => {
        await tools.replaceThemes(themes);
        app.getState().catalogLoaded({ areas: app.getState().areas, themes });
        return t('explorer.staff.themes.done', { number: themes.length });
      }}
    />
  );
}
