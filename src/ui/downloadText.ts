// saves text as a file through a temporary object url and <a download>.
export function downloadText(text: string, filename: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // revoke later: some browsers read the url after click() returns
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** coplan-pins-YYYY-MM-DD.<extension>, using the local date. */
export function exportFilename(extension: string, date: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `coplan-pins-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.${extension}`;
}
