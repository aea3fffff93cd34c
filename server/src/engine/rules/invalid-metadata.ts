import type { RawFix } from '../findings';
import type { Field, PlanModel, Span } from '../model';
import type { Rule, RuleContext } from './rule';
import type { LabelledKey } from '../template';
import { lineEnd } from '../lineIndex';
import { documentStart, insertBlock } from './insert';
import { eol } from './sections';

// semver.org's own pattern.
const SEMVER =
  /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

export const invalidMetadata: Rule = {
  id: 'invalid-metadata',
  description:
    'The metadata block lacks a field the template has, or Created is not a real date, Status is not an allowed value, Version is not semver, or Feature disagrees with the title.',
  defaultSeverity: 'warning',
  check(context, report) {
    const { model, template } = context;
    const anchor: Span = model.title ?? { start: 0, end: 0 };
    const missing = template.metadataFields.filter((f) => !model.metadata.some((m) => m.key === f.key));
    if (missing.length > 0) {
      const names = missing.map((f) => f.label);
      report({
        span: model.metadata[model.metadata.length - 1] ?? anchor,
        message: `Metadata lacks ${names.join(', ')}.`,
        fixes: addFieldsFixes(context, missing),
      });
    }
    for (const field of model.metadata) {
      if (!field.value || context.hasPlaceholder(field.valueSpan)) continue;
      const problem = check(field, context);
      if (problem) report({ span: field.valueSpan, ...problem });
    }
  },
};

const DATE_KEYS = new Set(['created', 'date', 'updated', 'last updated']);

/**
 * The fixes that add missing fields. Each field gets a value only where it is certain: a date
 * field today, Feature the title's feature name, any other the template's own value unless that
 * is a placeholder. That fix is safe for fix-all. When some value is unknown, a second fix adds
 * every field with the template's text (placeholders included) for the author to fill in.
 */
function addFieldsFixes(context: RuleContext, missing: LabelledKey[]): RawFix[] {
  const known = missing.flatMap((f) => {
    const value = knownValue(f.key, context);
    return value === undefined ? [] : [{ label: f.label, value }];
  });
  const fromTemplate = missing.map((f) => ({ label: f.label, value: templateValue(f.key, context) }));
  // A field list that names none of the template's metadata (a lone `- **Dependencies**:` under
  // a line that is about to become a task) may not be the metadata block at all: adding to it
  // is offered, but not applied unseen by fix-all.
  const { model, template } = context;
  const isMetadataBlock =
    model.metadata.length === 0 || model.metadata.some((m) => template.metadataFields.some((f) => f.key === m.key));
  const fixes: RawFix[] = [];
  if (known.length > 0)
    fixes.push({
      title: `Add ${known.map((f) => f.label).join(', ')}`,
      preferred: true,
      safe: isMetadataBlock,
      edits: [addFields(context.model, known)],
    });
  if (known.length < missing.length)
    fixes.push({
      title: `Add ${missing.map((f) => f.label).join(', ')} from the template`,
      preferred: known.length === 0,
      edits: [addFields(context.model, fromTemplate)],
    });
  return fixes;
}

function knownValue(key: string, { model, template, today }: RuleContext): string | undefined {
  if (DATE_KEYS.has(key)) return today;
  if (key === 'feature') return featureFromTitle(model.title?.text, template.titleSuffix) || undefined;
  const field = template.model.metadata.find((m) => m.key === key);
  if (!field || field.value.trim() === '') return undefined;
  const placeholder = template.model.brackets.some(
    (b) => b.start >= field.valueSpan.start && b.end <= field.valueSpan.end,
  );
  return placeholder ? undefined : field.value;
}

function templateValue(key: string, { template }: RuleContext): string {
  return template.model.metadata.find((m) => m.key === key)?.value ?? '';
}

/**
 * The edit that writes `**Label**: value` lines: after the last field's line, with its bullet
 * and hard-break style; else below the title; else at the top (after any front matter).
 */
function addFields(model: PlanModel, fields: Array<{ label: string; value: string }>): RawFix['edits'][number] {
  const text = model.text;
  const lines = fields.map((f) => `**${f.label}**: ${f.value}`.trimEnd());
  const last = model.metadata[model.metadata.length - 1];
  if (last) {
    const start = text.lastIndexOf('\n', last.start - 1) + 1;
    const end = lineEnd(text, last.end);
    // The last field's bullet ("- "), quote marker or indentation, and its hard break ("  " or "\\") if any.
    const prefix = /^[ \t]*(?:>[ \t]?)*(?:[-*+][ \t]+)?$/.test(text.slice(start, last.start))
      ? text.slice(start, last.start)
      : '';
    const hardBreak = /[-*+]/.test(prefix) ? '' : (/(?: {2,}|\\)$/.exec(text.slice(last.end, end))?.[0] ?? '');
    const nl = eol(text);
    return {
      span: { start: end, end },
      newText: lines.map((l, i) => nl + prefix + l + (i < lines.length - 1 ? hardBreak : '')).join(''),
    };
  }
  if (model.title) return insertBlock(text, lines, { after: model.title.end });
  return insertBlock(text, lines, { at: documentStart(model) });
}

type Problem = {
  message: string;
  fixes?: Array<{ title: string; preferred?: boolean; edits: Array<{ span: Span; newText: string }> }>;
};

