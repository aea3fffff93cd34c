// planmark's custom LSP messages, declared once for the server and the client.
// Only vscode-jsonrpc (shared by vscode-languageserver and vscode-languageclient)
// and engine types are imported, so the client bundle pulls in no server code.
import { NotificationType, RequestType } from 'vscode-jsonrpc';
import type { Outline, PlanGraphJson } from './engine';

export type { Outline, OutlineSection, OutlineTask, Progress } from './engine';
// The client shows hours and progress as the server does. Straight from the leaf module
// (the lint allows it): the engine's index would pull its Markdown parser into the client bundle.
export { formatHours, progressExtras } from './engine/hours';

/** The code action kind of planmark's fix-all, for `editor.codeActionsOnSave` and the Fix All command. */
export const FIX_ALL_KIND = 'source.fixAll.planmark';

export interface OutlineParams {
  textDocument: { uri: string };
  /**
   * Analyze a version still waiting for its debounce delay now, instead of after it:
   * a client that has just edited the plan itself (a checkbox ticked in a tree view)
   * wants its views to agree at once.
   */
  now?: boolean;
}

/** The outline of an open plan document; null when the document is not a plan (or not open). */
export namespace OutlineRequest {
  export const method = 'planmark/outline';
  export const type = new RequestType<OutlineParams, Outline | null, void>(method);
}

export interface OutlineChangedParams {
  uri: string;
  version: number;
  /** Null when the document stopped being a plan. */
  outline: Outline | null;
}

/** Sent after each analysis of a plan document, so that views need not poll. */
export namespace OutlineChangedNotification {
  export const method = 'planmark/outlineChanged';
  export const type = new NotificationType<OutlineChangedParams>(method);
}

export interface GraphParams {
  textDocument: { uri: string };
}

/** What the Plan Graph view draws: the graph's JSON, with the plan's title and phases. */
export interface PlanGraphView extends PlanGraphJson {
  title?: string;
  /** Phase order was applied (the columns follow the phases). */
  phaseOrder: boolean;
  /** Phases in document order, with the ids of their tasks. */
  phases: Array<{ title: string; line: number; tasks: string[] }>;
}

/** The task graph of an open plan document; null when it is not a plan (or not open). */
export namespace GraphRequest {
  export const method = 'planmark/graph';
  export const type = new RequestType<GraphParams, PlanGraphView | null, void>(method);
}

export interface NewTaskParams {
  textDocument: { uri: string };
  /** The line the new task goes below (0-based); it takes that line's indentation. */
  line: number;
}

/** A new task in the plan's format, as the `task` completion would insert it on a new line. */
export interface NewTask {
  /** A snippet (VS Code syntax), without the new line's indentation. */
  snippet: string;
}

/**
 * Insert Task Block in a plan of a format other than the reference template's (spec-kit,
 * Kiro, checklist): what to insert below a line. Null for a plan that follows the template
 * (the client inserts its task block) or a document that is not a plan.
 */
export namespace NewTaskRequest {
  export const method = 'planmark/newTask';
  export const type = new RequestType<NewTaskParams, NewTask | null, void>(method);
}

/** One plan of the workspace, as the Plans view lists it. */
export interface PlanSummary {
  uri: string;
  /** Path relative to its workspace folder (forward slashes); the file name outside any folder. */
  path: string;
  /** The workspace folder's uri; none for a plan outside every folder (an open untitled plan). */
  folder?: string;
  title?: string;
  /** The profile it is checked with (spec-kit tasks, reference, checklist, …). */
  profile?: { id: string; title: string };
  done: number;
  total: number;
  percent: number;
  /** Findings by severity. */
  errors: number;
  warnings: number;
  /** Information and hints. */
  others: number;
  /** Last change: the file's modification time, or now for an open document with unsaved changes (ms since the epoch). */
  modified: number;
  /** Why it could not be checked, if it could not. */
  failure?: string;
}

/** Every plan of the workspace: the open ones as their current text says, the others as on disk. */
export namespace PlansRequest {
  export const method = 'planmark/plans';
  export const type = new RequestType<Record<string, never>, PlanSummary[], void>(method);
}

/**
 * The agent tools (server/src/agents/planTools.ts), as VS Code's language-model tools
 * call them through the language server: the same implementation as `planmark mcp`.
 */
export const AGENT_TOOLS = [
  'plan_status',
  'plan_next_tasks',
  'plan_validate',
  'plan_complete_task',
  'plan_explain_rule',
] as const;
export type AgentToolName = (typeof AGENT_TOOLS)[number];

export interface AgentToolParams {
  tool: AgentToolName;
  /** The tool's input, as its schema in package.json (`contributes.languageModelTools`) describes it. */
  input: unknown;
}

/** The one character plan_complete_task changes, for the client to apply as an undoable WorkspaceEdit. */
export interface AgentToolEdit {
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
  /** What the range holds in the text the server judged: anything else, and the document changed since. */
  expected: string;
  /** The open document's version the server read; absent when it read the file from disk. */
  version?: number;
}

export type AgentToolAnswer =
  { ok: true; text: string; data: unknown; edit?: AgentToolEdit } | { ok: false; reason: string };

/** Runs an agent tool in the workspace (paths relative to a workspace folder, or absolute inside one). */
export namespace AgentToolRequest {
  export const method = 'planmark/agentTool';
  export const type = new RequestType<AgentToolParams, AgentToolAnswer, void>(method);
}
