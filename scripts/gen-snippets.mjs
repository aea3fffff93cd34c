// Writes snippets/markdown.json. The "plan" skeleton is the shipped template turned
// into a snippet ([FEATURE_NAME] becomes one linked tab stop, [DATE] today's date);
// the other snippets are written out below. `--check` exits 1 when the file on disk
// differs from what this script writes (a test runs it, so the skeleton never drifts
// from the template). There is no task-block snippet: the language server's `task`
// completion is the one entry for it (numbered after the previous task), and Insert
// Task Block uses the same body (server/src/taskBlock.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const TODAY = '${CURRENT_YEAR}-${CURRENT_MONTH}-${CURRENT_DATE}';
const escape = (text) => text.replace(/[\\$}]/g, (c) => `\\${c}`);

function skeleton() {
  const template = readFileSync(`${root}server/templates/implementation-plan.md`, 'utf8');
  return escape(template).replaceAll('[FEATURE_NAME]', '${1:Feature name}').replaceAll('[DATE]', TODAY).split('\n');
}

export const snippets = {
  'Plan: whole plan skeleton': {
    prefix: ['plan', 'plan-skeleton'],
    description:
      'A new implementation plan: every section of the template, the feature name as one linked tab stop, today as the date.',
    body: skeleton(),
  },
  'Plan: phase': {
    prefix: ['phase'],
    description: 'A numbered phase with a first subsection and a task.',
    body: [
      '## Phase ${1:7}: ${2:Phase name}',
      '',
      '### ${1}.1 ${3:First part}',
      '',
      '- [ ] ${4:First task}',
      '$0',
      '',
      '---',
    ],
  },
  'Plan: risk table row': {
    prefix: ['risk', 'risk-row'],
    description: 'A row of a risk table: Risk | Impact | Probability | Mitigation.',
    body: ['| ${1:Risk} | ${2|High,Medium,Low|} | ${3|High,Medium,Low|} | ${4:Mitigation} |$0'],
  },
  'Plan: risk table row with owner': {
    prefix: ['risk-owner'],
    description: 'A row of a risk table with an owner: Risk | Impact | Probability | Mitigation | Owner.',
    body: ['| ${1:Risk} | ${2|High,Medium,Low|} | ${3|High,Medium,Low|} | ${4:Mitigation} | ${5:Owner} |$0'],
  },
  'Plan: milestone': {
    prefix: ['milestone'],
    description: 'A key milestone with its date and deliverables.',
    body: [`- **M\${1:5}: \${2:Milestone name}** - \${3:${TODAY}}`, '  - ${4:Deliverable}', '$0'],
  },
  'Plan: decision log row': {
    prefix: ['decision', 'decision-row'],
    description: 'A row of the decision log, dated today: Date | Decision | Rationale | Owner.',
    body: [`| ${TODAY} | \${1:Decision} | \${2:Rationale} | \${3:Owner} |$0`],
  },
  'Plan: open question': {
    prefix: ['question'],
    description: 'An open question, as a checklist item to tick once decided.',
    body: ['- [ ] ${1:Question}?$0'],
  },
};

const text = JSON.stringify(snippets, null, 2) + '\n';
const file = `${root}snippets/markdown.json`;
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // absent or unreadable: treated as empty below
  }
  if (current !== text) {
    console.error('snippets/markdown.json is out of date: run `node scripts/gen-snippets.mjs`');
    process.exit(1);
  }
} else if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(file, text);
  console.log(`wrote ${file}`);
}
