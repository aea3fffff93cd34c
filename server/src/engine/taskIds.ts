import type { TaskGrammar } from './profiles/profile';
import type { TaskItem } from './model';

// A task's id as its plan's format writes it. A profile with an id pattern (spec-kit
// `T001`, Kiro `2.1`, a team's `taskId` setting) reads the first word of the task's
// text against it; a plan without one keeps the ids the model recognised, when they
// look unmistakably like ids (`T001`, `API-12`, `2.1`), not a word such as `S3`.

const STRONG_ID = /^(?:T\d{3,}|[A-Z][A-Z0-9]*-\d+(?:\.\d+)*|\d+(?:\.\d+)+)$/;

/** The first word of a task's text, without the trailing `.`/`:`/`)` a numbered task puts after it. */
export function leadingToken(text: string): string {
  const m = /^\S+/.exec(text.trimStart());
  return m ? m[0].replace(/[.:)]+$/, '') : '';
}

export function taskIdOf(task: TaskItem, grammar: TaskGrammar): string | undefined {
  if (grammar.id) {
    const token = leadingToken(task.text);
    return token && grammar.id.test(token) ? token : undefined;
  }
  if (!task.id || !STRONG_ID.test(task.id)) return undefined;
  // "Task 3.2 was merged into 3.1" mentions a task; "Task 3.2: Build" names this one.
  const declared =
    leadingToken(task.text).toUpperCase() === task.id ||
    new RegExp(`^task[\\s-]+${task.id.replace(/\./g, '\\.')}[ \t]*[-:.)–—]`, 'i').test(task.text);
  return declared ? task.id : undefined;
}

/** 1-based line of an offset, for messages that point at another place in the plan. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
