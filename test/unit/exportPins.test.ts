import { describe, expect, it } from 'vitest';
import { CSV_BOM, CSV_HEADER, pinsToCsv, pinsToGeoJson, textCell } from '../../src/core/exportPins.ts';
import { readCsv } from '../support/readCsv.ts';
import { areas, pins, themes } from './pinFixtures.ts';

describe('pinsToGeoJson', () => {
  it('writes a pretty RFC 7946 FeatureCollection with clean properties and 7-decimal coordinates', () => {
    const moved = { ...pins[0]!, geometry: { type: 'Point' as const, coordinates: [-2.123456789, 53.987654321] } };
    const text = pinsToGeoJson([moved]);
    const data = JSON.parse(text);
    expect(text).toContain('\n  "features": [');
    expect(data.type).toBe('FeatureCollection');
    expect(data.features[0].geometry.coordinates).toEqual([-2.1234568, 53.9876543]);
    expect(data.features[0].id).toBe('p1');
    expect(Object.keys(data.features[0].properties)).toEqual(['id', 'kind', 'theme', 'title', 'note', 'sentiment', 'area', 'createdAt', 'updatedAt', 'author']);
  });

  it('does not change the pins', () => {
    const before = JSON.stringify(pins);
    pinsToGeoJson(pins);
    expect(JSON.stringify(pins)).toBe(before);
  });
});

describe('pinsToCsv', () => {
  const rows = readCsv(pinsToCsv(pins, { themes, areas }));

  it('writes the header and one CRLF-terminated row per pin', () => {
    expect(rows[0]).toEqual([...CSV_HEADER]);
    expect(rows).toHaveLength(3);
    expect(pinsToCsv([], { themes, areas })).toBe(`${CSV_BOM}${CSV_HEADER.join(',')}\r\n`);
  });

  it('quotes commas, quotes and newlines so the cells survive intact', () => {
    const [, first] = rows;
    expect(first![CSV_HEADER.indexOf('note')]).toBe('Quiet, "lovely"\nand green');
    expect(first![CSV_HEADER.indexOf('area_name')]).toBe('East, "Old" Town');
    expect(first![CSV_HEADER.indexOf('theme_label')]).toBe('Green space');
  });

  it('prefixes text a spreadsheet would run as a formula, but keeps negative longitudes numeric', () => {
    const second = rows[2]!;
    expect(second[CSV_HEADER.indexOf('title')]).toBe(`'=HYPERLINK("http://x")`);
    expect(second[CSV_HEADER.indexOf('longitude')]).toBe('-2.9');
    expect(rows[1]![CSV_HEADER.indexOf('longitude')]).toBe('-1.7600001');
    expect(Number(second[CSV_HEADER.indexOf('latitude')])).toBe(53.1);
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+44 161', "'+44 161"],
    ['-2.24', "'-2.24"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ['plain', 'plain'],
    ['a "b"', '"a ""b"""'],
    [undefined, ''],
  ])('textCell(%j) is %j', (input, expected) => {
    expect(textCell(input)).toBe(expected);
  });
});
