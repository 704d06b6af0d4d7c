import { type Person, peopleSchema } from "@allot/contracts";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { accountKeys } from "./keys";

export const PEOPLE_LIMIT = 20;

export type { Person };

/** GET people: the directory lookup any signed-in member may use (makers have no directory.read). */
export async function searchPeople(tenantId: string, search: string, signal?: AbortSignal): Promise<Person[]> {
  const body = await apiRequest(tenantPath(tenantId, "people"), {
    query: { search: search || undefined, limit: PEOPLE_LIMIT },
    schema: peopleSchema,
    signal,
  });
  return body.value;
}

export function peopleQueryOptions(tenantId: string, search: string) {
  return queryOptions({
    queryKey: accountKeys.people(tenantId, search),
    queryFn: ({ signal }) => searchPeople(tenantId, search, signal),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

/** People whose name or email matches, for the buyer's people picker. */
export function usePeople(tenantId: string, search: string, enabled: boolean) {
  return useQuery({ ...peopleQueryOptions(tenantId, search), enabled });
}
