// the printable sheet of one-time voter codes (PDF, via pdfkit): one slip per code, to cut out and hand over at a desk.
import PDFDocument from 'pdfkit';

const COLUMNS = 3;
const ROWS = 8;

/**
 * A4 pages of slips, each with the consultation's title, the ballot's address and one code. Text is drawn as text
 * with pdfkit's built-in Helvetica, so titles outside Latin-1 may print as gaps: the code itself is always ASCII.
 * @example
 * const pdf = await voterCodeSheet({ title: 'Millbrook', url: 'https://coplan.example/c/plan/budget', codes: ['H4TZ-8MQA-K2WP'] });
 */
export function voterCodeSheet(input: { title: string; url: string; codes: readonly string[] }): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 36, compress: false, info: { Title: `Voter codes: ${input.title}`, Producer: 'Coplan' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = (doc.page.width - 72) / COLUMNS;
  const height = (doc.page.height - 72) / ROWS;
  input.codes.forEach((code, i) => {
    const slot = i % (COLUMNS * ROWS);
    if (i > 0 && slot === 0) doc.addPage();
    const x = 36 + (slot % COLUMNS) * width;
    const y = 36 + Math.floor(slot / COLUMNS) * height;
    doc.rect(x, y, width, height).dash(3, { space: 3 }).strokeColor('#888888').stroke().undash();
    doc.fillColor('#000000').font('Helvetica-Bold').fontSize(9).text(input.title, x + 8, y + 8, { width: width - 16, height: 24, ellipsis: true });
    doc.font('Helvetica').fontSize(7).text(input.url, x + 8, y + 32, { width: width - 16, height: 18, ellipsis: true });
    doc.font('Courier-Bold').fontSize(14).text(code, x + 8, y + 52, { width: width - 16 });
    doc.font('Helvetica').fontSize(7).text('One vote. This code works once.', x + 8, y + height - 18, { width: width - 16 });
  });
  doc.end();
  return done;
}
