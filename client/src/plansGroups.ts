// How the Plans view arranges the plans: groups (a spec-kit feature's files together, a
// Kiro spec, the other plans), labels that tell same-titled plans apart, and the text
// progress bar. No `vscode` here, so that unit tests run it without an editor.
import type { PlanSummary } from '../../server/src/protocol';

export type PlansNode = GroupNode | PlanNode;

export interface GroupNode {
  kind: 'group';
  id: string;
  label: string;
  plans: PlanNode[];
}

export interface PlanNode {
  kind: 'plan';
  id: string;
  plan: PlanSummary;
  /** The label: the title, with its folder when another plan has the same title. */
  label: string;
  parent?: GroupNode;
}

/** Five cells: the side bar is narrow, and the percentage beside the bar is exact. */
const BAR_CELLS = 5;

/** `██░░░`: the percentage in fifths, rounded down (a full bar means done). */
export function bar(percent: number): string {
  const full = Math.min(BAR_CELLS, Math.max(0, Math.floor(percent / (100 / BAR_CELLS))));
  return '█'.repeat(full) + '░'.repeat(BAR_CELLS - full);
}

/**
 * Groups: spec-kit features (a `specs/<feature>/` folder's plan and tasks together),
 * Kiro specs, and the other plans, each shown only when another group has plans too;
 * with several workspace folders, the folder's name leads the group's label. A group
 * is placed by its most recently changed plan.
 */
export function group(plans: readonly PlanSummary[], multiRoot: boolean): PlansNode[] {
  const groups = new Map<string, GroupNode>();
  const titles = new Map<string, number>();
  for (const p of plans) titles.set(p.title ?? '', (titles.get(p.title ?? '') ?? 0) + 1);
  for (const p of plans) {
    const name = groupName(p, multiRoot);
    let g = groups.get(name);
    if (!g) groups.set(name, (g = { kind: 'group', id: `group:${name}`, label: name, plans: [] }));
    const duplicate = (titles.get(p.title ?? '') ?? 0) > 1;
    const label = p.title ? (duplicate ? `${p.title} (${folderOf(p.path) || p.path})` : p.title) : p.path;
    g.plans.push({ kind: 'plan', id: `plan:${p.uri}`, plan: p, label, parent: g });
  }
  const list = [...groups.values()];
  if (list.length === 1) return list[0].plans.map((n) => ({ ...n, parent: undefined }));
  return list;
}

function groupName(p: PlanSummary, multiRoot: boolean): string {
  const root =
    multiRoot && p.folder ? `${decodeURIComponent(p.folder.replace(/\/$/, '').split('/').pop() ?? '')} · ` : '';
  const feature = /(?:^|\/)specs\/([^/]+)\/[^/]+$/.exec(p.path);
  if (p.profile?.id.startsWith('spec-kit') && feature) return `${root}spec-kit · ${feature[1]}`;
  const kiro = /(?:^|\/)\.kiro\/specs\/([^/]+)\/[^/]+$/.exec(p.path);
  if (kiro) return `${root}Kiro · ${kiro[1]}`;
  return `${root}Plans`;
}

function folderOf(path: string): string {
  return path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
}
