// @vitest-environment jsdom
// a pin's planner answer in the touch-table's pin details: status and words as text (markup and all), translated,
// and nothing for a pin not yet answered.
import '../../src/i18n/i18n.ts';
import { cleanup, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { PinFeature } from '../../src/core/types.ts';
import { TablePinAnswer } from '../../src/ui/table/TablePinAnswer.tsx';

afterEach(async () => {
  cleanup();
  await i18next.changeLanguage('en');
});

const XSS = '<img src=x onerror=alert(1)>';
const pin = (response?: PinFeature['properties']['response']): PinFeature => ({
  type: 'Feature', id: 'p1', geometry: { type: 'Point', coordinates: [-2.25, 53.45] },
  properties: { id: 'p1', kind: 'priority', theme: 'safety', title: 'Crossing', area: 'a', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', ...(response ? { response } : {}) },
});

describe('TablePinAnswer', () => {
  it('shows the status and the answer as text', () => {
    const { container } = render(<TablePinAnswer pin={pin({ status: 'planned', text: `In May ${XSS}`, at: '2026-02-01T00:00:00Z' })} />);
    expect(screen.getByTestId('table-pin-answer').textContent).toBe(`Planners’ answer: Planned In May ${XSS}`);
    expect(container.querySelector('img')).toBeNull();
  });
  it('is translated', async () => {
    await i18next.changeLanguage('cy');
    render(<TablePinAnswer pin={pin({ status: 'done', text: '', at: '2026-02-01T00:00:00Z' })} />);
    expect(screen.getByTestId('table-pin-answer').textContent).toBe(`Ateb y cynllunwyr: ${i18next.t('loop.status.done')}`);
    expect(i18next.t('loop.status.done')).not.toBe('Done');
  });
  it('shows nothing for a pin not yet answered', () => {
    const { container } = render(<TablePinAnswer pin={pin()} />);
    expect(container.innerHTML).toBe('');
  });
});
