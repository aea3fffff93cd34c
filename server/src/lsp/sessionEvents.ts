import type { Connection } from 'vscode-languageserver/node';
import type { FileWatching } from './fileWatching';
import type { Session } from './session';
import type { Workspace } from './workspace';

// The client's notifications about the session rather than a document:
// initialize/initialized, workspace folders, pushed settings and watched files.
// Each becomes one of three things the rest of the server understands: the
// session started, settings changed, the plans on disk changed.

export interface SessionEventDeps {
  session: Session;
  workspace: Workspace;
  watching: FileWatching;
  /** After `initialized`: start what should not wait for the first document (the parse worker). */
  started(): void;
  /** Settings or folders changed: every analysis may differ. */
  settingsChanged(): void;
  /** Files changed on disk; `plans` when Markdown files did (the list of plans may differ). */
  filesChanged(plans: boolean): void;
}

export function registerSessionEvents(connection: Connection, deps: SessionEventDeps): void {
  const { session, workspace, watching } = deps;
  connection.onInitialize((params) => {
    const result = session.initialize(params);
    workspace.setFolders(session.folders);
    const { watcherRegistration, relativePatterns } = session.features;
    watching.connect(watcherRegistration ? connection.client : undefined, relativePatterns);
    return result;
  });

  connection.onInitialized(() => {
    deps.started();
    watching.start();
    if (!session.features.workspaceFolders) return;
    connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
      workspace.setFolders(session.changeFolders(added, removed));
      deps.settingsChanged();
    });
  });

  connection.onDidChangeConfiguration(({ settings }) => {
    session.pushedSettings = (settings as { planmark?: unknown } | null)?.planmark;
    deps.settingsChanged();
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    const changed = watching.classify(changes);
    if (changed.settings) deps.settingsChanged();
    deps.filesChanged(changed.plans);
  });
}
