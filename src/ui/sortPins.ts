// list sorting: by any column, either way, with title as the tie-break so the order is stable.
import { RESPONSE_STATUSES } from '../core/dialogue/responseStatus.ts';
import type { PinFeature } from '../core/types.ts';

export type SortKey = 'title' | 'kind' | 'theme' | 'area' | 'createdAt' | 'supports' | 'response';
export interface Sort {
  key: SortKey;
  direction: 'ascending' | 'descending';
}

/** Returns a new sorted array; `labelOf` turns theme/area ids into the names people see, so they sort as shown. */
export function sortPins(pins: readonly PinFeature[], sort: Sort, labelOf: (key: 'theme' | 'area' | 'kind', id: string) => string, locale: string): PinFeature[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const value = (pin: PinFeature): string | number => {
    const p = pin.properties;
    switch (sort.key) {
      case 'supports':
        return p.supports ?? 0;
      case 'createdAt':
        return Date.parse(p.createdAt) || 0;
      case 'title':
        return p.title;
      case 'response':
        // in the answers' own order (received … not possible), unanswered pins first
        return p.response ? RESPONSE_STATUSES.indexOf(p.response.status) + 1 : 0;
      default:
        return labelOf(sort.key, p[sort.key]);
    }
  };
  return [...pins].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    const primary = typeof va === 'number' && typeof vb === 'number' ? va - vb : collator.compare(String(va), String(vb));
    return primary !== 0 ? sign * primary : collator.compare(a.properties.title, b.properties.title);
  });
}
