// Synthetic plans for the benchmark: the shape of a real filled-in plan (phases,
// subsections, task blocks with fields, tables, a few leftover placeholders), grown
// to the size asked for. Deterministic, so runs compare.

/** A plan of at least `target.chars` characters or `target.lines` lines. */
export function generatePlan(target: { chars?: number; lines?: number }): string {
  const out: string[] = [
    '# Checkout Redesign - Implementation Plan',
    '',
    '**Feature**: Checkout Redesign',
    '**Created**: 2026-11-20',
    '**Status**: In Progress',
    '**Version**: 1.0.0',
    '',
    '---',
    '',
    '## Executive Summary',
    '',
    '### Feature Overview',
    'A faster, simpler checkout with saved payment methods and clearer errors.',
    '',
  ];
  let size = out.join('\n').length;
  const done = () => size >= (target.chars ?? Infinity) || out.length >= (target.lines ?? Infinity);
  let task = 0;
  for (let phase = 0; !done(); phase++) {
    const lines = [`## Phase ${phase}: Work package ${phase}`, ''];
    for (let sub = 1; sub <= 4; sub++) {
      lines.push(`### ${phase}.${sub} Stream ${sub}`, '');
      for (let i = 0; i < 6; i++) {
        task++;
        const id = `T${String(task).padStart(4, '0')}`;
        lines.push(
          `- [${task % 3 === 0 ? 'x' : ' '}] **Task**: ${id} Build component ${task} for stream ${sub}`,
          `  - **File**: \`apps/web/src/components/c${task}.vue\``,
          `  - **Estimate**: ${(task % 7) + 1}h`,
          `  - **Dependencies**: ${task > 1 ? `T${String(task - 1).padStart(4, '0')}` : 'None'}`,
          `  - **Tests**: \`apps/web/src/components/__tests__/c${task}.test.ts\``,
          '',
        );
      }
      lines.push('| Risk | Impact | Probability | Mitigation |', '|------|--------|-------------|------------|');
      lines.push(
        `| Slow API ${phase}.${sub} | High | Low | Cache responses |`,
        `| Scope creep | Medium | [TBD] | Weekly review |`,
        '',
      );
    }
    lines.push('---', '');
    if (target.lines !== undefined) lines.splice(Math.max(0, target.lines - out.length));
    out.push(...lines);
    size += lines.join('\n').length + 1;
  }
  return out.join('\n');
}
