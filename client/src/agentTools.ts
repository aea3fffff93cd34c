// planmark's agent tools as VS Code language-model tools (Copilot agent mode and any
// chat participant): declared in package.json (`contributes.languageModelTools`),
// answered by the language server (`planmark/agentTool`), which runs the same
// implementation as `planmark mcp`. Ticking a task asks for confirmation first and
// is applied here as a WorkspaceEdit: one character, undoable.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { AGENT_TOOLS, AgentToolRequest, type AgentToolEdit, type AgentToolName } from '../../server/src/protocol';

/** The tools' names in VS Code: planmark's own prefix, then the name MCP gives them. */
export const toolId = (tool: AgentToolName) => `planmark_${tool}`;

interface ToolInput {
  path?: string;
  task?: string;
  rule?: string;
}

/** The tools by name, for tests: what VS Code calls, minus its confirmation dialog. */
export type AgentTools = ReadonlyMap<AgentToolName, vscode.LanguageModelTool<ToolInput>>;

export function registerAgentTools(client: LanguageClient): { tools: AgentTools; disposables: vscode.Disposable[] } {
  const tools = new Map(AGENT_TOOLS.map((tool) => [tool, new PlanTool(tool, client)]));
  // An editor without language-model tools (a fork of an older VS Code): nothing to offer.
  if (typeof vscode.lm?.registerTool !== 'function') return { tools, disposables: [] };
  return { tools, disposables: [...tools].map(([tool, impl]) => vscode.lm.registerTool(toolId(tool), impl)) };
}

class PlanTool implements vscode.LanguageModelTool<ToolInput> {
  constructor(
    private readonly tool: AgentToolName,
    private readonly client: LanguageClient,
  ) {}

  prepareInvocation(
    options: vscode.LanguageModelToolInvocationPrepareOptions<ToolInput>,
  ): vscode.PreparedToolInvocation {
    const { path, task, rule } = options.input;
    if (this.tool === 'plan_complete_task')
      return {
        invocationMessage: `Ticking ${task} in ${path}`,
        confirmationMessages: {
          title: 'Tick a plan task?',
          message: new vscode.MarkdownString(
            `planmark ticks **${task}** in \`${path}\`: one character of the file, undoable. It refuses while a dependency is open, a file the task names is missing, or the task has an error.`,
          ),
        },
      };
    const what: Record<Exclude<AgentToolName, 'plan_complete_task'>, string> = {
      plan_status: `Reading the status of ${path}`,
      plan_next_tasks: `Finding the next tasks in ${path}`,
      plan_validate: `Checking ${path}`,
      plan_explain_rule: `Explaining the planmark rule ${rule}`,
    };
    return { invocationMessage: what[this.tool] };
  }

  async invoke(
    options: vscode.LanguageModelToolInvocationOptions<ToolInput>,
    token: vscode.CancellationToken,
  ): Promise<vscode.LanguageModelToolResult> {
    const answer = await this.client.sendRequest(
      AgentToolRequest.type,
      { tool: this.tool, input: options.input },
      token,
    );
    // VS Code hands a thrown error's message to the model: the reason it can act on.
    if (!answer.ok) throw new Error(answer.reason);
    if (answer.edit) await applyTick(answer.edit);
    return new vscode.LanguageModelToolResult([
      new vscode.LanguageModelTextPart(answer.text),
      new vscode.LanguageModelTextPart(JSON.stringify(answer.data)),
    ]);
  }
}

/**
 * Writes the tick as a WorkspaceEdit (undoable), if the document still holds what the
 * server judged; a document that had no unsaved changes is saved, so that the agent's
 * other tools (git, the terminal) see the tick too.
 */
async function applyTick(edit: AgentToolEdit): Promise<void> {
  const uri = vscode.Uri.parse(edit.uri);
  const doc = await vscode.workspace.openTextDocument(uri);
  const { start, end } = edit.range;
  const range = new vscode.Range(start.line, start.character, end.line, end.character);
  const moved = edit.version !== undefined && doc.version !== edit.version;
  if (moved || doc.getText(range) !== edit.expected)
    throw new Error('The plan changed while planmark read it; call the tool again.');
  const wasDirty = doc.isDirty;
  const change = new vscode.WorkspaceEdit();
  change.replace(uri, range, edit.newText);
  if (!(await vscode.workspace.applyEdit(change))) throw new Error('VS Code did not apply the edit.');
  if (!wasDirty) await doc.save();
}
