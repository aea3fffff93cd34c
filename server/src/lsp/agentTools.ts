import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { TOOL_NAMES } from '../agents/planTools';
import { LineIndex, withoutBom } from '../engine';
import { PlanToolHost, type PlanTexts } from '../node/planToolHost';
import { engineFor } from '../node/settings';
import { AgentToolRequest, type AgentToolAnswer, type AgentToolEdit, type AgentToolParams } from '../protocol';
import type { Folder, Workspace } from './workspace';

// `planmark/agentTool`: VS Code's language-model tools, answered here by the same
// PlanToolHost as `planmark mcp`. Differences from MCP: a plan open in the editor is
// read as it reads there (unsaved edits included), the folder's settings are the
// editor's, and plan_complete_task does not write: it answers the one-character
// edit, which the client applies as a WorkspaceEdit (undoable, after confirmation).

export function registerAgentTools(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  workspace: Workspace,
) {
  const hosts = new Map<string, PlanToolHost>();
  const hostFor = (folder: Folder) => {
    let host = hosts.get(folder.path);
    if (!host)
      hosts.set(
        folder.path,
        (host = new PlanToolHost(folder.path, {
          engine: async () => engineFor(await workspace.settings(folder)),
          git: () => !workspace.restricted(),
        })),
      );
    return host;
  };

  connection.onRequest(AgentToolRequest.type, async ({ tool, input }: AgentToolParams): Promise<AgentToolAnswer> => {
    if (!(TOOL_NAMES as readonly string[]).includes(tool)) return { ok: false, reason: `No tool "${String(tool)}".` };
    const folder = folderFor(workspace.list(), input, documents);
    if (!folder) return { ok: false, reason: 'planmark answers its tools for a workspace folder: open one.' };
    let edit: AgentToolEdit | undefined;
    const texts: PlanTexts = {
      async read(path) {
        const open = openDocument(documents, path);
        return open ? open.getText() : withoutBom(await readFile(path, 'utf8'));
      },
      async tick(path, expected, offset) {
        const open = openDocument(documents, path);
        const now = open ? open.getText() : withoutBom(await readFile(path, 'utf8'));
        if (now !== expected) throw new Error('the plan changed while planmark read it; try again');
        const lines = new LineIndex(expected);
        edit = {
          uri: open?.uri ?? URI.file(path).toString(),
          range: { start: lines.position(offset), end: lines.position(offset + 1) },
          newText: 'x',
          expected: expected.charAt(offset),
          ...(open ? { version: open.version } : {}),
        };
      },
    };
    const result = await hostFor(folder).call(tool, input, texts);
    if (!result.ok) return result;
    return { ok: true, text: result.text, data: result.data, ...(edit ? { edit } : {}) };
  });
}

/**
 * The folder a tool's `path` is in: the one holding it when absolute; else the first
 * where it names an open document or a file; else the first folder.
 */
function folderFor(
  folders: readonly Folder[],
  input: unknown,
  documents: TextDocuments<TextDocument>,
): Folder | undefined {
  const path = (input as { path?: unknown } | null)?.path;
  if (typeof path !== 'string' || folders.length === 0) return folders[0];
  if (isAbsolute(path)) return folders.find((f) => !relative(f.path, path).startsWith('..')) ?? folders[0];
  return (
    folders.find((f) => openDocument(documents, join(f.path, path)) || existsSync(join(f.path, path))) ?? folders[0]
  );
}

function openDocument(documents: TextDocuments<TextDocument>, path: string): TextDocument | undefined {
  return documents.all().find((d) => d.uri.startsWith('file:') && URI.parse(d.uri).fsPath === path);
}
