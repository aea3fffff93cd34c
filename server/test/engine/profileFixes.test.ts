// The quick fixes of the format rules (task-format, story-label), on the per-profile
// fixtures as each profile checks them: what each fix writes, and that every fix offered
// removes its finding, changes nothing outside its edit, keeps the BOM and line breaks
// and adds no error. Fix-all applies only the certain ones.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { applyEdits, fixAllEdits, PlanEngine, type AnalyzeOptions, type Finding } from '../../src/engine';
import { lines, REPO, TEMPLATE_TEXT } from './helpers';

const engine = new PlanEngine(TEMPLATE_TEXT);
const PROFILES = join(REPO, 'test-fixtures', 'profiles');
const key = (f: Finding) => `${f.rule} ${f.range.start.line}:${f.range.start.character} ${f.message}`;
const errors = (fs: Finding[]) => fs.filter((f) => f.severity === 'error').length;

function options(profile: string, file?: string): AnalyzeOptions {
  const siblings: Record<string, string> = {};
  for (const kind of ['spec', 'requirements', 'design']) {
    const path = file?.replace(/\.md$/, `.${kind}.md`);
    if (path && existsSync(path)) siblings[`${kind}.md`] = readFileSync(path, 'utf8');
  }
  return { profile: { id: profile, reason: 'test' }, facts: { siblings }, today: '2026-11-24' };
}

/** The text after applying the fix titled `title` of the finding whose message matches. */
function fixed(text: string, opts: AnalyzeOptions, message: RegExp, title: string): string {
  const analysis = engine.analyze(text, opts);
  const finding = analysis.findings.find((f) => message.test(f.message));
  assert.ok(finding, `no finding ${message}`);
  const fix = finding.fixes?.find((f) => f.title === title);
  assert.ok(fix, `no fix "${title}" on ${key(finding)}: ${finding.fixes?.map((f) => f.title).join(', ')}`);
  return applyEdits(text, analysis.lines, fix.edits);
}

describe('spec-kit fixes', () => {
  const opts = options('spec-kit-tasks');
  const plan = (...body: string[]) =>
    lines(
      '# Tasks: Notes',
      '',
      '## Phase 1: Setup',
      '',
      '- [ ] T001 Folders',
      '',
      '## Phase 3: User Story 2 - Share',
      '',
      ...body,
    );

  test('a line written as a task gets its checkbox, bullet kept or added', () => {
    assert.equal(
      fixed(plan('- [ ] T002 [US2] A', '* T003 [US2] B'), opts, /T003 is written as a task/, 'Add the checkbox "[ ]"'),
      plan('- [ ] T002 [US2] A', '* [ ] T003 [US2] B'),
    );
    assert.equal(
      fixed(plan('- [ ] T002 [US2] A', '', '**T003** [US2] B'), opts, /T003 is written/, 'Make it a task: "- [ ] "'),
      plan('- [ ] T002 [US2] A', '', '- [ ] **T003** [US2] B'),
    );
  });

  test('a task without an id is numbered with the next free id (a quick fix, not fix-all)', () => {
    const text = plan('- [ ] T007 [US2] A', '- [ ] [US2] B');
    assert.equal(fixed(text, opts, /has no id/, 'Number it T008'), plan('- [ ] T007 [US2] A', '- [ ] T008 [US2] B'));
    assert.deepEqual(fixAllEdits(engine.analyze(text, opts)), []);
  });

  test('a missing story label is the phase’s, after the id and [P]', () => {
    assert.equal(
      fixed(plan('- [ ] T002 [P] Link tests'), opts, /has no \[US2\] label/, 'Add [US2]'),
      plan('- [ ] T002 [P] [US2] Link tests'),
    );
    assert.equal(
      fixed(plan('- [ ] **T002** Link'), opts, /has no \[US2\] label/, 'Add [US2]'),
      plan('- [ ] **T002** [US2] Link'),
    );
  });

  test('CRLF and a BOM stay', () => {
    const text = '\uFEFF' + plan('- [ ] T002 Link', '', 'T003 [US2] B').replace(/\n/g, '\r\n');
    const all = applyEdits(text, engine.analyze(text, opts).lines, fixAllEdits(engine.analyze(text, opts)));
    assert.equal(all, '\uFEFF' + plan('- [ ] T002 [US2] Link', '', '- [ ] T003 [US2] B').replace(/\n/g, '\r\n'));
  });

  test('in a phase of several stories the missing label has no fix: which story is the author’s call', () => {
    const text = lines('# Tasks: Notes', '', '## Phase 3: User Stories 2 & 3', '', '- [ ] T002 Link');
    const finding = engine.analyze(text, opts).findings.find((f) => f.rule === 'story-label');
    assert.ok(finding);
    assert.equal(finding.fixes, undefined);
  });

  test('a label of another story, or in a shared phase, has no fix: the task may be misplaced', () => {
    const findings = engine.analyze(plan('- [ ] T002 [US3] A', '- [ ] T003 [US1] B'), opts).findings;
    assert.deepEqual(
      findings.filter((f) => f.rule === 'story-label').map((f) => f.fixes),
      [undefined, undefined],
    );
  });
});

// Every fix on every per-profile fixture, as written and with CRLF and a BOM.
for (const profile of readdirSync(PROFILES)) {
  for (const name of readdirSync(join(PROFILES, profile))) {
    if (!name.endsWith('.md') || /\.(?:spec|requirements|design|template)\.md$/.test(name)) continue;
    const file = join(PROFILES, profile, name);
    const opts = options(profile, file);
    const raw = readFileSync(file, 'utf8');
    for (const [variant, text] of [
      ['as written', raw],
      ['CRLF with a BOM', '\uFEFF' + raw.replace(/\r?\n/g, '\r\n')],
    ] as const) {
      test(`fixes: profiles/${profile}/${name}, ${variant}`, () => {
        const before = engine.analyze(text, opts);
        for (const finding of before.findings) {
          for (const fix of finding.fixes ?? []) {
            const after = applyEdits(text, before.lines, fix.edits);
            const starts = fix.edits.map((e) => before.lines.offset(e.range.start));
            const ends = fix.edits.map((e) => before.lines.offset(e.range.end));
            const head = Math.min(...starts);
            const tail = text.length - Math.max(...ends);
            assert.equal(after.slice(0, head), text.slice(0, head), `${fix.title}: text before the edit changed`);
            assert.equal(after.slice(after.length - tail), text.slice(text.length - tail), `${fix.title}: text after`);
            assert.equal(after.startsWith('\uFEFF'), text.startsWith('\uFEFF'));
            assert.equal(/\r\n/.test(after), /\r\n/.test(text));
            assert.ok(!/(?<!\r)\n/.test(after) || /(?<!\r)\n/.test(text), `${fix.title}: a bare LF in a CRLF file`);
            const result = engine.analyze(after, opts).findings;
            assert.ok(
              result.filter((f) => key(f) === key(finding)).length <
                before.findings.filter((f) => key(f) === key(finding)).length,
              `${fix.title} did not remove ${key(finding)}`,
            );
            assert.ok(errors(result) <= errors(before.findings), `${fix.title} added an error`);
          }
        }
      });
    }
  }
}
