import { lineEnd } from '../lineIndex';
import { specStories, taskPhase } from '../specKitPhases';
import { leadingToken } from '../taskIds';
import type { Rule } from './rule';

// spec-kit's task labels: every task of a "User Story k" phase carries `[USk]`, and
// no task of a Setup, Foundational or Polish phase carries one; a label names a
// user story the spec.md beside the plan has. Phases in other words are left alone.
// A missing label has one certain fix (the phase's); a label of another story or in a
// shared phase could mean the task is misplaced, so that is left to the author.

const LABEL = /\[(US(\d+))\]/g;

export const storyLabel: Rule = {
  id: 'story-label',
  description:
    "A spec-kit task's `[USn]` label is missing in a user-story phase, names another story than its phase, appears in a Setup/Foundational/Polish phase, or names no story of spec.md.",
  defaultSeverity: 'warning',
  check({ model, facts, profile }, report) {
    const spec = facts.siblings?.['spec.md'];
    const stories = spec === undefined ? undefined : specStories(spec);
    for (const task of model.tasks) {
      // Tasks of the grammar only: "SKIP: T006 (…)" and id-less lines are task-format's.
      if (task.parent || (profile.tasks.id && !profile.tasks.id.test(leadingToken(task.text)))) continue;
      const line = { start: task.checkbox.end, end: lineEnd(model.text, task.checkbox.end) };
      const labels = [...model.text.slice(line.start, line.end).matchAll(LABEL)].map((m) => ({
        start: line.start + m.index,
        end: line.start + m.index + m[0].length,
        text: m[1],
        story: String(Number(m[2])),
      }));
      const phase = taskPhase(task);
      if (phase?.kind.kind === 'story') {
        const { stories: wanted } = phase.kind;
        const name = `User Story ${wanted.join(' & ')}`;
        const allowed = wanted.map((n) => `[US${n}]`).join(' or ');
        if (labels.length === 0) {
          const at = labelPlace(model.text, line.start, line.end, profile.tasks.markers);
          report({
            span: task.checkbox,
            message: `This task of the ${name} phase has no ${allowed} label: add it after the id (and [P]).`,
            // The label is certain when the phase is one story's.
            fixes:
              wanted.length === 1
                ? [
                    {
                      title: `Add [US${wanted[0]}]`,
                      preferred: true,
                      safe: true,
                      edits: [{ span: { start: at, end: at }, newText: ` [US${wanted[0]}]` }],
                    },
                  ]
                : undefined,
          });
        }
        for (const l of labels.filter((l) => !wanted.includes(l.story))) {
          report({
            span: l,
            message: `[${l.text}] in the ${name} phase: this phase's tasks are ${allowed}.`,
          });
        }
      } else if (phase?.kind.kind === 'shared') {
        for (const l of labels) {
          report({
            span: l,
            message: `[${l.text}] in the ${phase.kind.name} phase: shared work carries no user-story label; move the task to the User Story ${l.story} phase or drop the label.`,
          });
        }
      }
      if (stories && stories.size > 0) {
        for (const l of labels.filter((l) => !stories.has(l.story))) {
          report({
            span: l,
            message: `[${l.text}] names no user story of the spec.md beside this plan (it has ${[...stories].map((s) => `User Story ${s}`).join(', ')}).`,
          });
        }
      }
    }
  },
};

/** Where the label goes: after the id and the format's markers (`T012 [P]`), as the format writes it. */
function labelPlace(text: string, start: number, end: number, markers: readonly string[]): number {
  let at = start + /^[ \t]*\S+/.exec(text.slice(start, end))![0].length;
  for (;;) {
    const m = /^[ \t]+\[([^\]\n]*)\]/.exec(text.slice(at, end));
    if (!m || !markers.includes(m[1])) return at;
    at += m[0].length;
  }
}
