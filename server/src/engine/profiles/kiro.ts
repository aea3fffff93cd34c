import { BASIC_STATES, type Profile } from './profile';
import { UNIVERSAL_RULES } from './universal';

// The Kiro profile: `.kiro/specs/<feature>/tasks.md`, beside `requirements.md`
// (numbered requirements, each with numbered acceptance criteria) and
// `design.md`. Our own description of the format: tasks are numbered (`1.`,
// sub-tasks `1.1` nested under task 1), cite acceptance criteria as
// `_Requirements: 1.2, 3.1_`, may be optional (`- [ ]*`) or in progress
// (`- [-]`). There is no section schema: the title and any headings are free.

const IN_SPECS = /(?:^|\/)\.kiro\/specs\/[^/]+\/tasks\.md$/i;
// A numbered task: `- [ ] 1. Title`, `- [x]* 2.1 Title` (`\*` once a formatter escaped it), `- [-] 3 Title`.
const NUMBERED_TASK = /^[ \t]*[-*+][ \t]+\[[ xX-]\]\\?\*?[ \t]+\d+(?:\.\d+)*\.?[ \t]+\S/m;
const CITATION = /^[ \t]*[-*+][ \t]+[_*]{1,2}(?:Requirements?|需求|要件|Requisitos?)[ \t]*[:：]/im;

export const kiroTasks: Profile = {
  id: 'kiro-tasks',
  title: 'Kiro tasks',
  schemaFrom: 'none',
  sections: [],
  tasks: {
    // The number a task starts with: `2` for `2. Title`, `2.1` for a sub-task.
    id: /^\d+(?:\.\d+)*$/,
    markers: [],
    states: { ...BASIC_STATES, '-': 'in-progress' },
  },
  rules: {
    ...UNIVERSAL_RULES,
    'task-numbering': 'warning',
    'unknown-requirement': 'warning',
  },
  detect: {
    convention: ({ path }) => (IN_SPECS.test(path) ? 'this is .kiro/specs/<feature>/tasks.md' : undefined),
    content: ({ head, facts }) =>
      NUMBERED_TASK.test(head) && (CITATION.test(head) || facts.siblings?.['requirements.md'] !== undefined)
        ? 'its tasks are numbered and cite requirements (_Requirements: …_)'
        : undefined,
  },
};
