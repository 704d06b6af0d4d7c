import {
  type BulkJob,
  type BulkJobDetails,
  type BulkJobRequest,
  type BulkLicenseReport,
  bulkJobDetailsSchema,
  bulkJobPageSchema,
  bulkJobSchema,
  bulkLicenseReportSchema,
} from "@allot/contracts";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { invalidateAfterLicenseChange } from "./invalidate";
import { licensingKeys } from "./keys";

/** One license change for many users: what the preview shows and the job then applies. */
export type BulkChange = BulkJobRequest;

/** What the change would do, user by user and seat by seat, without committing anything (a dry run). */
export function previewBulkChange(
  tenantId: string,
  change: BulkChange,
  signal?: AbortSignal,
): Promise<BulkLicenseReport> {
  return apiRequest(tenantPath(tenantId, "licenses", "bulk"), {
    method: "POST",
    body: { ...change, atomic: false, dryRun: true },
    schema: bulkLicenseReportSchema,
    signal,
  });
}

export function startBulkJob(tenantId: string, change: BulkChange): Promise<BulkJob> {
  return apiRequest(tenantPath(tenantId, "licenses", "bulkJobs"), {
    method: "POST",
    body: change,
    schema: bulkJobSchema,
  });
}

export function getBulkJob(
  tenantId: string,
  jobId: string,
  { results, signal }: { results: boolean; signal?: AbortSignal | undefined },
): Promise<BulkJobDetails> {
  return apiRequest(tenantPath(tenantId, "licenses", "bulkJobs", jobId), {
    query: { results },
    schema: bulkJobDetailsSchema,
    signal,
  });
}

/**
 * The job's progress, and its per-user results once it has ended: a running job is polled without its results
 * (10,000 of them are megabytes), a finished one is read once more with them.
 */
async function getBulkJobForProgress(tenantId: string, jobId: string, signal: AbortSignal): Promise<BulkJobDetails> {
  const progress = await getBulkJob(tenantId, jobId, { results: false, signal });
  return finished(progress) ? getBulkJob(tenantId, jobId, { results: true, signal }) : progress;
}

export function useStartBulkJob(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: BulkChange) => startBulkJob(tenantId, change),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: licensingKeys.jobs(tenantId) }),
  });
}

const POLL_MS = 500;
const finished = (job: BulkJob | undefined) => job?.status === "succeeded" || job?.status === "failed";

export function bulkJobQueryOptions(tenantId: string, jobId: string) {
  return queryOptions({
    queryKey: licensingKeys.job(tenantId, jobId),
    queryFn: ({ signal }) => getBulkJobForProgress(tenantId, jobId, signal),
    // Poll while the job runs; a finished job no longer changes.
    refetchInterval: (query) => (finished(query.state.data) ? false : POLL_MS),
    staleTime: (query) => (finished(query.state.data) ? Number.POSITIVE_INFINITY : 0),
  });
}

/**
 * A background job, polled until it ends. Once seen finished, every licensing view is refreshed once, so lists,
 * seats and conflicts show what it did.
 */
export function useBulkJob(tenantId: string, jobId: string | null) {
  const queryClient = useQueryClient();
  const query = useQuery({ ...bulkJobQueryOptions(tenantId, jobId ?? ""), enabled: jobId !== null });
  const refreshedFor = useRef<string | null>(null);
  const done = finished(query.data);
  useEffect(() => {
    // Once per job seen finished (a short job can finish before its first poll).
    if (!done || !query.data || refreshedFor.current === query.data.id) return;
    refreshedFor.current = query.data.id;
    void invalidateAfterLicenseChange(queryClient, tenantId);
  }, [query.data, done, queryClient, tenantId]);
  return query;
}

/** The tenant's recent jobs, newest first (running ones are polled). */
export function useBulkJobs(tenantId: string, enabled = true) {
  return useQuery({
    queryKey: licensingKeys.jobs(tenantId),
    queryFn: ({ signal }) =>
      apiRequest(tenantPath(tenantId, "licenses", "bulkJobs"), {
        query: { limit: 20 },
        schema: bulkJobPageSchema,
        signal,
      }),
    refetchInterval: (query) => (query.state.data?.items.some((job) => !finished(job)) ? POLL_MS * 2 : false),
    enabled,
  });
}
