// the first rows of a layer file as the planner chose it, every cell as text.
import { useTranslation } from 'react-i18next';
import type { LayerFilePreview } from '../../core/layers/previewLayerFile.ts';

export function LayerPreviewTable({ preview }: { preview: LayerFilePreview }) {
  const { t } = useTranslation();
  const caption = t('layers.upload.preview', { shown: preview.rows.length, count: preview.count });
  return (
    <div className="layer-preview" role="region" aria-label={caption} tabIndex={0}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {preview.columns.map((c) => (
              <th key={c} scope="col">{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((row, i) => (
            <tr key={i}>
              {preview.columns.map((c) => (
                <td key={c}>{row[c] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
