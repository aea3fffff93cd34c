import { parseEstimate, type DurationOptions } from './estimate';
import { lineEnd } from './lineIndex';
import type { TaskItem } from './model';

// A task's estimate, wherever a plan writes it: the Estimate field of a `**Task**:` block; an
// Estimate label on the task's line (`- [ ] Search box — Estimate: 2h`, `- [ ] X **Estimate**: 3h`,
// `(Est: 2h)`); a duration in parentheses or brackets that ends the task's line
// (`- [ ] Create migration (2 hours)`, `(~4h)`, `[2d]`); or an `Estimate: 4 hours` line of the
// task's own (not one of its subtasks'). Never a duration inside prose ("wait 2 hours for the
// cache"), nor one that measures what the task is about ("Set the session timeout (30m)",
// "Record a demo video (5 min)"), nor `(3D)`: a capital one-letter unit is no duration.

const LABEL = String.raw`(?:estimated?(?:[ \t]+(?:time|effort))?|est\.?|effort)`;
// A label in bold anywhere on the line, or plain after the start or a separator.
const BOLD_LABEL = new RegExp(String.raw`(\*\*|__)${LABEL}[ \t]*:?\1[ \t]*:?[ \t]*([^|;)\]]*)`, 'i');
const PLAIN_LABEL = new RegExp(String.raw`(?:^|[-–—|,;·•([][ \t]*)${LABEL}[ \t]*:[ \t]*([^|;)\]]*)`, 'i');
const ITEM_LABEL = new RegExp(
  String.raw`^[ \t>]*(?:[-*+][ \t]+)?(?:\*\*|__)?${LABEL}(?:[ \t]*:)?(?:\*\*|__)?[ \t]*:?[ \t]*(.+)$`,
  'i',
);
// The last parenthesised or bracketed group of a line, with what stands before it.
const TRAILING_GROUP = /^(.*?)[ \t]*[([][ \t]*([^()[\]]+?)[ \t]*[)\]]$/;
// A line that starts a task (a nested one ends its parent's own lines).
const TASK_LINE = /^[ \t>]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[[^\]\r\n]{0,3}\]/;
// The word before a trailing duration that makes it a quantity of the work, not its estimate:
// "Set the session timeout (30m)", "Record a demo video (5 min)", "Retry after (10m)".
const QUANTITY_BEFORE =
  /\b(?:ttl|timeouts?|time-?outs?|expiry|expiration|expires?|retention|intervals?|cooldown|debounce|throttle|backoff|polling|latency|uptime|downtime|sla|video|clip|recording|every|after|within|for|under|over|than|per|max|min|maximum|minimum|last|past|next|least|most|lasts|long|old|ago)$/i;

/** The task's estimate in hours, or undefined when it has none that reads as a duration. */
export function taskEstimate(task: TaskItem, text: string, durations: DurationOptions): number | undefined {
  const field = task.block?.fields.find((f) => f.key === 'estimate');
  const fromField = field ? parseEstimate(field.value, durations) : undefined;
  if (fromField !== undefined) return fromField;
  const line = text.slice(task.checkbox.end, lineEnd(text, task.checkbox.end));
  return lineEstimate(line, durations) ?? itemEstimate(task, text, durations);
}

/** An estimate the task's own line states: by a label, or as a trailing parenthesised duration. */
export function lineEstimate(line: string, durations: DurationOptions): number | undefined {
  const body = line.replace(/[\s*_]+$/u, '');
  for (const label of [BOLD_LABEL, PLAIN_LABEL]) {
    const m = label.exec(body);
    const hours = m ? parseEstimate(m[m.length - 1], durations) : undefined;
    if (hours !== undefined) return hours;
  }
  const group = TRAILING_GROUP.exec(body);
  if (!group) return undefined;
  const [, before, inside] = group;
  if (/\d[ \t]*[A-Z](?![A-Za-z])/.test(inside)) return undefined;
  if (QUANTITY_BEFORE.test(before.replace(/[\s*_`:,–—-]+$/u, ''))) return undefined;
  return parseEstimate(inside, durations);
}

/** An `Estimate:` line among the task's own lines: after its first, outside its subtasks. */
function itemEstimate(task: TaskItem, text: string, durations: DurationOptions): number | undefined {
  let at = lineEnd(text, task.checkbox.end);
  // The indentation of the subtask being skipped: its lines are indented deeper.
  let subtask: number | undefined;
  while (at < task.end) {
    at += text.startsWith('\r\n', at) ? 2 : 1;
    const end = Math.min(lineEnd(text, at), task.end);
    const line = text.slice(at, end);
    at = end;
    const indent = /^[ \t>]*/.exec(line)![0].length;
    if (subtask !== undefined && (line.trim() === '' || indent > subtask)) continue;
    subtask = TASK_LINE.test(line) ? indent : undefined;
    const m = subtask === undefined ? ITEM_LABEL.exec(line) : null;
    const hours = m ? parseEstimate(m[1], durations) : undefined;
    if (hours !== undefined) return hours;
  }
  return undefined;
}
