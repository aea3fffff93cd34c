// Small text helpers shared by the tree and the status bar.
import { formatHours, type Progress } from '../../server/src/protocol';

/** Hours as the server's lenses and hovers write them (server/src/engine/hours.ts). */
export const hours = formatHours;

/** "3/12 · 24h" (the estimate only when there is one). */
export function progressText(p: Progress): string {
  return p.estimateHours > 0 ? `${p.done}/${p.total} · ${hours(p.estimateHours)}` : `${p.done}/${p.total}`;
}

/** Markdown table cells must not break the table. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
