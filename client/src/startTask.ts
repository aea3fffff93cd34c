// "Start task" (the language server's code lens on ready tasks): opens chat with the
// task's context, ready for the user to send, or copies it where there is no chat.
import * as vscode from 'vscode';

/** What the lens passes (server/src/features/startTask.ts). */
export interface StartTaskArgs {
  uri: string;
  line: number;
  prompt: string;
}

const OPEN_CHAT = 'workbench.action.chat.open';

export function registerStartTask(): vscode.Disposable {
  return vscode.commands.registerCommand('planmark.startTask', (args: StartTaskArgs) => startTask(args));
}

/** Where the task's context went: the chat input, or the clipboard. */
export async function startTask(args: StartTaskArgs): Promise<'chat' | 'clipboard'> {
  if ((await vscode.commands.getCommands(true)).includes(OPEN_CHAT)) {
    try {
      // A partial query: the user reads it, adds to it and sends it.
      await vscode.commands.executeCommand(OPEN_CHAT, { query: args.prompt, isPartialQuery: true });
      return 'chat';
    } catch {
      // No chat provider installed: fall through to the clipboard.
    }
  }
  await vscode.env.clipboard.writeText(args.prompt);
  void vscode.window.showInformationMessage('planmark: the task and its context are on the clipboard.');
  return 'clipboard';
}
