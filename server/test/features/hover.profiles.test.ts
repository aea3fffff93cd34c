import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Hover } from 'vscode-languageserver';
import { hover } from '../../src/features/hover';
import { KIRO_REQUIREMENTS, SPEC_KIT_PLAN_TEMPLATE } from '../profileTexts';
import { lines, pos, profiledDoc } from './helpers';

// Hover speaks the plan's format: a Kiro task shows what the criteria it cites say; a
// placeholder in a spec-kit plan is traced to the repository's own template.

const text = (h: Hover | null) => (h?.contents as { value: string } | undefined)?.value;

const KIRO = lines(
  '# Implementation Plan',
  '',
  '- [ ] 1. Build share links',
  '  - _Requirements: 1.1_',
  '  - [ ] 1.1 Create the link model',
  '    - _Requirements: 1.2, 3.1_',
);

describe('hover by profile', () => {
  test('Kiro: a task lists the criteria it cites with what they say; its sub-tasks cite for themselves', () => {
    const doc = profiledDoc(KIRO, '.kiro/specs/share/tasks.md', { siblings: { 'requirements.md': KIRO_REQUIREMENTS } });
    assert.equal(
      text(hover(doc, pos(2, 12))),
      '☐ **1. Build share links**\n\nRequirements it cites:\n- **1.1** WHEN the writer shares a note THEN the service SHALL create a link',
    );
    assert.match(
      text(hover(doc, pos(4, 14)))!,
      /Requirements it cites:\n- \*\*1\.2\*\* WHEN the link is opened THEN the service SHALL show the note\n- \*\*3\.1\*\* _not in requirements\.md_/,
    );
  });

  test('Kiro without requirements.md: the task alone', () => {
    const doc = profiledDoc(KIRO, '.kiro/specs/share/tasks.md');
    assert.equal(text(hover(doc, pos(2, 12))), '☐ **1. Build share links**');
  });

  test('spec-kit plan: a placeholder is traced to the repository’s template, not the reference one', () => {
    const plan = lines(
      '# Implementation Plan: Notes',
      '',
      '**Branch**: `001-notes` | **Date**: 2026-01-02 | **Spec**: spec.md',
      '',
      '## Summary',
      '',
      'Notes.',
      '',
      '## Technical Context',
      '',
      '**Language/Version**: [LANGUAGE]',
    );
    const doc = profiledDoc(plan, 'specs/001-notes/plan.md', {
      specKit: true,
      templates: { 'spec-kit-plan': { path: '.specify/templates/plan-template.md', text: SPEC_KIT_PLAN_TEMPLATE } },
    });
    assert.equal(doc.analysis.profile?.id, 'spec-kit-plan');
    assert.match(
      text(hover(doc, pos(10, 26)))!,
      /The template has it here:\n- _Technical Context_: `\*\*Language\/Version\*\*: \[LANGUAGE\]`/,
    );
  });
});
