import { createReadStream } from 'node:fs';

/**
 * Minimal RFC 4180 reader: quoted fields, doubled quotes, CRLF or LF. Fields are trimmed, which
 * also absorbs the "comma plus space" separators of FEBRL files. Runs in linear time.
 */
export async function* readCsvRows(path: string, delimiter: string): AsyncGenerator<string[]> {
  const decoder = new TextDecoder('utf-8');
  let field = '';
  let row: string[] = [];
  let inQuotes = false;
  let pendingQuote = false;
  const stream = createReadStream(path);
  for await (const chunk of stream) {
    const text = decoder.decode(chunk as Buffer, { stream: true });
    const out: string[][] = [];
    let i = 0;
    while (i < text.length) {
      const ch = text[i]!;
      if (inQuotes) {
        if (pendingQuote) {
          pendingQuote = false;
          if (ch === '"') {
            field += '"';
            i++;
            continue;
          }
          inQuotes = false;
          continue;
        }
        if (ch === '"') pendingQuote = true;
        else field += ch;
        i++;
        continue;
      }
      if (ch === '"' && field.trim() === '') {
        field = '';
        inQuotes = true;
      } else if (text.startsWith(delimiter, i)) {
        row.push(field.trim());
        field = '';
        i += delimiter.length;
        continue;
      } else if (ch === '\n') {
        row.push(field.trim());
        field = '';
        if (row.length > 1 || row[0] !== '') out.push(row);
        row = [];
      } else if (ch !== '\r') field += ch;
      i++;
    }
    for (const r of out) yield r;
  }
  if (pendingQuote) inQuotes = false;
  if (field !== '' || row.length > 0) {
    row.push(field.trim());
    if (row.length > 1 || row[0] !== '') yield row;
  }
}

/** Guesses the separator from the header line. */
export function detectDelimiter(headerLine: string): string {
  let best = ',';
  let bestCount = 0;
  for (const d of [',', ';', '\t', '|']) {
    const n = headerLine.split(d).length - 1;
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}
