import type { Section } from '../model';
import type { Rule } from './rule';

export const sectionOrder: Rule = {
  id: 'section-order',
  description: 'Sections the template requires appear in a different order than the template gives.',
  defaultSeverity: 'warning',
  check({ model, sectionLevels }, report) {
    for (const level of sectionLevels()) {
      const order = new Map(level.required.map((r, i) => [r.key, i]));
      // First occurrences in document order; duplicates are duplicate-section's business.
      // The level's key, not the heading's: a heading may stand for a section by a pattern
      // or by its text before a note ("2.2 Frontend ⚠️ MUST COMPLETE BEFORE 3.3").
      const present = [...level.present.entries()]
        .map(([key, list]) => ({ index: order.get(key)!, section: list[0] }))
        .sort((a, b) => a.section.start - b.section.start);
      const inOrder = longestIncreasing(present.map((p) => p.index));
      present.forEach(({ index, section }, i) => {
        if (inOrder.has(i)) return;
        // Anchor the move on the nearest in-order section the template puts after it.
        const after = present.find((p, j) => inOrder.has(j) && p.index > index)?.section;
        const before = present.filter((p, j) => inOrder.has(j) && p.index < index).pop()?.section;
        const hint = before ? `after "${before.heading.text}"` : after ? `before "${after.heading.text}"` : 'elsewhere';
        report({
          span: section.heading,
          message: `Section "${section.heading.text}" is out of the template's order: it belongs ${hint}.`,
          fixes: moveFix(model.text, section, after, before),
        });
      });
    }
  },
};

/** Indexes (into `values`) of one longest strictly increasing subsequence. */
function longestIncreasing(values: number[]): Set<number> {
  const tails: number[] = [];
  const prev = new Array<number>(values.length).fill(-1);
  values.forEach((v, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]] < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1];
    tails[lo] = i;
  });
  const keep = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = prev[i]) keep.add(i);
  return keep;
}

function moveFix(text: string, section: Section, after: Section | undefined, before: Section | undefined) {
  const target = before ? before.end : after ? after.start : undefined;
  if (target === undefined || (target > section.start && target < section.end)) return undefined;
  let moved = text.slice(section.start, section.end);
  if (!/\n\s*$/.test(moved)) moved += '\n\n';
  return [
    {
      title: `Move "${section.heading.text}" ${before ? `after "${before.heading.text}"` : `before "${after!.heading.text}"`}`,
      preferred: true,
      edits: [
        { span: { start: section.start, end: section.end }, newText: '' },
        { span: { start: target, end: target }, newText: moved },
      ],
    },
  ];
}
