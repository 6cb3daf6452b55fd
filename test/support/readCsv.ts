// what a spreadsheet reads from a CSV file: cells after RFC 4180 quoting is undone.

// a small RFC 4180 reader, so the tests check what a spreadsheet would see rather than our own string building
/**
 * Rows of cells from CRLF-terminated RFC 4180 text.
 * @example
 * readCsv('a,"b,c"\r\n') // => [['a', 'b,c']] (a leading U+FEFF byte-order mark is read as spreadsheets do: not as text)
 */
export function readCsv(input: string): string[][] {
  // a leading byte-order mark tells a spreadsheet the encoding; it is not part of the first cell
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endCell();
    else if (c === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += c;
  }
  return rows;
}
