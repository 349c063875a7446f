/**
 * A small RFC 4180 CSV reader: fields separated by commas, optionally wrapped in double quotes, a doubled
 * quote inside a quoted field standing for one quote. Line-oriented so that a loader can stream a big file
 * through readline without holding it.
 *
 * Returns the fields of `line`, or null when the line ends inside a quoted field: the record continues on the
 * next line, so the caller joins `line + "\n" + next` and asks again.
 */
export function splitCsvLine(line: string): string[] | null {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line.charCodeAt(i) === 34 /* " */) {
      let value = '';
      let from = i + 1;
      for (;;) {
        const quote = line.indexOf('"', from);
        if (quote === -1) return null; // the quoted field runs past the end of the line
        value += line.slice(from, quote);
        if (line.charCodeAt(quote + 1) === 34) {
          value += '"';
          from = quote + 2;
          continue;
        }
        i = quote + 1;
        break;
      }
      // Text between the closing quote and the next comma is not valid CSV; keep it rather than lose data.
      const comma = line.indexOf(',', i);
      const end = comma === -1 ? line.length : comma;
      fields.push(value + line.slice(i, end));
      if (comma === -1) return fields;
      i = comma + 1;
    } else {
      const comma = line.indexOf(',', i);
      if (comma === -1) {
        fields.push(line.slice(i));
        return fields;
      }
      fields.push(line.slice(i, comma));
      i = comma + 1;
    }
  }
}

/** Feeds lines in, gets whole records out, joining lines of a quoted field that spans several. */
export class CsvRecordReader {
  private pending: string | null = null;

  /** Returns the record completed by `line`, or null while a quoted field is still open. */
  push(line: string): string[] | null {
    const text = this.pending === null ? line : `${this.pending}\n${line}`;
    const fields = splitCsvLine(text);
    this.pending = fields === null ? text : null;
    return fields;
  }

  /** True when input ended inside a quoted field (a truncated file). */
  get incomplete(): boolean {
    return this.pending !== null;
  }
}
