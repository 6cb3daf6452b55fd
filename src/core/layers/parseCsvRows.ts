// splits CSV text into rows of fields (RFC 4180 quoting), with the separator guessed from the header: ',' or ';'.

export type CsvRows = { ok: true; separator: ',' | ';'; rows: { line: number; fields: string[] }[] } | { ok: false; line: number; message: string };

/**
 * The separator of a header line: ';' when it has more semicolons than commas outside quotes, else ','.
 * @example
 * guessSeparator('nazwa;dł;szer') // => ';'
 */
export function guessSeparator(header: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of header) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/**
 * Rows of fields, each with the line it starts on (1-based). A leading byte-order mark is dropped; quoted fields may
 * hold separators, doubled quotes and line breaks; blank lines are skipped; an unclosed quote is an error.
 * @example
 * parseCsvRows('\uFEFFname,lon\n"Hall, the",1.5') // => { ok: true, separator: ',', rows: [{ line: 1, fields: ['name', 'lon'] }, { line: 2, fields: ['Hall, the', '1.5'] }] }
 */
export function parseCsvRows(text: string): CsvRows {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstBreak = source.search(/\r?\n/);
  const separator = guessSeparator(firstBreak < 0 ? source : source.slice(0, firstBreak));
  const rows: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let rowLine = 1;
  let quoted = false;
  let quoteLine = 0;
  let blank = true;
  const endRow = () => {
    fields.push(field);
    if (!(blank && fields.length === 1 && field === '')) rows.push({ line: rowLine, fields });
    fields = [];
    field = '';
    blank = true;
  };
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else { if (ch === '\n') line++; field += ch; }
      continue;
    }
    if (ch === '"' && field.trim() === '') { quoted = true; quoteLine = line; field = ''; blank = false; }
    else if (ch === separator) { fields.push(field); field = ''; blank = false; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else { field += ch; if (ch.trim() !== '') blank = false; }
  }
  if (quoted) return { ok: false, line: quoteLine, message: `line ${quoteLine}: a quoted field is never closed` };
  endRow();
  return { ok: true, separator, rows };
}
