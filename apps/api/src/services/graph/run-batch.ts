import type { GraphBatchRequest } from "@allot/contracts";
import { AppError } from "../../lib/app-error.js";

type BatchItem = GraphBatchRequest["requests"][number];

export interface BatchAnswer {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Sends one request of a batch through the API itself (auth, throttling, validation and all). */
export type SendOne = (item: BatchItem) => Promise<BatchAnswer>;

/**
 * The order a batch runs in: each request after the requests it depends on (Graph's `dependsOn`). Ids must be
 * unique, dependencies must name requests of the batch, and no request may depend on itself through others: such a
 * batch is refused as a whole (400), as Graph does.
 */
export function batchOrder(requests: readonly BatchItem[]): BatchItem[] {
  const byId = new Map<string, BatchItem>();
  for (const [index, item] of requests.entries()) {
    if (byId.has(item.id)) throw invalid(`requests[${index}].id`, `the id "${item.id}" is used twice`);
    byId.set(item.id, item);
  }
  for (const [index, item] of requests.entries()) {
    for (const dependency of item.dependsOn ?? []) {
      if (!byId.has(dependency)) throw invalid(`requests[${index}].dependsOn`, `no request has the id "${dependency}"`);
    }
  }
  const ordered: BatchItem[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (item: BatchItem, index: number) => {
    if (state.get(item.id) === "done") return;
    if (state.get(item.id) === "visiting")
      throw invalid(`requests[${index}].dependsOn`, "the dependencies form a cycle");
    state.set(item.id, "visiting");
    for (const dependency of item.dependsOn ?? []) visit(byId.get(dependency) as BatchItem, index);
    state.set(item.id, "done");
    ordered.push(item);
  };
  requests.forEach(visit);
  return ordered;
}

function invalid(path: string, message: string): AppError {
  return new AppError("ValidationFailed", `The batch is invalid: ${message}.`, {
    errors: [{ path: `body.${path}`, message }],
  });
}

/**
 * Runs a JSON batch (Graph's `$batch`): one request after another in dependency order, each answered on its own.
 * A request whose dependency failed is not run: it answers 424 Failed Dependency, as Graph does. Answers come back
 * in the order the requests were sent.
 */
export async function runBatch(body: GraphBatchRequest, send: SendOne): Promise<BatchAnswer[]> {
  const answers = new Map<string, BatchAnswer>();
  for (const item of batchOrder(body.requests)) {
    const failed = (item.dependsOn ?? []).find((dependency) => (answers.get(dependency)?.status ?? 500) >= 400);
    answers.set(
      item.id,
      failed === undefined
        ? await send(item)
        : {
            id: item.id,
            status: 424,
            headers: { "Content-Type": "application/json" },
            body: {
              error: { code: "FailedDependency", message: `The request it depends on (${failed}) failed.` },
            },
          },
    );
  }
  return body.requests.map((item) => answers.get(item.id) as BatchAnswer);
}
