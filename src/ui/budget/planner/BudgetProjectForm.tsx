// one project on the ballot as a planner writes it: title, description, cost, theme, where it is (a point or areas),
// the residents' pins it answers, and the assets near it that it should build on.
import { useId, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BudgetProjectDraft, ProjectLocation } from '../../../core/budget/budgetWire.ts';
import { projectPosition } from '../../../core/budget/projectPlaces.ts';
import type { AreaCollection, Theme } from '../../../core/types.ts';
import type { PinsNear } from '../../../persistence/pinsNearClient.ts';
import { NearbyAssets } from './NearbyAssets.tsx';
import { problemLines } from './budgetForms.ts';

export interface ProjectEdit {
  /** null for a new project */
  id: string | null;
  draft: BudgetProjectDraft;
}

interface Props {
  edit: ProjectEdit;
  themes: readonly Theme[];
  areas: AreaCollection;
  /** the titles of the pins a project answers, by id, as far as they are known (the id stands in until then) */
  pinTitles: ReadonlyMap<string, string>;
  pinsNear: PinsNear;
  onSave(id: string | null, draft: BudgetProjectDraft): Promise<unknown>;
  onCancel(): void;
}

type Where = 'none' | 'point' | 'areas';

export function BudgetProjectForm({ edit, themes, areas, pinTitles, pinsNear, onSave, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const { draft } = edit;
  const [title, setTitle] = useState(draft.title);
  const [description, setDescription] = useState(draft.description);
  const [cost, setCost] = useState(draft.cost ? String(draft.cost) : '');
  const [theme, setTheme] = useState(draft.theme ?? '');
  const [where, setWhere] = useState<Where>(!draft.location ? 'none' : 'point' in draft.location ? 'point' : 'areas');
  const [lng, setLng] = useState(draft.location && 'point' in draft.location ? String(draft.location.point[0]) : '');
  const [lat, setLat] = useState(draft.location && 'point' in draft.location ? String(draft.location.point[1]) : '');
  const [chosenAreas, setChosenAreas] = useState<string[]>(draft.location && 'areas' in draft.location ? draft.location.areas : []);
  const [pinIds, setPinIds] = useState(draft.pinIds);
  const [problem, setProblem] = useState<{ text: string; lines: string[] } | null>(null);
  const [busy, setBusy] = useState(false);

  const location = useMemo((): ProjectLocation => (where === 'point' && lng.trim() !== '' && lat.trim() !== '' ? { point: [Number(lng), Number(lat)] } : where === 'areas' && chosenAreas.length ? { areas: chosenAreas } : null), [where, lng, lat, chosenAreas]);
  const position = useMemo(() => projectPosition({ location }, areas), [location, areas]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      await onSave(edit.id, { title, description, cost: Number(cost), theme: theme || null, location, pinIds });
    } catch (error) {
      setProblem({ text: t('budgetPlanner.project.failed'), lines: problemLines(error) });
      setBusy(false);
    }
  }
  const toggleArea = (area: string) => setChosenAreas((a) => (a.includes(area) ? a.filter((x) => x !== area) : [...a, area]));

  return (
    <form className="budget-planner-project-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} tabIndex={-1}>{edit.id ? t('budgetPlanner.project.editHeading', { title: draft.title }) : t('budgetPlanner.project.newHeading')}</h3>
      <div className="budget-planner-grid">
        <label htmlFor={`${id}-title`}>{t('budgetPlanner.project.title')}</label>
        <input id={`${id}-title`} dir="auto" required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
        <label htmlFor={`${id}-description`}>{t('budgetPlanner.project.description')}</label>
        <textarea id={`${id}-description`} dir="auto" rows={4} maxLength={5000} value={description} onChange={(e) => setDescription(e.target.value)} />
        <label htmlFor={`${id}-cost`}>{t('budgetPlanner.project.cost')}</label>
        <input id={`${id}-cost`} type="number" inputMode="numeric" min={0} step={1} required value={cost} onChange={(e) => setCost(e.target.value)} />
        <label htmlFor={`${id}-theme`}>{t('budgetPlanner.project.theme')}</label>
        <select id={`${id}-theme`} value={theme} onChange={(e) => setTheme(e.target.value)}>
          <option value="">{t('budgetPlanner.project.noTheme')}</option>
          {themes.map((th) => <option key={th.id} value={th.id}>{th.labels?.[i18n.language] ?? th.label}</option>)}
        </select>
      </div>
      <fieldset>
        <legend>{t('budgetPlanner.project.where')}</legend>
        {(['none', 'point', 'areas'] as const).map((w) => (
          <label key={w} className="budget-planner-choice">
            <input type="radio" name={`${id}-where`} value={w} checked={where === w} onChange={() => setWhere(w)} />
            {t(`budgetPlanner.project.whereOptions.${w}`)}
          </label>
        ))}
        {where === 'point' ? (
          <div className="budget-planner-grid">
            <label htmlFor={`${id}-lng`}>{t('budgetPlanner.project.lng')}</label>
            <input id={`${id}-lng`} type="number" step="any" min={-180} max={180} value={lng} onChange={(e) => setLng(e.target.value)} />
            <label htmlFor={`${id}-lat`}>{t('budgetPlanner.project.lat')}</label>
            <input id={`${id}-lat`} type="number" step="any" min={-90} max={90} value={lat} onChange={(e) => setLat(e.target.value)} />
          </div>
        ) : null}
        {where === 'areas' ? (
          <ul className="budget-planner-areas">
            {areas.features.map((f) => (
              <li key={f.properties.id}>
                <label>
                  <input type="checkbox" checked={chosenAreas.includes(f.properties.id)} onChange={() => toggleArea(f.properties.id)} />
                  <span dir="auto">{f.properties.name}</span>
                </label>
              </li>
            ))}
          </ul>
        ) : null}
      </fieldset>
      {pinIds.length ? (
        <div>
          <h4>{t('budgetPlanner.project.answers', { count: pinIds.length })}</h4>
          <ul data-testid="project-source-pins">
            {pinIds.map((pinId) => (
              <li key={pinId}>
                <span dir="auto">{pinTitles.get(pinId) ?? pinId}</span>{' '}
                <button type="button" className="button button--small" onClick={() => setPinIds((ids) => ids.filter((x) => x !== pinId))}>
                  {t('budgetPlanner.project.unlink', { title: pinTitles.get(pinId) ?? pinId })}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {position ? <NearbyAssets position={position} pinsNear={pinsNear} /> : null}
      <div className="planner-row">
        <button type="submit" className="button button--primary" disabled={busy}>{edit.id ? t('budgetPlanner.project.save') : t('budgetPlanner.project.add')}</button>
        <button type="button" className="button" onClick={onCancel}>{t('budgetPlanner.project.cancel')}</button>
      </div>
      <div role="status" className={problem ? 'form-alert' : undefined}>
        {problem ? <p>{problem.text}</p> : null}
        {problem?.lines.length ? <ul>{problem.lines.map((line) => <li key={line} dir="auto">{line}</li>)}</ul> : null}
      </div>
    </form>
  );
}
