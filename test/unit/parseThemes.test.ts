import { describe, expect, it } from 'vitest';
import { parseThemes } from '../../src/core/parseThemes.ts';

const green = { id: 'green-space', label: 'Green space', labels: { cy: 'Man gwyrdd', 'pt-BR': 'Área verde' }, description: 'Parks', colour: '#1B9E77', icon: 'tree' };

describe('parseThemes', () => {
  it('accepts an array and lower-cases colours', () => {
    const r = parseThemes(JSON.stringify([green]));
    expect(r).toEqual({ ok: true, value: [{ ...green, colour: '#1b9e77' }], warnings: [] });
  });

  it('accepts { themes: [...] } and warns about unknown fields', () => {
    const r = parseThemes(JSON.stringify({ themes: [{ ...green, order: 3 }] }));
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual([expect.objectContaining({ path: 'themes[0]', rule: 'unknown-field' })]);
    expect(r.ok && 'order' in r.value[0]!).toBe(false);
  });

  it('reports every bad field with its path and rule', () => {
    const r = parseThemes(JSON.stringify([green, { id: 'Bad Id', label: '', colour: 'red', icon: '', labels: { english: 'x' } }]));
    expect(r.ok ? [] : r.errors.map((e) => [e.path, e.rule])).toEqual([
      ['[1].id', 'invalid-id'],
      ['[1].label', 'invalid-label'],
      ['[1].labels', 'invalid-labels'],
      ['[1].colour', 'invalid-colour'],
      ['[1].icon', 'invalid-icon'],
    ]);
  });

  it('points out the American spelling "color"', () => {
    const { colour: _colour, ...rest } = green;
    const r = parseThemes(JSON.stringify([{ ...rest, color: '#1b9e77' }]));
    expect(r.ok ? '' : r.errors[0]!.message).toMatch(/rename it "colour"/);
  });

  it('refuses duplicate ids, naming both items', () => {
    const r = parseThemes(JSON.stringify([green, { ...green, label: 'Again' }]));
    expect(r.ok ? [] : r.errors).toEqual([{ path: '[1].id', rule: 'duplicate-id', message: 'theme id "green-space" is used twice (items 0 and 1)' }]);
  });

  it.each([
    ['not json', 'invalid-json'],
    ['{"themes": 3}', 'invalid-themes'],
    ['"green"', 'invalid-themes'],
    ['[]', 'no-themes'],
  ])('refuses %s with %s', (text, rule) => {
    const r = parseThemes(text);
    expect(r.ok ? [] : r.errors.map((e) => e.rule)).toEqual([rule]);
  });
});
