// Small text helpers shared by the tree and the status bar.
import type { Progress } from '../../server/src/protocol';

/** 1.5 → "1.5h", 40 → "40h"; hours stay hours so that sums read the same everywhere. */
export function hours(h: number): string {
  return `${Number.isInteger(h) ? h : h.toFixed(1)}h`;
}

/** "3/12 · 24h" (the estimate only when there is one). */
export function progressText(p: Progress): string {
  return p.estimateHours > 0 ? `${p.done}/${p.total} · ${hours(p.estimateHours)}` : `${p.done}/${p.total}`;
}

/** Markdown table cells must not break the table. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
