// the projects on the ballot as a planner sees them: cost, theme, where, the pins each answers, the assets near it,
// and buttons to change or remove each.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BudgetProjectRecord } from '../../../core/budget/budgetWire.ts';
import { ASSETS_NEAR_METRES, projectPosition } from '../../../core/budget/projectPlaces.ts';
import type { AreaCollection, LngLat } from '../../../core/types.ts';
import type { PinsNear } from '../../../persistence/pinsNearClient.ts';
import { formatMoney } from '../money.ts';
import { usePinsNear } from './usePinsNear.ts';

/** the assets a row names: the nearest few, the form lists the rest */
const ROW_ASSETS = 5;

function ProjectAssets({ position, pinsNear }: { position: LngLat | null; pinsNear: PinsNear }) {
  const { t } = useTranslation();
  const near = usePinsNear(pinsNear, position, ROW_ASSETS);
  const pins = near.kind === 'ready' ? near.answer.pins : [];
  if (near.kind === 'loading') return <>…</>;
  return pins.length ? <ul className="budget-planner-near">{pins.map((a) => <li key={a.id} dir="auto">{a.title} ({t('budgetPlanner.assets.metres', { metres: a.metres })})</li>)}</ul> : <>—</>;
}

interface Props {
  projects: readonly BudgetProjectRecord[];
  currency: string;
  areas: AreaCollection;
  pinsNear: PinsNear;
  themeLabel(id: string): string;
  onEdit(project: BudgetProjectRecord): void;
  onRemove(project: BudgetProjectRecord): Promise<void>;
  captionId: string;
}

export function BudgetProjectTable({ projects, currency, areas, pinsNear, themeLabel, onEdit, onRemove, captionId }: Props) {
  const { t, i18n } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);
  const areaName = new Map(areas.features.map((f) => [f.properties.id, f.properties.name]));
  const remove = async (project: BudgetProjectRecord) => {
    if (!window.confirm(t('budgetPlanner.projects.confirmRemove', { title: project.title }))) return;
    try {
      setProblem(null);
      await onRemove(project);
    } catch (error) {
      const code = (error as { code?: string }).code;
      setProblem(code === 'project-has-votes' ? t('budgetPlanner.projects.hasVotes', { title: project.title }) : t('budgetPlanner.projects.removeFailed', { title: project.title }));
    }
  };
  if (projects.length === 0) return <p className="planner-hint">{t('budgetPlanner.projects.none')}</p>;
  return (
    <>
      <div role="alert">{problem ? <p className="form-alert">{problem}</p> : null}</div>
      <div className="answer-table-wrap budget-planner-table-wrap">
        <table className="answer-table budget-planner-table" aria-labelledby={captionId}>
          <thead>
            <tr>
              <th scope="col">{t('budgetPlanner.projects.title')}</th>
              <th scope="col">{t('budgetPlanner.projects.cost')}</th>
              <th scope="col">{t('budgetPlanner.projects.theme')}</th>
              <th scope="col">{t('budgetPlanner.projects.where')}</th>
              <th scope="col">{t('budgetPlanner.projects.pins')}</th>
              <th scope="col">{t('budgetPlanner.projects.assets', { metres: ASSETS_NEAR_METRES })}</th>
              <th scope="col"><span className="visually-hidden">{t('budgetPlanner.projects.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {projects.map((p) => {
              const position = projectPosition(p, areas);
              const where = !p.location ? t('budgetPlanner.projects.nowhere') : 'point' in p.location ? t('budgetPlanner.projects.atPoint') : p.location.areas.map((a) => areaName.get(a) ?? a).join(', ');
              return (
                <tr key={p.id} data-project-id={p.id}>
                  <th scope="row" dir="auto">{p.title}</th>
                  <td>{formatMoney(p.cost, currency, i18n.language)}</td>
                  <td>{p.theme ? themeLabel(p.theme) : '—'}</td>
                  <td dir="auto">{where}</td>
                  <td>{p.pinIds.length}</td>
                  <td><ProjectAssets position={position} pinsNear={pinsNear} /></td>
                  <td>
                    <div className="planner-row">
                      <button type="button" className="button button--small" onClick={() => onEdit(p)}>{t('budgetPlanner.projects.edit')}<span className="visually-hidden" dir="auto"> {p.title}</span></button>
                      <button type="button" className="button button--small" onClick={() => void remove(p)}>{t('budgetPlanner.projects.remove')}<span className="visually-hidden" dir="auto"> {p.title}</span></button>
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
