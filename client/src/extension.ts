// The planmark extension: starts the language server, which does all the work.
// Custom views (outline, status) build on the client returned from `activate`.
import type { ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export interface PlanmarkApi {
  client: LanguageClient;
}

export async function activate(context: ExtensionContext): Promise<PlanmarkApi> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
    ],
    // Sends workspace/didChangeConfiguration when a `planmark.*` setting changes;
    // the server then asks for each folder's settings.
    synchronize: { configurationSection: 'planmark' },
  };
  client = new LanguageClient('planmark', 'planmark', serverOptions, clientOptions);
  await client.start();
  return { client };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
