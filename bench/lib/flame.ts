// Turns a V8 .cpuprofile (node --cpu-prof) into folded stacks, a self-written SVG flame graph and a table of where
// the time went, grouped by layer (Prisma, zod, auth, Fastify, JSON, our code, pg, …). No download, no dependency.
//
//   node --import tsx bench/lib/flame.ts <out-prefix> <title> <profile.cpuprofile>...
//   → <out-prefix>.folded (stack;stack;… microseconds), <out-prefix>.svg, and the table on stdout
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const NODE_CORE = "node core (event loop, http)";

/** Frames outside any request's work: the profile's own bookkeeping and the idle loop. */
const IGNORED = new Set(["(idle)", "(program)", "(root)"]);

/** The layer a frame belongs to, by its script; builtins (no script) answer null and take their caller's. */
export function layerOf(frame: CallFrame): string | null {
  const url = frame.url;
  const name = frame.functionName;
  if (name === "(garbage collector)") return "GC";
  if (!url) return /^(parse|stringify|JSONParse|JSONStringify|JsonParse|JsonStringify)$/.test(name) ? "JSON" : null;
  // wasm: the query compiler, the only WebAssembly in the process.
  if (/@prisma|prisma\/generated|query_compiler|\/runtime\/client|^wasm:/.test(url)) return "Prisma compiler/runtime";
  if (/\/zod\/|type-provider-zod|zod-to-json|\/contracts\//.test(url)) return "zod validation/serialization";
  if (/plugins\/auth|services\/auth\/|lib\/tokens/.test(url)) return "session/auth";
  if (/fast-json-stringify|secure-json-parse|json-duplicates|plugins\/json-body/.test(url)) return "JSON";
  if (/\/fastify\/|@fastify|find-my-way|avvio|light-my-request|fastify-plugin|\/pino/.test(url)) return "Fastify";
  if (/\/pg\/|pg-protocol|pg-pool|pg-types|postgres-|pgpass|resilient-pg/.test(url)) return "pg driver";
  if (/apps\/api\/src|packages\/domain/.test(url)) return "our service code";
  if (/\/bench\//.test(url)) return "bench client";
  if (/^node:/.test(url)) return null;
  return "other";
}

interface Analysis {
  totalMs: number;
  /** Folded stack ("a;b;c") → ms. */
  folded: Map<string, number>;
  layers: Map<string, number>;
  selfByFunction: Map<string, number>;
  inclusiveByFunction: Map<string, number>;
}

function frameLabel(frame: CallFrame): string {
  const file = frame.url
    .replace(/^.*node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?/, "")
    .replace(/^.*\/wt-[^/]+\//, "");
  const name = frame.functionName || "(anonymous)";
  return file ? `${name} ${file.replace(/^file:\/\//, "")}:${frame.lineNumber + 1}` : name;
}

export function analyze(profile: CpuProfile): Analysis {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const folded = new Map<string, number>();
  const layers = new Map<string, number>();
  const selfByFunction = new Map<string, number>();
  const inclusiveByFunction = new Map<string, number>();
  let totalMs = 0;
  for (const [id, us] of selfUs) {
    const leaf = byId.get(id);
    if (!leaf || IGNORED.has(leaf.callFrame.functionName)) continue;
    // The inspector serialising the profile when it stops (bench/lib/profile.ts): not the work measured.
    if (leaf.callFrame.functionName === "dispatch" && leaf.callFrame.url === "") continue;
    const value = us / 1000;
    totalMs += value;
    const stack: CallFrame[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at);
      if (node && node.callFrame.functionName !== "(root)") stack.push(node.callFrame);
    }
    stack.reverse();
    const labels = stack.map(frameLabel);
    const key = labels.join(";");
    folded.set(key, (folded.get(key) ?? 0) + value);
    // A builtin's time goes to the layer of its nearest caller that has one.
    let layer: string | null = null;
    for (let k = stack.length - 1; k >= 0 && layer === null; k--) layer = layerOf(stack[k] as CallFrame);
    // Node's own frames (a socket write, an event emitter) count for the layer that called them; what is left is the
    // event loop and HTTP parsing on their own.
    const named = layer ?? (stack.some((frame) => frame.url.startsWith("node:")) ? NODE_CORE : "other");
    layers.set(named, (layers.get(named) ?? 0) + value);
    const leafLabel = labels.at(-1) as string;
    selfByFunction.set(leafLabel, (selfByFunction.get(leafLabel) ?? 0) + value);
    for (const label of new Set(labels)) inclusiveByFunction.set(label, (inclusiveByFunction.get(label) ?? 0) + value);
  }
  return { totalMs, folded, layers, selfByFunction, inclusiveByFunction };
}

interface Tree {
  name: string;
  value: number;
  children: Map<string, Tree>;
}

function buildTree(folded: Map<string, number>): Tree {
  const root: Tree = { name: "all", value: 0, children: new Map() };
  for (const [stack, value] of folded) {
    root.value += value;
    let node = root;
    for (const name of stack.split(";")) {
      let child = node.children.get(name);
      if (!child) {
        child = { name, value: 0, children: new Map() };
        node.children.set(name, child);
      }
      child.value += value;
      node = child;
    }
  }
  return root;
}

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const LAYER_COLOURS: Record<string, string> = {
  "Prisma compiler/runtime": "#e06c5a",
  "zod validation/serialization": "#d9a441",
  "session/auth": "#b07cc6",
  Fastify: "#5fa8d3",
  JSON: "#8bc48a",
  "our service code": "#f0d35b",
  "pg driver": "#6fc2b0",
  [NODE_CORE]: "#a8a8a8",
  "bench client": "#cccccc",
  GC: "#7f7f7f",
  other: "#c9b08f",
};

/** A flame graph (root at the bottom) of the stacks, frames under `minShare` of the total left out. */
export function flameSvg(folded: Map<string, number>, title: string, minShare = 0.005): string {
  const root = buildTree(folded);
  const width = 1200;
  const rowHeight = 16;
  const minValue = root.value * minShare;
  const rects: string[] = [];
  let depthMax = 0;
  const layerByName = (name: string) => {
    const match = /^(.*) (\S+):(\d+)$/.exec(name);
    if (!match) return /^(parse|stringify)$/.test(name) ? "JSON" : name === "(garbage collector)" ? "GC" : "other";
    const url = match[2] as string;
    return (
      layerOf({ functionName: match[1] as string, url, lineNumber: 0 }) ??
      (url.startsWith("node:") ? NODE_CORE : "other")
    );
  };
  const walk = (node: Tree, x: number, depth: number) => {
    depthMax = Math.max(depthMax, depth);
    rects.push(
      `<g><title>${escapeXml(node.name)} — ${node.value.toFixed(0)} ms (${((100 * node.value) / root.value).toFixed(1)} %)</title>` +
        `<rect x="${x.toFixed(1)}" y="{Y${depth}}" width="${((width * node.value) / root.value).toFixed(1)}" height="${rowHeight - 1}" fill="${LAYER_COLOURS[layerByName(node.name)] ?? "#ccc"}"/>` +
        label(node.name, x, depth, (width * node.value) / root.value) +
        "</g>",
    );
    let childX = x;
    for (const child of [...node.children.values()].sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (child.value >= minValue) walk(child, childX, depth + 1);
      childX += (width * child.value) / root.value;
    }
  };
  const label = (name: string, x: number, depth: number, w: number) => {
    const chars = Math.floor((w - 4) / 6.5);
    if (chars < 3) return "";
    const text = name.length > chars ? `${name.slice(0, chars - 1)}…` : name;
    return `<text x="${(x + 2).toFixed(1)}" y="{T${depth}}">${escapeXml(text)}</text>`;
  };
  walk(root, 0, 0);
  const legendRows = Object.keys(LAYER_COLOURS);
  const top = 40;
  const height = top + (depthMax + 1) * rowHeight + 20 + legendRows.length * 0;
  const body = rects
    .join("\n")
    .replace(/\{Y(\d+)\}/g, (_, d) => String(height - 20 - (Number(d) + 1) * rowHeight))
    .replace(/\{T(\d+)\}/g, (_, d) => String(height - 20 - (Number(d) + 1) * rowHeight + 11));
  const legend = legendRows
    .map(
      (name, i) =>
        `<rect x="${i * 108}" y="22" width="10" height="10" fill="${LAYER_COLOURS[name]}"/><text x="${i * 108 + 13}" y="31">${escapeXml(name.replace(/ \(.*\)/, "").replace(/ validation\/serialization| compiler\/runtime| driver| client| code/, ""))}</text>`,
    )
    .join("");
  // The figure's own title names it for screen readers (and for biome's a11y rule on committed SVGs).
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${width}" height="${height}" font-family="monospace" font-size="10">
<title>Flame graph: ${escapeXml(title)}</title>
<text x="0" y="14" font-size="13">${escapeXml(title)} — ${root.value.toFixed(0)} ms CPU sampled; frames under ${(minShare * 100).toFixed(1)} % left out</text>
${legend}
${body}
</svg>
`;
}

export function report(analysis: Analysis, top = 15): string {
  const pct = (v: number) => `${((100 * v) / analysis.totalMs).toFixed(1)} %`;
  const lines = [
    `CPU sampled (idle and (program) left out): ${analysis.totalMs.toFixed(0)} ms`,
    "",
    "By layer (self):",
  ];
  for (const [name, v] of [...analysis.layers].sort((a, b) => b[1] - a[1])) {
    lines.push(`  ${pct(v).padStart(7)}  ${v.toFixed(0).padStart(7)} ms  ${name}`);
  }
  lines.push("", `Top ${top} self:`);
  for (const [name, v] of [...analysis.selfByFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    lines.push(`  ${pct(v).padStart(7)}  ${name}`);
  }
  lines.push("", `Top ${top} inclusive (below the event loop's own frames):`);
  const shallow = /^(processTicksAndRejections|listOnTimeout|processTimers|emit|onStreamRead|\(anonymous\)) node:/;
  for (const [name, v] of [...analysis.inclusiveByFunction]
    .filter(([name]) => !shallow.test(name))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)) {
    lines.push(`  ${pct(v).padStart(7)}  ${name}`);
  }
  return lines.join("\n");
}

/** Sums the analyses of several profiles (e.g. the passes of one bench). */
export function merge(analyses: readonly Analysis[]): Analysis {
  const sum = (pick: (a: Analysis) => Map<string, number>) => {
    const out = new Map<string, number>();
    for (const a of analyses) for (const [k, v] of pick(a)) out.set(k, (out.get(k) ?? 0) + v);
    return out;
  };
  return {
    totalMs: analyses.reduce((s, a) => s + a.totalMs, 0),
    folded: sum((a) => a.folded),
    layers: sum((a) => a.layers),
    selfByFunction: sum((a) => a.selfByFunction),
    inclusiveByFunction: sum((a) => a.inclusiveByFunction),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // flame.ts <out-prefix> <title> <profile.cpuprofile>...
  const [prefix, title, ...files] = process.argv.slice(2);
  if (!prefix || !title || files.length === 0) {
    process.stderr.write("usage: flame.ts <out-prefix> <title> <profile.cpuprofile>...\n");
    process.exit(2);
  }
  const analysis = merge(files.map((file) => analyze(JSON.parse(readFileSync(file, "utf8")) as CpuProfile)));
  writeFileSync(
    `${prefix}.folded`,
    `${[...analysis.folded].map(([stack, v]) => `${stack} ${Math.round(v * 1000)}`).join("\n")}\n`,
  );
  writeFileSync(`${prefix}.svg`, flameSvg(analysis.folded, title));
  process.stdout.write(`${report(analysis)}\n`);
}
