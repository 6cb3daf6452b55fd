// a theme's icon as inline svg, decorative: the theme label beside it carries the meaning.
import { themeIconPath } from '../core/themeIconPaths.ts';

export function ThemeIcon({ icon, colour, size = 20 }: { icon: string; colour: string; size?: number }) {
  return (
    <svg className="theme-icon" width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={themeIconPath(icon)} fill={colour} />
    </svg>
  );
}
