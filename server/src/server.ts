// The planmark language server. Transport from the command line: `--stdio`
// for any editor, `--node-ipc` when VS Code's client starts it.
import { createConnection } from 'vscode-languageserver/node';
import { startServer } from './lsp/startServer';

const connection = createConnection();

// Node ends the process on an unhandled rejection; one bug must not stop the server for every document.
process.on('unhandledRejection', (reason) =>
  connection.console.error(`Unhandled rejection: ${reason instanceof Error ? reason.stack : String(reason)}`),
);

startServer(connection);
connection.listen();