function check(field: Field, { config, model, today, template }: RuleContext): Problem | undefined {
  const value = plain(field.value);
  const replace = (title: string, newText: string, preferred = false) => ({
    title,
    preferred,
    edits: [{ span: field.valueSpan, newText }],
  });
  switch (field.key) {
    case 'created':
    case 'date':
    case 'updated':
    case 'last updated': {
      const { date, note } = splitNote(value);
      if (isRealDate(date)) return undefined;
      // A note after the date ("2025-13-45 (revised)") is the author's: the fix replaces the date alone.
      const at = note ? field.value.indexOf(date) : -1;
      const fix =
        at >= 0
          ? {
              title: `Set ${field.label} to today (${today})`,
              preferred: true,
              edits: [
                {
                  span: { start: field.valueSpan.start + at, end: field.valueSpan.start + at + date.length },
                  newText: today,
                },
              ],
            }
          : replace(`Set ${field.label} to today (${today})`, today, true);
      return {
        message: `${field.label} "${field.value}" is not a real date; write it as YYYY-MM-DD.`,
        fixes: [fix],
      };
    }
    case 'status': {
      const allowed = config.statuses;
      if (allowed.some((s) => s.toLowerCase() === value.toLowerCase())) return undefined;
      return {
        message: `Status "${field.value}" is not one of ${allowed.join(', ')}.`,
        fixes: allowed.map((s) => replace(`Set Status to ${s}`, s)),
      };
    }
    case 'version':
      if (SEMVER.test(value)) return undefined;
      return { message: `Version "${field.value}" is not a semantic version such as 1.0.0.` };
    case 'feature': {
      const title = featureFromTitle(model.title?.text, template.titleSuffix);
      if (title === undefined || featureAgrees(title, value)) return undefined;
      return {
        message: `Feature "${field.value}" disagrees with the title's "${title}".`,
        fixes: [replace(`Set Feature to "${title}"`, title, true)],
      };
    }
    default:
      return undefined;
  }
}

/** Field values may carry emphasis, code or emoji ("✅ Complete", "`1.0.0`"). */
function plain(value: string): string {
  return value
    .replace(/[`*_]/g, '')
    .replace(/[\p{Extended_Pictographic}\uFE0F\u200D]/gu, '')
    .trim();
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// What may follow a date as a note: a parenthesised or bracketed remark, or one after a dash,
// comma, semicolon, colon or bar ("2025-01-10 (revised after review)", "2025-01-10 — draft",
// "August 23, 2025, 10:30 PM"), or words after a blank ("2025-01-10 revised"). A digit straight
// after the blank stays part of the value, so "2025-01-10 12" is no date with a note.
const DATE_SHAPES = [
  /^\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?/,
  /^[A-Za-z]{3,9}\.? \d{1,2},? \d{4}/,
  /^\d{1,2} [A-Za-z]{3,9}\.?,? \d{4}/,
];
const NOTE = /^(?:[ \t]*[([]|[ \t]*[-–—,;:|][ \t]*\S|[ \t]+[^\s\d])/;

/** A date-shaped start of a value and the note after it; the whole value when no note follows a date shape. */
function splitNote(value: string): { date: string; note: string } {
  for (const shape of DATE_SHAPES) {
    const date = shape.exec(value)?.[0];
    if (date === undefined) continue;
    const note = value.slice(date.length);
    if (note === '' || NOTE.test(note)) return { date, note: note.trim() };
  }
  return { date: value, note: '' };
}

/** YYYY-MM-DD (optionally with a time), or "January 5, 2025" / "5 January 2025", and the day must exist. */
function isRealDate(value: string): boolean {
  let y: number;
  let m: number;
  let d: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/.exec(value);
  const named =
    /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/.exec(value) ?? /^(\d{1,2}) ([A-Za-z]{3,9})\.?,? (\d{4})$/.exec(value);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (named) {
    const [month, day] = /^\d/.test(named[1]) ? [named[2], named[1]] : [named[1], named[2]];
    m = MONTHS.indexOf(month.slice(0, 3).toLowerCase()) + 1;
    d = Number(day);
    y = Number(named[3]);
    if (m === 0) return false;
  } else return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The feature name a title gives, by the template's title pattern: "X - Implementation Plan" → "X". */
export function featureFromTitle(title: string | undefined, suffix: string | undefined): string | undefined {
  if (!title || !suffix || /\[[^\]]*\]/.test(title)) return undefined;
  const words = suffix.replace(/^[^\p{L}\p{N}]+/u, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const feature = title.replace(new RegExp(`\\s*[-–—:|]?\\s*${words}\\s*$`, 'iu'), '').trim();
  // A title that does not follow the template's pattern names no feature to compare.
  return feature === title.trim() ? undefined : feature;
}

/**
 * Feature and title agree when one names the other, whatever the case and punctuation: the same
 * words, or the one's words a run of the other's ("Search" in "Order Search", and "Order Search
 * API" around "Order Search"), or the same letters but for spacing ("Check-out", "Checkout").
 */
function featureAgrees(title: string, feature: string): boolean {
  const [a, b] = [normalize(title), normalize(feature)];
  if (a === '' || b === '') return true;
  const words = (s: string) => ` ${s} `;
  return words(a).includes(words(b)) || words(b).includes(words(a)) || a.replace(/ /g, '') === b.replace(/ /g, '');
}

function normalize(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
