// the stickers under dragging fingers; placed by useStickerDrag through refs, never through props.
import { ThemeIcon } from '../ThemeIcon.tsx';
import type { ThemeView } from '../useThemeLabels.ts';
import type { Ghost } from './useStickerDrag.ts';

export function DragGhosts({ ghosts, ghostRef, themes }: { ghosts: Ghost[]; ghostRef: (pointerId: number) => (element: HTMLElement | null) => void; themes: Map<string, ThemeView> }) {
  return (
    <div className="drag-ghosts" aria-hidden="true">
      {ghosts.map((ghost) => {
        const view = themes.get(ghost.source.theme);
        const colour = view?.theme.colour ?? '#5a6472';
        return (
          <div key={ghost.pointerId} ref={ghostRef(ghost.pointerId)} className={`drag-ghost drag-ghost--${ghost.source.kind}`} style={{ borderColor: colour }}>
            <span className="sticker-badge" style={{ background: colour }}>
              <ThemeIcon icon={view?.theme.icon ?? ''} colour="#fff" size={36} />
            </span>
            <span className="sticker-label">{view?.label ?? ghost.source.theme}</span>
          </div>
        );
      })}
    </div>
  );
}
