import { USER_PAGE_SIZES } from "@allot/contracts";
import { useQueryParams } from "@/lib/hooks";

const DEFAULT_PAGE_SIZE = 25;

/** A page number from the address: a whole number from 1, else the first page. */
export function pageParam(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 && page <= 9999 ? page : 1;
}

/** A page size from the address: one the list offers, else the default. */
export function pageSizeParam(value: string | null): number {
  const size = Number(value);
  return (USER_PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE;
}

/**
 * Where the users page is, in the address (so Back, a reload and a shared link land on the same page): the page,
 * its size, and whether it shows all users or only the selected ones.
 */
export function useUsersPageParams() {
  const [params, update] = useQueryParams();
  return {
    page: pageParam(params.get("page")),
    pageSize: pageSizeParam(params.get("size")),
    showSelected: params.get("view") === "selected",
    setPage: (page: number) => update({ page: page > 1 ? String(page) : undefined }),
    // A new size starts again at the first page: the old page number means other users now.
    setPageSize: (size: number) =>
      update({ size: size === DEFAULT_PAGE_SIZE ? undefined : String(size), page: undefined }),
    setShowSelected: (selected: boolean) => update({ view: selected ? "selected" : undefined }),
  };
}
