import picomatch from 'picomatch';
import type { PlanConfig } from './config';

const matchers = new Map<string, (path: string) => boolean>();

function matcher(globs: readonly string[]): (path: string) => boolean {
  const key = globs.join('\0');
  let m = matchers.get(key);
  if (!m) {
    m = picomatch([...globs], { dot: true, nocase: true });
    matchers.set(key, m);
  }
  return m;
}

// An ATX H1 near the top whose text ends in "Implementation Plan" (decorations allowed).
const PLAN_TITLE = /^\uFEFF?[ ]{0,3}#[ \t]+[^\r\n]*implementation plan[^\p{L}\p{N}\r\n]*$/imu;

/**
 * Is this Markdown document a plan? `path` is relative to the workspace root
 * (forward slashes) or a bare file name when there is no root. The H1 test reads
 * only the first lines, so it costs nothing on large non-plan files.
 */
export function isPlanDocument(
  path: string,
  text: string,
  config: Pick<PlanConfig, 'include' | 'includeByTitle'>,
): boolean {
  if (matcher(config.include)(path.replace(/\\/g, '/'))) return true;
  if (!config.includeByTitle) return false;
  return PLAN_TITLE.test(text.slice(0, 4096));
}
