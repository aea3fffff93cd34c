// Where a document's front matter ends, by the rules of micromark-extension-frontmatter
// (what remark-frontmatter parses): on the first line exactly `---` (YAML) or `+++`
// (TOML), then spaces or tabs and a line ending; closed by a line holding the same
// three markers and optional spaces or tabs. YAML closes only at `---` (not `...`),
// TOML only at `+++`. Unclosed, it is no front matter at all.
//
// The parser is given the front matter extension only when this finds one: with an
// unclosed `---` on line 1 the extension makes micromark read the document's lists
// as paragraphs, and without front matter it has nothing to recognise anyway.

export type FrontMatterKind = 'yaml' | 'toml';

const OPEN = /^(---|\+\+\+)[ \t]*(?:\r\n|\r|\n)/;

/** The front matter at the start of `text` (BOM removed): its kind and where its closing line ends, line ending included. */
export function scanFrontMatter(text: string): { kind: FrontMatterKind; end: number } | undefined {
  const open = OPEN.exec(text);
  if (!open) return undefined;
  const fence = open[1];
  const line = /([^\r\n]*)(\r\n|\r|\n|$)/g;
  line.lastIndex = open[0].length;
  for (let m = line.exec(text); m; m = line.exec(text)) {
    if (m[1].startsWith(fence) && /^[ \t]*$/.test(m[1].slice(fence.length)))
      return { kind: fence === '---' ? 'yaml' : 'toml', end: m.index + m[0].length };
    if (m[2] === '') return undefined; // the end of the text, unclosed
  }
  return undefined;
}
