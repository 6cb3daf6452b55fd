// one edge's palette: turned to face the people on that side, with a keep/change toggle and a sticker per theme.
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { DragSource, TableSide } from '../../core/pointerTracker.ts';
import type { PinKind } from '../../core/types.ts';
import { ThemeIcon } from '../ThemeIcon.tsx';
import type { ThemeView } from '../useThemeLabels.ts';
import type { StickerDragHandlers } from './useStickerDrag.ts';
import { useTableStore } from './useTableStore.ts';

interface StickerPaletteProps {
  side: TableSide;
  themes: ThemeView[];
  bind(source: DragSource): StickerDragHandlers;
  /** which session and group the table is on, shown on a tab at the palette's map edge */
  status: string;
}

export function StickerPalette({ side, themes, bind, status }: StickerPaletteProps) {
  const { t } = useTranslation();
  // in the table store so that "next group" can put every side back to keep
  const kind = useTableStore((s) => s.paletteKinds[side]);
  const chosen = useTableStore((s) => s.paletteKindChosen);
  const setKind = (k: PinKind) => chosen(side, k);
  // the short ends get a strip two stickers deep: as many columns as half the themes (table.css lays it out)
  const shortEnd = side === 'left' || side === 'right';
  const columns = shortEnd ? ({ '--palette-columns': Math.max(1, Math.ceil(themes.length / 2)) } as CSSProperties) : undefined;
  return (
    <section className={`palette palette--${side}`} style={columns} aria-label={t(`table.palette.${side}`)} data-drop-obstacle={`palette-${side}`}>
      <p className="palette-status" data-drop-obstacle={`status-${side}`}>
        {status}
      </p>
      <div className="palette-kinds" role="group" aria-label={t('table.palette.kindGroup')}>
        {(['asset', 'priority'] as const).map((k) => (
          <button key={k} type="button" className={`kind-toggle kind-toggle--${k}`} aria-pressed={kind === k} onClick={() => setKind(k)}>
            <span className="kind-toggle-mark" aria-hidden="true">{k === 'asset' ? '♥' : '!'}</span>
            {t(`table.kind.${k}`)}
          </button>
        ))}
      </div>
      <ul className="palette-stickers">
        {themes.map(({ theme, label }) => (
          <li key={theme.id}>
            <button
              type="button"
              className={`sticker sticker--${kind}`}
              data-theme={theme.id}
              style={{ borderColor: theme.colour }}
              aria-description={t('table.palette.stickerHint')}
              {...bind({ theme: theme.id, kind, side })}
            >
              <span className="sticker-badge" style={{ background: theme.colour }}>
                <ThemeIcon icon={theme.icon} colour="#fff" size={34} />
              </span>
              <span className="sticker-label">{label}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
