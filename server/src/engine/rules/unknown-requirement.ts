import { citedRequirements, parseRequirements, type Requirements } from '../requirements';
import type { Rule } from './rule';

// A task cites acceptance criteria of the `requirements.md` beside the plan
// (Kiro: `_Requirements: 1.2, 3.1_`); a citation of a criterion or requirement
// that file does not have points nowhere. Runs only when that file is there and
// has numbered requirements: without it there is nothing to check against.

export const unknownRequirement: Rule = {
  id: 'unknown-requirement',
  description:
    'A task cites a requirement or acceptance criterion (`_Requirements: 3.7_`) that requirements.md beside the plan does not have.',
  defaultSeverity: 'warning',
  check({ model, facts }, report) {
    const file = facts.siblings?.['requirements.md'];
    if (file === undefined || model.tasks.length === 0) return;
    const requirements = parseRequirements(file);
    const { byNumber } = requirements;
    if (byNumber.size === 0) return;
    const text = model.text;
    // Citation lines inside a task (its own line or its detail bullets), each line once.
    const seen = new Set<number>();
    for (const task of model.tasks) {
      for (let start = task.start; start < task.end;) {
        const nl = text.indexOf('\n', start);
        const end = nl === -1 || nl > task.end ? task.end : nl;
        if (!seen.has(start)) {
          seen.add(start);
          for (const ref of citedRequirements(text.slice(start, end))) {
            const message = problem(ref.ref, requirements);
            if (message) report({ span: { start: start + ref.start, end: start + ref.end }, message });
          }
        }
        start = end + 1;
      }
    }
  },
};

function problem(ref: string, { byNumber, otherItems }: Requirements): string | undefined {
  const [req, criterion] = ref.split('.');
  const criteria = byNumber.get(req);
  if (!criteria) return `requirements.md has no Requirement ${req} (it has ${range([...byNumber.keys()])}).`;
  if (criterion === undefined || criteria.includes(criterion)) return undefined;
  // Criteria written in a form we do not read, or other items numbered on from them: not provably wrong.
  if (criteria.length === 0 || Number(criterion) <= criteria.length + (otherItems.get(req) ?? 0)) return undefined;
  return `Requirement ${req} in requirements.md has no acceptance criterion ${ref} (it has ${range(criteria.map((c) => `${req}.${c}`))}).`;
}

/** `1–6` for a run, else the list: `1.1, 1.2, 1.4`. */
function range(items: string[]): string {
  const last = (s: string) => Number(s.split('.').pop());
  const consecutive = items.every((s, i) => i === 0 || last(s) === last(items[i - 1]) + 1);
  return consecutive && items.length > 2 ? `${items[0]}–${items[items.length - 1]}` : items.join(', ');
}
