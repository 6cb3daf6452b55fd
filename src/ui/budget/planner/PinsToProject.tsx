// residents' priority pins to turn into a project: tick one or more (or take the pin picked in the response explorer)
// and start a project draft that links back to them.
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AreaCollection, PinFeature } from '../../../core/types.ts';
import { useResponseExplorer } from '../../../store/useResponseExplorer.ts';

interface Props {
  pins: readonly PinFeature[];
  areas: AreaCollection;
  themeLabel(id: string): string;
  onStart(pins: PinFeature[]): void;
}

export function PinsToProject({ pins, areas, themeLabel, onStart }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [area, setArea] = useState('');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const picked = useResponseExplorer((s) => s.selected);
  const priorities = useMemo(() => pins.filter((p) => p.properties.kind === 'priority').sort((a, b) => (b.properties.supports ?? 0) - (a.properties.supports ?? 0) || a.properties.title.localeCompare(b.properties.title)), [pins]);
  const shown = area ? priorities.filter((p) => p.properties.area === area) : priorities;
  const pickedPin = picked && picked.kind === 'priority' ? priorities.find((p) => p.id === picked.id) : undefined;
  const toggle = (pinId: string) => setSelected((s) => {
    const next = new Set(s);
    if (next.has(pinId)) next.delete(pinId);
    else next.add(pinId);
    return next;
  });
  const start = (chosen: PinFeature[]) => {
    onStart(chosen);
    setSelected(new Set());
  };

  return (
    <section className="budget-planner-pins" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('budgetPlanner.fromPins.heading')}</h3>
      <p className="planner-hint">{t('budgetPlanner.fromPins.intro')}</p>
      {pickedPin ? (
        <p>
          <button type="button" className="button" onClick={() => start([pickedPin])}>
            {t('budgetPlanner.fromPins.fromPicked', { title: pickedPin.properties.title })}
          </button>
        </p>
      ) : null}
      <label htmlFor={`${id}-area`}>{t('budgetPlanner.fromPins.area')}</label>{' '}
      <select id={`${id}-area`} value={area} onChange={(e) => setArea(e.target.value)}>
        <option value="">{t('budgetPlanner.fromPins.allAreas')}</option>
        {areas.features.map((f) => <option key={f.properties.id} value={f.properties.id}>{f.properties.name}</option>)}
      </select>
      <div className="answer-table-wrap budget-planner-pin-list">
        <table className="answer-table" aria-labelledby={`${id}-h`}>
          <thead>
            <tr>
              <th scope="col"><span className="visually-hidden">{t('budgetPlanner.fromPins.choose')}</span></th>
              <th scope="col">{t('budgetPlanner.fromPins.title')}</th>
              <th scope="col">{t('budgetPlanner.fromPins.theme')}</th>
              <th scope="col">{t('budgetPlanner.fromPins.supports')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((pin) => (
              <tr key={pin.id}>
                <td>
                  <input type="checkbox" aria-label={t('budgetPlanner.fromPins.select', { title: pin.properties.title })} checked={selected.has(pin.id)} onChange={() => toggle(pin.id)} />
                </td>
                <th scope="row" dir="auto">{pin.properties.title}</th>
                <td>{themeLabel(pin.properties.theme)}</td>
                <td>{pin.properties.supports ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p role="status">{t('budgetPlanner.fromPins.selected', { count: selected.size })}</p>
      <button type="button" className="button button--primary" disabled={selected.size === 0} onClick={() => start(priorities.filter((p) => selected.has(p.id)))}>
        {t('budgetPlanner.fromPins.start')}
      </button>
    </section>
  );
}
