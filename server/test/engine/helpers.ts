import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const REPO = join(__dirname, '..', '..', '..');
export const TEMPLATE_PATH = join(REPO, 'server', 'templates', 'implementation-plan.md');
export const TEMPLATE_TEXT = readFileSync(TEMPLATE_PATH, 'utf8');
export const CORPUS = join(REPO, '..', 'shared', 'corpus', 'real');

/** Joins lines with \n: documents in tests read like the Markdown they are. */
export function lines(...ls: string[]): string {
  return ls.join('\n');
}
