// where the numbers come from: this map's pins, or a pins file opened for analysis (read in the worker, not stored).
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlannerStore } from '../../store/usePlannerStore.ts';
import { formatPublished } from './formatPublished.ts';

export function PlannerDataSource() {
  const { t } = useTranslation();
  const id = useId();
  const status = usePlannerStore((s) => s.status);
  const source = usePlannerStore((s) => s.source);
  const summary = usePlannerStore((s) => s.summary);
  const loadProblems = usePlannerStore((s) => s.problems);
  // kept apart in the store so they go with the clusters layer; shown here like the others
  const clusterProblems = usePlannerStore((s) => s.clusterProblems);
  const problems = clusterProblems.length ? [...loadProblems, ...clusterProblems] : loadProblems;
  const fileOpened = usePlannerStore((s) => s.fileOpened);
  const ready = status === 'ready' || status === 'failed';
  return (
    <section className="planner-section" aria-labelledby={`${id}-data`}>
      <h2 id={`${id}-data`}>{t('planner.data.heading')}</h2>
      <p role="status" className="planner-source">
        {status === 'loading'
          ? t('planner.data.loading')
          : summary?.published && source?.kind === 'server'
            ? t('hardening11.fromServerProtected', { pins: formatPublished(t, summary.published.pins), outside: formatPublished(t, summary.published.outside) })
            : summary && source
            ? t(source.kind === 'file' ? 'planner.data.fromFile' : source.kind === 'server' ? 'planner.data.fromServer' : 'planner.data.fromApp', { count: summary.pins, name: source.kind === 'file' ? source.name : '', outside: summary.outside })
            : t('planner.data.none')}
      </p>
      <label className="planner-file">
        {t('planner.data.open')}
        <input
          type="file"
          accept=".geojson,.json,application/geo+json,application/json"
          disabled={!ready && status !== 'idle'}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void fileOpened(file, file.name);
            e.target.value = '';
          }}
        />
      </label>
      <p className="planner-hint">{t('planner.data.openHint')}</p>
      {problems.length ? (
        <div className="form-alert" role="alert">
          <p>{t('planner.data.failed')}</p>
          <ul>
            {problems.slice(0, 10).map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
