// The Plan Graph, drawn inside its webview (a browser page, bundled by esbuild:
// no CDN, strict CSP). Tasks stand in wave columns: dagre (a layout library)
// orders them within a column to keep edges from crossing, with each task's
// rank pinned to its wave. States are theme colours; the critical path is
// thick. Keyboard: arrows move between tasks (left/right: waves, up/down: within
// a wave), Enter reveals the task's line, + / - / 0 zoom; mouse: drag to pan,
// wheel to zoom, click to reveal.
import Panzoom, { type PanzoomObject } from '@panzoom/panzoom';
import { formatHours } from '../../../../server/src/engine/hours';
import type { PlanGraphView } from '../../../../server/src/protocol';
import { layoutGraph, layoutKey, NODE_H, NODE_W, type GraphLayout } from './layout';

interface VsCodeApi {
  postMessage(message: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const SVG = 'http://www.w3.org/2000/svg';

const stage = document.getElementById('stage')!;
const canvas = document.getElementById('canvas')!;
const summary = document.getElementById('summary')!;
let panzoom: PanzoomObject | undefined;
let graph: PlanGraphView | undefined;
/** How long the last layout took (reported in snapshots: the 500-task check prints it). */
let lastLayoutMs = 0;
/** How many layouts the page computed (reported in snapshots: a test proves edits reuse them). */
let layouts = 0;
/** The last layout and its key: the graph redraws after every edit, but lays out again only when tasks, waves or dependencies change. */
let lastLayout: { key: string; laid: GraphLayout } | undefined;

window.addEventListener(
  'message',
  (event: MessageEvent<{ type: string; graph?: PlanGraphView | null; fit?: boolean; id?: string; key?: string }>) => {
    const message = event.data;
    if (message.type === 'graph') render(message.graph ?? undefined, message.fit === true);
    if (message.type === 'snapshot') vscode.postMessage({ type: 'snapshot', snapshot: snapshot() });
    // The in-editor test acts as a user would: a click on a task, a key press; the page's own handlers run.
    if (message.type === 'click' && message.id)
      canvas
        .querySelector(`g.node[data-id="${CSS.escape(message.id)}"]`)
        ?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    if (message.type === 'key' && message.key)
      (document.activeElement ?? document).dispatchEvent(
        new KeyboardEvent('keydown', { key: message.key, bubbles: true }),
      );
  },
);

/** Draws the graph; `fit` (a newly shown plan) scales it to the view, otherwise pan and zoom stay as they were. */
function render(next: PlanGraphView | undefined, fit: boolean): void {
  const focused = (document.activeElement as HTMLElement | null)?.dataset?.id;
  graph = next;
  canvas.replaceChildren();
  if (!graph || graph.nodes.length === 0) {
    summary.textContent = graph ? 'This plan has no tasks.' : 'Open a plan to see its tasks here.';
    return;
  }
  summary.textContent = describe(graph);
  const svg = draw(graph);
  canvas.append(svg);
  if (!panzoom) {
    panzoom = Panzoom(canvas, { maxScale: 4, minScale: 0.05, canvas: true, cursor: 'grab', origin: '0 0' });
    stage.addEventListener('wheel', (e) => panzoom!.zoomWithWheel(e));
    fit = true;
  }
  if (fit) fitToView();
  const again = focused && canvas.querySelector<SVGGElement>(`g.node[data-id="${CSS.escape(focused)}"]`);
  if (again) again.focus({ preventScroll: true });
}

/** The view was fitted and the user has not panned or zoomed since: a resized panel fits again. */
let fitted = false;
window.addEventListener('resize', () => fitted && fitToView());
stage.addEventListener('pointerdown', () => (fitted = false));
stage.addEventListener('wheel', () => (fitted = false));

/** The whole graph in view, but never enlarged and never below a readable scale. */
function fitToView(): void {
  fitted = true;
  const svg = canvas.querySelector('svg');
  if (!panzoom || !svg) return;
  const scale = Math.min(1, stage.clientWidth / svg.width.baseVal.value, stage.clientHeight / svg.height.baseVal.value);
  panzoom.zoom(Math.max(0.3, scale), { animate: false });
  panzoom.pan(0, 0, { animate: false });
}

function describe(g: PlanGraphView): string {
  const open = g.nodes.filter((n) => n.state !== 'done').length;
  const parts = [
    `${g.nodes.length} tasks, ${open} not done, ${g.waves.length} waves`,
    `${g.ready.length} ready`,
    `${g.blocked.length} blocked`,
  ];
  if (g.criticalPath.length > 0)
    parts.push(`critical path ${g.criticalPath.length} tasks, ${formatHours(g.criticalPathHours)}`);
  if (g.phaseOrder) parts.push('phases run in order');
  return parts.join(' · ');
}

function draw(g: PlanGraphView): SVGSVGElement {
  const key = layoutKey(g);
  if (lastLayout?.key !== key) {
    const started = performance.now();
    lastLayout = { key, laid: layoutGraph(g) };
    layouts++;
    lastLayoutMs = performance.now() - started;
  }
  const laid = lastLayout.laid;
  const { width, height } = laid;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('role', 'group');
  svg.setAttribute('aria-label', `Plan graph: ${describe(g)}`);

  // Wave columns, behind everything.
  const waves = g.waves.length;
  for (const [w, x] of [...laid.columns].sort((a, b) => a[0] - b[0])) {
    const band = el('rect', {
      class: `column${w % 2 ? ' odd' : ''}`,
      x: x - NODE_W / 2 - 8,
      y: 4,
      width: NODE_W + 16,
      height: height - 8,
      rx: 6,
    });
    const title = el('text', { class: 'column-title', x, y: 24, 'text-anchor': 'middle' });
    title.textContent = w > waves ? 'In a cycle' : `Wave ${w}`;
    svg.append(band, title);
  }

  const critical = new Set(g.criticalPath);
  const criticalEdges = new Set(g.criticalPath.slice(1).map((id, i) => `${g.criticalPath[i]}>${id}`));
  for (const e of laid.edges) {
    const points = e.points;
    const path = el('path', {
      class: `edge${criticalEdges.has(`${e.from}>${e.to}`) ? ' critical' : ''}`,
      d: points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' '),
      'marker-end': criticalEdges.has(`${e.from}>${e.to}`) ? 'url(#arrow-critical)' : 'url(#arrow)',
    });
    path.dataset.from = e.from;
    path.dataset.to = e.to;
    svg.append(path);
  }
  svg.prepend(markers());

  for (const n of g.nodes) {
    const { x, y } = laid.nodes.get(n.id)!;
    const node = el('g', {
      class: `node state-${n.state}${critical.has(n.id) ? ' critical' : ''}`,
      transform: `translate(${(x - NODE_W / 2).toFixed(1)},${(y - NODE_H / 2).toFixed(1)})`,
      tabindex: 0,
      role: 'button',
    });
    node.dataset.id = n.id;
    node.dataset.line = String(n.line);
    const blocked = g.blocked.find((b) => b.id === n.id);
    node.setAttribute(
      'aria-label',
      [
        n.id,
        n.title,
        n.state === 'blocked' && blocked ? `blocked by ${blocked.by.join(', ')}` : n.state,
        n.wave ? `wave ${n.wave}` : 'in a dependency cycle',
        n.estimateHours !== null ? `${n.estimateHours} hours` : 'no estimate',
        critical.has(n.id) ? 'on the critical path' : '',
      ]
        .filter(Boolean)
        .join(', '),
    );
    const tip = el('title', {});
    tip.textContent = `${n.id}: ${n.title}${blocked ? `\nBlocked by ${blocked.by.join(', ')}` : ''}`;
    const box = el('rect', { width: NODE_W, height: NODE_H, rx: 6 });
    const head = el('text', { class: 'id', x: 10, y: 19 });
    head.textContent = `${stateGlyph(n.state)} ${n.id}`;
    const hours = el('text', { class: 'hours', x: NODE_W - 10, y: 19, 'text-anchor': 'end' });
    hours.textContent = n.estimateHours !== null ? formatHours(n.estimateHours) : '—';
    const title = el('text', { class: 'title', x: 10, y: 39 });
    title.textContent = n.title.length > 32 ? `${n.title.slice(0, 31)}…` : n.title;
    node.append(tip, box, head, hours, title);
    svg.append(node);
  }
  return svg;
}

function stateGlyph(state: string): string {
  return state === 'done' ? '✓' : state === 'blocked' ? '×' : state === 'in-progress' ? '◐' : '○';
}

function markers(): SVGDefsElement {
  const defs = el('defs', {}) as SVGDefsElement;
  for (const [id, cls] of [
    ['arrow', 'arrow'],
    ['arrow-critical', 'arrow critical'],
  ]) {
    const marker = el('marker', {
      id,
      viewBox: '0 0 10 10',
      refX: 10,
      refY: 5,
      markerWidth: 7,
      markerHeight: 7,
      orient: 'auto-start-reverse',
    });
    marker.append(el('path', { d: 'M0,0 L10,5 L0,10 z', class: cls }));
    defs.append(marker);
  }
  return defs;
}

function el(name: string, attrs: Record<string, string | number>): SVGElement {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

// Clicks and keys.
canvas.addEventListener('click', (e) => {
  const node = (e.target as Element).closest<SVGGElement>('g.node');
  if (node) reveal(node);
});
document.addEventListener('keydown', (e) => {
  const current = document.activeElement?.closest<SVGGElement>('g.node') ?? undefined;
  if (e.key === 'Enter' || e.key === ' ') {
    if (current) {
      reveal(current);
      e.preventDefault();
    }
    return;
  }
  const zoom = { '+': 'zoomIn', '=': 'zoomIn', '-': 'zoomOut', '0': 'reset' } as const;
  if (e.key in zoom) {
    const action = zoom[e.key as keyof typeof zoom];
    if (action === 'reset') fitToView();
    else {
      fitted = false;
      panzoom?.[action]();
    }
    return;
  }
  const moves: Record<string, [number, number]> = {
    ArrowLeft: [-1, 0],
    ArrowRight: [1, 0],
    ArrowUp: [0, -1],
    ArrowDown: [0, 1],
  };
  const move = moves[e.key];
  if (!move) return;
  e.preventDefault();
  const next = current ? neighbour(current.dataset.id!, move[0], move[1]) : firstNode();
  if (next) focusNode(next);
});

function reveal(node: SVGGElement): void {
  vscode.postMessage({ type: 'reveal', line: Number(node.dataset.line) });
}

function firstNode(): string | undefined {
  return graph?.nodes[0]?.id;
}

/** The task in the next wave (nearest by height), or the one above / below in the same wave. */
function neighbour(id: string, dWave: number, dRow: number): string | undefined {
  const placed = lastLayout?.laid.nodes;
  const here = placed?.get(id);
  if (!placed || !here) return undefined;
  let best: string | undefined;
  let bestScore = Infinity;
  for (const [other, p] of placed) {
    if (other === id) continue;
    if (dWave !== 0) {
      if (p.wave !== here.wave + dWave) continue;
      const score = Math.abs(p.y - here.y);
      if (score < bestScore) [best, bestScore] = [other, score];
    } else {
      if (p.wave !== here.wave || Math.sign(p.y - here.y) !== dRow) continue;
      const score = Math.abs(p.y - here.y);
      if (score < bestScore) [best, bestScore] = [other, score];
    }
  }
  return best;
}

function focusNode(id: string): void {
  const node = canvas.querySelector<SVGGElement>(`g.node[data-id="${CSS.escape(id)}"]`);
  if (!node) return;
  node.focus({ preventScroll: true });
  // Keep the focused task in view: pan so that it is centred when it left the stage.
  const box = node.getBoundingClientRect();
  const view = stage.getBoundingClientRect();
  if (panzoom && (box.left < view.left || box.right > view.right || box.top < view.top || box.bottom > view.bottom)) {
    const scale = panzoom.getScale();
    const pan = panzoom.getPan();
    panzoom.pan(
      pan.x + (view.left + view.width / 2 - (box.left + box.width / 2)) / scale,
      pan.y + (view.top + view.height / 2 - (box.top + box.height / 2)) / scale,
    );
  }
}

/** What the graph shows, read from the DOM, for the in-editor test. */
function snapshot() {
  const nodes = [...canvas.querySelectorAll<SVGGElement>('g.node')].map((n) => ({
    id: n.dataset.id!,
    state: [...n.classList].find((c) => c.startsWith('state-'))!.slice(6),
    critical: n.classList.contains('critical'),
    focusable: n.getAttribute('tabindex') === '0',
    label: n.getAttribute('aria-label'),
  }));
  const edges = [...canvas.querySelectorAll<SVGPathElement>('path.edge')].map((e) => ({
    from: e.dataset.from!,
    to: e.dataset.to!,
    critical: e.classList.contains('critical'),
  }));
  const columns = [...canvas.querySelectorAll('text.column-title')].map((t) => t.textContent);
  const focused = (document.activeElement as HTMLElement | null)?.dataset?.id ?? null;
  return {
    nodes,
    edges,
    columns,
    summary: summary.textContent,
    focused,
    scale: panzoom?.getScale() ?? 1,
    layoutMs: lastLayoutMs,
    layouts,
    stage: { width: stage.clientWidth, height: stage.clientHeight },
  };
}

vscode.postMessage({ type: 'ready' });
