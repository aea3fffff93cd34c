import type { DocumentLink } from 'vscode-languageserver';
import { modelled, type PlanDocument, type WorkspaceFiles } from './document';

// Links for the paths in `**File**` / `**Tests**` fields that exist in the
// workspace. Plans name files still to be written: a missing one gets no link
// and no complaint.

const PATH_FIELDS = new Set(['file', 'test']);

export function documentLinks(doc: PlanDocument, files: WorkspaceFiles): DocumentLink[] {
  const m = modelled(doc);
  if (!m) return [];
  const links: DocumentLink[] = [];
  for (const block of m.model.blocks) {
    for (const field of block.fields) {
      if (!PATH_FIELDS.has(field.key)) continue;
      for (const entry of pathsIn(field.value)) {
        const target = files.resolve(doc.uri, entry.path);
        if (!target) continue;
        const start = field.valueSpan.start + entry.offset;
        links.push({
          range: m.analysis.lines.range({ start, end: start + entry.path.length }),
          target,
          tooltip: `Open ${entry.path}`,
        });
      }
    }
  }
  return links;
}

/** `src/a.ts`, `` `src/a.ts`, `src/b.ts` `` and `src/a.ts:12`: each path and where it starts in the value. */
export function pathsIn(value: string): Array<{ path: string; offset: number }> {
  const found: Array<{ path: string; offset: number }> = [];
  const re = /`([^`\n]+)`|([^\s,;`()]+)/g;
  for (let m = re.exec(value); m; m = re.exec(value)) {
    const raw = m[1] ?? m[2];
    const path = raw.trim().replace(/:\d+(?::\d+)?$/, '');
    if (!/[./]/.test(path) || /[[\]<>*?"|]/.test(path) || /^[a-z]+:\/\//i.test(path)) continue;
    found.push({ path, offset: m.index + (m[1] !== undefined ? 1 : 0) + raw.indexOf(raw.trim()) });
  }
  return found;
}
