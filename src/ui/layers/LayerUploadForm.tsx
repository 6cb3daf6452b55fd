// the planner's upload of a context layer: name and kind, a GeoJSON or CSV file, which column is what (name,
// category, longitude/latitude) and category → theme, a preview of the first rows, and the server's own problems.
import { useId, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LayerKind, LayerMapping } from '../../core/layers/layerTypes.ts';
import { CATEGORY_KEYS, findKey } from '../../core/layers/layerProperties.ts';
import { columnValues, layerFormatOf, previewLayerFile } from '../../core/layers/previewLayerFile.ts';
import type { LayerFilePreview } from '../../core/layers/previewLayerFile.ts';
import type { Problem } from '../../core/types.ts';
import { ApiRequestError } from '../../persistence/apiErrors.ts';
import type { ContextLayerClient } from '../../persistence/contextLayerClient.ts';
import { ProblemList } from '../ProblemList.tsx';
import { useThemeLabels } from '../useThemeLabels.ts';
import { LayerPreviewTable } from './LayerPreviewTable.tsx';

type Field = 'name' | 'category' | 'lon' | 'lat';

function ColumnSelect({ field, columns, value, onChange }: { field: Field; columns: readonly string[]; value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="layer-upload-field">
      <label htmlFor={id}>{t(`layers.upload.${field}Column`)}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('layers.upload.automatic')}</option>
        {columns.map((c) => (
          <option key={c} value={c}>{c}</option>
        ))}
      </select>
    </div>
  );
}

const isProblems = (details: unknown): details is Problem[] => Array.isArray(details) && details.every((d) => typeof d === 'object' && d !== null && 'rule' in d && 'message' in d);

export function LayerUploadForm({ client, onUploaded }: { client: ContextLayerClient; onUploaded: () => void }) {
  const { t } = useTranslation();
  const { themes } = useThemeLabels();
  const ids = { name: useId(), file: useId() };
  const [name, setName] = useState('');
  const [kind, setKind] = useState<LayerKind>('assets');
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [columns, setColumns] = useState<Record<Field, string>>({ name: '', category: '', lon: '', lat: '' });
  const [themeByCategory, setThemeByCategory] = useState<Record<string, string>>({});
  const [state, setState] = useState<{ kind: 'idle' | 'sending' } | { kind: 'done'; message: string } | { kind: 'failed'; message: string; problems: Problem[] }>({ kind: 'idle' });

  const format = file ? layerFormatOf(file.name, file.text) : null;
  const preview = useMemo(() => (file && format ? previewLayerFile(file.text, format) : null), [file, format]);
  const read: LayerFilePreview | null = preview?.ok ? preview.value : null;
  const categoryColumn = read ? (columns.category || findKey(read.columns, undefined, CATEGORY_KEYS)) : undefined;
  const categories = read && categoryColumn ? columnValues(read.all, categoryColumn) : [];

  async function chooseFile(chosen: File | undefined) {
    setState({ kind: 'idle' });
    setColumns({ name: '', category: '', lon: '', lat: '' });
    setThemeByCategory({});
    if (!chosen) return setFile(null);
    setFile({ name: chosen.name, text: await chosen.text() });
    if (!name) setName(chosen.name.replace(/\.[^.]+$/, ''));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file || !format) return setState({ kind: 'failed', message: t('layers.upload.noFile'), problems: [] });
    const mapping: LayerMapping = {};
    for (const field of ['name', 'category', 'lon', 'lat'] as const) {
      if (columns[field] && (format === 'csv' || (field !== 'lon' && field !== 'lat'))) mapping[field] = columns[field];
    }
    const themed = Object.fromEntries(Object.entries(themeByCategory).filter(([c, theme]) => theme && categories.includes(c)));
    if (Object.keys(themed).length) mapping.themeByCategory = themed;
    setState({ kind: 'sending' });
    try {
      const uploaded = await client.upload({ name: name.trim(), kind, format, data: file.text, ...(Object.keys(mapping).length ? { mapping } : {}) });
      setState({ kind: 'done', message: t('layers.upload.done', { name: name.trim(), count: uploaded.features }) });
      onUploaded();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const problems = error instanceof ApiRequestError && isProblems(error.details) ? error.details : [];
      setState({ kind: 'failed', message, problems });
    }
  }

  return (
    <form className="layer-upload" onSubmit={(event) => void submit(event)} noValidate>
      <h3>{t('layers.upload.heading')}</h3>
      <div className="layer-upload-field">
        <label htmlFor={ids.name}>{t('layers.upload.name')}</label>
        <input id={ids.name} type="text" value={name} maxLength={120} onChange={(event) => setName(event.target.value)} />
      </div>
      <fieldset className="layer-upload-kind">
        <legend>{t('layers.upload.kind')}</legend>
        {(['assets', 'reference'] as const).map((k) => (
          <label key={k}>
            <input type="radio" name="layer-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
            {t(k === 'assets' ? 'layers.upload.kindAssets' : 'layers.upload.kindReference')}
          </label>
        ))}
      </fieldset>
      <div className="layer-upload-field">
        <label htmlFor={ids.file}>{t('layers.upload.file')}</label>
        <input id={ids.file} type="file" accept=".csv,.geojson,.json,text/csv,application/geo+json,application/json" onChange={(event) => void chooseFile(event.target.files?.[0])} />
      </div>
      {format ? <p>{t('layers.upload.format', { format: format === 'csv' ? 'CSV' : 'GeoJSON' })}</p> : null}
      {preview && !preview.ok ? <p role="alert">{t('layers.upload.unreadable', { format: format === 'csv' ? 'CSV' : 'GeoJSON', message: preview.message })}</p> : null}
      {read ? (
        <>
          <fieldset className="layer-upload-mapping">
            <legend>{t('layers.upload.mapping')}</legend>
            {(read.format === 'csv' ? (['name', 'category', 'lon', 'lat'] as const) : (['name', 'category'] as const)).map((field) => (
              <ColumnSelect key={field} field={field} columns={read.columns} value={columns[field]} onChange={(v) => setColumns((c) => ({ ...c, [field]: v }))} />
            ))}
          </fieldset>
          {categories.length ? (
            <fieldset className="layer-upload-themes">
              <legend>{t('layers.upload.themes')}</legend>
              {categories.map((category) => (
                <CategoryTheme key={category} category={category} value={themeByCategory[category] ?? ''} themes={themes.map((v) => ({ id: v.theme.id, label: v.label }))} onChange={(theme) => setThemeByCategory((m) => ({ ...m, [category]: theme }))} />
              ))}
            </fieldset>
          ) : null}
          <LayerPreviewTable preview={read} />
        </>
      ) : null}
      <button type="submit" disabled={state.kind === 'sending'}>{state.kind === 'sending' ? t('layers.upload.sending') : t('layers.upload.submit')}</button>
      <div role="status" className="layer-upload-status">
        {state.kind === 'done' ? <p>{state.message}</p> : null}
      </div>
      {state.kind === 'failed' ? (
        <div role="alert" className="form-alert">
          <p>{t('layers.upload.refused', { message: state.message })}</p>
          {state.problems.length ? (
            <>
              <p>{t('layers.upload.problems')}</p>
              <ProblemList problems={state.problems} />
            </>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}

function CategoryTheme({ category, value, themes, onChange }: { category: string; value: string; themes: { id: string; label: string }[]; onChange: (theme: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="layer-upload-field">
      <label htmlFor={id}>{category}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('layers.upload.noTheme')}</option>
        {themes.map((theme) => (
          <option key={theme.id} value={theme.id}>{theme.label}</option>
        ))}
      </select>
    </div>
  );
}
