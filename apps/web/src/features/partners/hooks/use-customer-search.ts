import { useUrlSearch } from "@/lib/use-url-search";

/** The Customers page's search: in the address as `?q=`, sent once typing pauses. */
export function useCustomerSearch() {
  return useUrlSearch();
}
