// Small text helpers shared by the tree, the status bar and the Plans view.
import { formatHours, progressExtras, type Progress } from '../../server/src/protocol';

/** Hours as the server's lenses and hovers write them (server/src/engine/hours.ts). */
export const hours = formatHours;

/** An estimate total: "—" when nothing is estimated, since "0h" reads as "no work". */
export function estimate(h: number): string {
  return h > 0 ? hours(h) : '—';
}

/** Hours left: "—" when open work has no estimate at all, "0h" only when nothing is left. */
export function remaining(p: Pick<Progress, 'remainingHours' | 'unestimated'>): string {
  return p.remainingHours === 0 && p.unestimated > 0 ? '—' : hours(p.remainingHours);
}

/** "3/12 · 2 in progress · optional 1/4 · 24h" (each extra only when there is one). */
export function progressText(p: Progress): string {
  return [`${p.done}/${p.total}`, ...progressExtras(p), ...(p.estimateHours > 0 ? [hours(p.estimateHours)] : [])].join(
    ' · ',
  );
}

/** Every required task done; a group of optional tasks only is complete when they are all done. */
export function isComplete(p: Progress): boolean {
  return p.done === p.total && (p.total > 0 || p.optionalDone === p.optionalTotal);
}

/** "1 warning", "2 warnings": counts read as sentences, for screen readers too. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Markdown table cells must not break the table. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
