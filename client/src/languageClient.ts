// The language client, with planmark's view of what is an error in its log. VS Code's
// client writes `[Error] Server process exited with code 0.` after every normal stop
// (a restart, a reload, a settings change that restarts it), and requests that race a
// stop fail with "Starting server failed" or "Client is not running". None of them is
// a failure a user should see in red: exit code 0 is how the server ends after a
// shutdown request, and a request dropped while the client stops is asked again once
// it runs. They are logged as information; every other error stays an error.
import { LanguageClient, State } from 'vscode-languageclient/node';

const NORMAL_EXIT = /^Server process exited with code 0\.$/;
const RACING_STOP = /Starting server failed|Client is not running|connection got disposed|Connection is disposed/;

export class PlanmarkClient extends LanguageClient {
  /** Set while `stop()` runs (a restart, a reload, deactivation): requests failing then are expected. */
  stopping = false;

  override error(message: string, data?: unknown, showNotification: boolean | 'force' = true): void {
    const detail = data instanceof Error ? data.message : typeof data === 'string' ? data : '';
    if (NORMAL_EXIT.test(message)) return this.info(message, data, false);
    if ((this.stopping || this.state !== State.Running) && RACING_STOP.test(`${message} ${detail}`))
      return this.info(`${message} (while the server was stopping or starting; asked again once it runs)`, data, false);
    super.error(message, data, showNotification);
  }

  override async stop(timeout?: number): Promise<void> {
    this.stopping = true;
    try {
      await super.stop(timeout);
    } finally {
      this.stopping = false;
    }
  }
}
