// EXPLAIN (ANALYZE, BUFFERS) condensed to a few lines: the top of the plan, every scan with its index, timings.
import type pg from "pg";

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Sort Method"?: string;
  Strategy?: string;
  "Parent Relationship"?: string;
  "Subplan Name"?: string;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Actual Total Time"?: number;
  "Rows Removed by Filter"?: number;
  "Rows Removed by Index Recheck"?: number;
  "Heap Fetches"?: number;
  "Shared Hit Blocks"?: number;
  "Shared Read Blocks"?: number;
  "Index Cond"?: string;
  Plans?: PlanNode[];
}

function label(node: PlanNode): string {
  let text = node["Node Type"];
  if (node.Strategy && node["Node Type"] === "Aggregate") text = `${node.Strategy} ${text}`;
  if (node["Sort Method"]) text += ` (${node["Sort Method"]})`;
  if (node["Index Name"]) text += ` using ${node["Index Name"]}`;
  else if (node["Relation Name"]) text += ` on ${node["Relation Name"]}`;
  return text;
}

function walk(node: PlanNode, visit: (node: PlanNode) => void): void {
  visit(node);
  for (const child of node.Plans ?? []) walk(child, visit);
}

const SCAN = /Scan$/;

/** Runs EXPLAIN (ANALYZE, BUFFERS) (per-node timing off: it distorts on slow clocks) on `sql` and returns a few readable lines. */
export async function explainSummary(
  pool: pg.Pool,
  sql: string,
  params: unknown[],
  settings: string[] = [],
): Promise<string[]> {
  const client = await pool.connect();
  let rows: unknown[];
  try {
    // Settings (e.g. SET LOCAL …) apply inside a transaction, like the request that ran them.
    if (settings.length > 0) await client.query("BEGIN");
    for (const setting of settings) await client.query(setting);
    ({ rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS, TIMING OFF, FORMAT JSON) ${sql}`, params));
    if (settings.length > 0) await client.query("COMMIT");
  } finally {
    client.release();
  }
  const result = (
    rows[0] as { "QUERY PLAN": Array<{ Plan: PlanNode; "Execution Time": number; "Planning Time": number }> }
  )["QUERY PLAN"][0] as { Plan: PlanNode; "Execution Time": number; "Planning Time": number };
  const top = result.Plan;

  // The main chain: follow single-child (or first-child, for joins) nodes from the top, skipping subplans.
  const chain: string[] = [];
  let node: PlanNode | undefined = top;
  while (node && chain.length < 5) {
    chain.push(label(node));
    const outer: PlanNode[] = (node.Plans ?? []).filter(
      (p) => p["Parent Relationship"] !== "SubPlan" && p["Parent Relationship"] !== "InitPlan",
    );
    node = outer.length === 1 ? outer[0] : undefined;
  }

  const scans: string[] = [];
  let seqScans = 0;
  let indexScans = 0;
  walk(top, (n) => {
    if (!SCAN.test(n["Node Type"])) return;
    if (n["Node Type"] === "Seq Scan") seqScans++;
    if (n["Index Name"]) indexScans++;
    const loops = n["Actual Loops"] ?? 1;
    const extra: string[] = [`rows=${n["Actual Rows"]}${loops > 1 ? `×${loops} loops` : ""}`];
    if (n["Rows Removed by Filter"])
      extra.push(`filtered out ${n["Rows Removed by Filter"]}${loops > 1 ? "/loop" : ""}`);
    if (n["Rows Removed by Index Recheck"]) extra.push(`recheck removed ${n["Rows Removed by Index Recheck"]}`);
    scans.push(`${label(n)} [${extra.join(", ")}]`);
  });
  const buffers = `shared hit=${top["Shared Hit Blocks"] ?? 0} read=${top["Shared Read Blocks"] ?? 0}`;
  return [
    ...(settings.length > 0 ? [`with: ${settings.join("; ")}`] : []),
    `top: ${chain.join(" → ")}${node ? " → …" : ""}`,
    `scans: ${scans.join("; ")}`,
    `indexes used: ${indexScans > 0 ? "yes" : "NO"}${seqScans > 0 ? `, ${seqScans} seq scan(s)` : ""}; execution ${result["Execution Time"].toFixed(2)} ms (planning ${result["Planning Time"].toFixed(2)} ms); ${buffers}`,
  ];
}
