import picomatch from 'picomatch';

// Compiled glob sets (include globs, `.planmarkrc.json` profile `files`), by their
// joined patterns: plan selection and profile detection run on every analysis.
// The memo holds only pure functions of the patterns, so it changes no result.

const matchers = new Map<string, (path: string) => boolean>();

export function globMatcher(globs: readonly string[]): (path: string) => boolean {
  const key = globs.join('\0');
  let m = matchers.get(key);
  if (!m) {
    if (matchers.size > 64) matchers.clear();
    m = picomatch([...globs], { dot: true, nocase: true });
    matchers.set(key, m);
  }
  return m;
}
