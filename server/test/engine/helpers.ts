import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const REPO = join(__dirname, '..', '..', '..');
export const TEMPLATE_PATH = join(REPO, 'server', 'templates', 'implementation-plan.md');
export const TEMPLATE_TEXT = readFileSync(TEMPLATE_PATH, 'utf8');
export const SHARED = join(REPO, '..', 'shared');
export const CORPUS = join(SHARED, 'corpus', 'real');

/**
 * Tests of what lies beside the project in ../shared (the real-plan corpus, the shared
 * reference template) run where it is (CI, the team's checkouts) and are skipped, with
 * this reason printed, on a clone of the project alone.
 */
export const WITHOUT_SHARED: string | false = existsSync(CORPUS)
  ? false
  : `${CORPUS} is absent (a clone of the project alone): real-plan tests skipped`;

/** Joins lines with \n: documents in tests read like the Markdown they are. */
export function lines(...ls: string[]): string {
  return ls.join('\n');
}
