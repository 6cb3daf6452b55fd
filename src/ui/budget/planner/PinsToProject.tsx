// residents' priority pins to turn into a project: tick one or more (or take the pin picked in the response explorer)
// and start a project draft that links back to them. The server's index lists them, most supported first, a page at a
// time, so the page never holds the consultation's pins. A cluster chosen on the planner map starts a draft from its
// most supported priorities (its popup asks, see clusterPickStore.ts).
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponsePage, ResponseRow } from '../../../core/responses/responseIndex.ts';
import { DEFAULT_RESPONSE_QUERY } from '../../../core/responses/responseQuery.ts';
import type { AreaCollection, PinFeature } from '../../../core/types.ts';
import type { ResponseSource } from '../../../persistence/responseExplorer/responseSource.ts';
import { useClusterRequest } from '../../../store/clusterPickStore.ts';
import { useResponseExplorer } from '../../../store/useResponseExplorer.ts';
import { PinPager } from '../../planner/PinPager.tsx';
import '../../dialogue/loopEnglish.ts';

interface Props {
  source: ResponseSource;
  areas: AreaCollection;
  themeLabel(id: string): string;
  onStart(pins: PinFeature[]): void;
}

const PAGE = 50;

/** a row of the server's index as the pin a project draft is made from (its words, place, theme and supports) */
function pinOfRow(row: ResponseRow): PinFeature {
  const { id, kind, theme, title, note, area, createdAt, supports } = row;
  return { type: 'Feature', id, geometry: { type: 'Point', coordinates: [...row.position] }, properties: { id, kind, theme, title, ...(note ? { note } : {}), area, createdAt, updatedAt: createdAt, supports } };
}

export function PinsToProject({ source, areas, themeLabel, onStart }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [area, setArea] = useState('');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<ResponsePage | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // the chosen rows themselves, in the order ticked, so a choice survives turning the page
  const [selected, setSelected] = useState<ReadonlyMap<string, ResponseRow>>(new Map());
  const picked = useResponseExplorer((s) => s.selected);
  const pickedRow = picked && picked.kind === 'priority' && !picked.hidden ? picked : null;

  useEffect(function loadPriorities() {
    let live = true;
    const query = { ...DEFAULT_RESPONSE_QUERY, kind: 'priority' as const, area: area || null, sort: 'supports' as const, dir: 'desc' as const, offset, limit: PAGE };
    source.page(query).then(
      (p) => {
        if (!live) return;
        setPage(p);
        setProblem(null);
      },
      (error: unknown) => live && setProblem(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      live = false;
    };
  }, [source, area, offset]);

  const toggle = (row: ResponseRow) => setSelected((s) => {
    const next = new Map(s);
    if (next.has(row.id)) next.delete(row.id);
    else next.set(row.id, row);
    return next;
  });
  const start = (chosen: readonly ResponseRow[]) => {
    onStart(chosen.map(pinOfRow));
    setSelected(new Map());
  };
  // what became of the cluster chosen on the map: a draft (the form takes the focus) or why there is none (this does)
  const [clusterNote, setClusterNote] = useState<{ text: string; focus: boolean } | null>(null);
  const noteLine = useRef<HTMLParagraphElement>(null);
  useEffect(function focusTheClusterNote() {
    // once it is drawn (an empty note is not shown, so it cannot take the focus before)
    if (clusterNote?.focus) noteLine.current?.focus();
  }, [clusterNote]);
  useClusterRequest('project', ({ bbox }) => {
    const query = { ...DEFAULT_RESPONSE_QUERY, kind: 'priority' as const, bbox, sort: 'supports' as const, dir: 'desc' as const, limit: PAGE };
    source.page(query).then(
      (p) => {
        const text = p.rows.length === 0 ? t('clusterPick.noPriorities') : p.total > p.rows.length ? t('clusterPick.firstOnly', { count: p.rows.length, total: p.total }) : '';
        setClusterNote({ text, focus: p.rows.length === 0 });
        if (p.rows.length > 0) start(p.rows);
      },
      (error: unknown) => {
        setClusterNote({ text: t('clusterPick.failed', { message: error instanceof Error ? error.message : String(error) }), focus: true });
      },
    );
  });
  const areaChanged = (next: string) => {
    setArea(next);
    setOffset(0);
  };

  return (
    <section className="budget-planner-pins" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('budgetPlanner.fromPins.heading')}</h3>
      <p className="planner-hint">{t('budgetPlanner.fromPins.intro')}</p>
      <p ref={noteLine} role="status" tabIndex={-1} className="planner-hint budget-planner-cluster-note">{clusterNote?.text}</p>
      {pickedRow ? (
        <p>
          <button type="button" className="button" onClick={() => start([pickedRow])}>
            {t('budgetPlanner.fromPins.fromPicked', { title: pickedRow.title })}
          </button>
        </p>
      ) : null}
      <label htmlFor={`${id}-area`}>{t('budgetPlanner.fromPins.area')}</label>{' '}
      <select id={`${id}-area`} value={area} onChange={(e) => areaChanged(e.target.value)}>
        <option value="">{t('budgetPlanner.fromPins.allAreas')}</option>
        {areas.features.map((f) => <option key={f.properties.id} value={f.properties.id}>{f.properties.name}</option>)}
      </select>
      {problem ? <p role="alert">{t('loop.planner.loadFailed', { message: problem })}</p> : null}
      {page ? <PinPager offset={page.offset} shown={page.rows.length} total={page.total} pageSize={PAGE} onOffset={setOffset} /> : null}
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
            {(page?.rows ?? []).map((row) => (
              <tr key={row.id}>
                <td>
                  <input type="checkbox" aria-label={t('budgetPlanner.fromPins.select', { title: row.title })} checked={selected.has(row.id)} onChange={() => toggle(row)} />
                </td>
                <th scope="row" dir="auto">{row.title}</th>
                <td>{themeLabel(row.theme)}</td>
                <td>{row.supports}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p role="status">{t('budgetPlanner.fromPins.selected', { count: selected.size })}</p>
      <button type="button" className="button button--primary" disabled={selected.size === 0} onClick={() => start([...selected.values()])}>
        {t('budgetPlanner.fromPins.start')}
      </button>
    </section>
  );
}
