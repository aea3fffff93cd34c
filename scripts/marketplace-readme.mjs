// Writes the extension page's readme for packaging (out/marketplace/README.md) from
// docs/marketplace/README.md, with each screenshot inlined as a data: URI. VS Code shows an
// installed extension's readme under a policy that loads images only from https: and data:
// (never from the extension's own folder), and a .vsix has no web address of its own: inlined,
// the screenshots travel in the package and show wherever it is installed, offline too.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SOURCE = join(ROOT, 'docs', 'marketplace', 'README.md');
export const OUT = join(ROOT, 'out', 'marketplace', 'README.md');

/** The readme with `![alt](path.png)` images (paths relative to the repository root) inlined. */
export function inlineImages(text) {
  return text.replace(/!\[([^\]]*)\]\(([^)\s]+\.png)\)/g, (_, alt, path) => {
    const data = readFileSync(join(ROOT, path)).toString('base64');
    return `![${alt}](data:image/png;base64,${data})`;
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, inlineImages(readFileSync(SOURCE, 'utf8')));
  console.log(`wrote ${OUT}`);
}
