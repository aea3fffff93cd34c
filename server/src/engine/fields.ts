import type { Field, Span } from './model';

// `**Label**: value`, `**Label:** value`, `__Label__: value`, optionally after a
// list bullet. Labels are short and free of emphasis characters.
// The value is taken greedily and trimmed in code: a lazy `(.*?)[ \t]*$` is quadratic on long runs of spaces.
const FIELD_LINE = /^([ \t>]*(?:(?:[*+-]|\d{1,9}[.)])[ \t]+)?)(\*\*|__)([^*_\n:]{1,60}?)(?::\2|\2[ \t]*:)[ \t]*(.*)$/;

/** Comparison key of a label: lower case, singular ("Files" → "file", "Dependencies" → "dependency"). */
function fieldKey(label: string): string {
  const l = label.trim().toLowerCase();
  if (l.endsWith('ies')) return `${l.slice(0, -3)}y`;
  if (/[^su]s$/.test(l)) return l.slice(0, -1);
  return l;
}

/** Reads the fields on each line of `text.slice(span.start, span.end)`. */
export function fieldsIn(text: string, span: Span, skipFirstLine = false): Field[] {
  const fields: Field[] = [];
  const re = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  re.lastIndex = span.start;
  let first = true;
  while (re.lastIndex < span.end) {
    const lineStart = re.lastIndex;
    const m = re.exec(text);
    if (!m || m[0].length === 0) break;
    const line = m[0].replace(/[\r\n]+$/, '');
    const lineEnd = Math.min(lineStart + line.length, span.end);
    if (first && skipFirstLine) {
      first = false;
      continue;
    }
    first = false;
    const f = FIELD_LINE.exec(text.slice(lineStart, lineEnd));
    if (!f) continue;
    const labelStart = lineStart + f[1].length;
    const value = f[4].trimEnd();
    const valueEnd = lineStart + f[0].trimEnd().length;
    const valueStart = valueEnd - value.length;
    fields.push({
      label: f[3].trim(),
      key: fieldKey(f[3]),
      value,
      valueSpan: { start: valueStart, end: valueStart + value.length },
      start: labelStart,
      end: valueEnd,
    });
  }
  return fields;
}
