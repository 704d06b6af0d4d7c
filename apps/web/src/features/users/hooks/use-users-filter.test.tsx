import { act, renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { BrowserRouter } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SEARCH_DELAY_MS, useUsersFilter } from "./use-users-filter";

// useQueryParams builds each update on window.location (see lib/hooks.ts), so the router here is the browser's own
// (jsdom's history) rather than a MemoryRouter, whose address window.location would not see.
function renderAt(address: string) {
  window.history.replaceState(null, "", address);
  const wrapper = ({ children }: { children: ReactNode }) => <BrowserRouter>{children}</BrowserRouter>;
  return renderHook(() => useUsersFilter(), { wrapper });
}

const query = () => new URLSearchParams(window.location.search);
const SKU = "0c266dff-15dd-4b49-8397-2bb16070ed52";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("useUsersFilter", () => {
  it("reads the list and its filters from the address, dropping what makes no sense", () => {
    const { result } = renderAt(`/users?q=ann&type=guest&role=licenseAdmin&licensed=false&sku=${SKU.toUpperCase()}`);
    expect(result.current.view).toBe("active");
    expect(result.current.filter).toEqual({
      search: "ann",
      type: "guest",
      role: "licenseAdmin",
      licensed: false,
      deleted: undefined,
      skuId: SKU,
    });
    expect(result.current.searchText).toBe("ann");

    const deleted = renderAt("/users?view=deleted&type=member&role=nobody&licensed=true&sku=not-an-id&user=u1");
    expect(deleted.result.current.view).toBe("deleted");
    expect(deleted.result.current.filter).toEqual({
      search: undefined,
      type: undefined,
      role: undefined,
      licensed: undefined,
      deleted: true,
      skuId: undefined,
    });
    expect(deleted.result.current.openUserId).toBe("u1");
  });

  it("sends typed text to the address only once typing pauses, trimmed", () => {
    const { result } = renderAt("/users");
    act(() => result.current.setSearchText("  ad"));
    act(() => vi.advanceTimersByTime(SEARCH_DELAY_MS / 2));
    act(() => result.current.setSearchText("  adele "));
    act(() => vi.advanceTimersByTime(SEARCH_DELAY_MS - 1));
    expect(query().get("q")).toBeNull();
    expect(result.current.filter.search).toBeUndefined();

    act(() => vi.advanceTimersByTime(1));
    expect(query().get("q")).toBe("adele");
    expect(result.current.filter.search).toBe("adele");
    // The box keeps what was typed.
    expect(result.current.searchText).toBe("  adele ");
  });

  it("searches at once on Enter", () => {
    const { result } = renderAt("/users");
    act(() => result.current.setSearchText("megan"));
    act(() => result.current.submitSearch());
    expect(query().get("q")).toBe("megan");
  });

  it("brings a search changed elsewhere (a chip, Back) back to the box", () => {
    const { result } = renderAt("/users?q=alex");
    act(() => result.current.updateParams({ q: undefined }));
    expect(result.current.searchText).toBe("");
    expect(result.current.filter.search).toBeUndefined();
  });

  it("keeps each filter change with the others and clears filters but not the list or the open user", () => {
    const { result } = renderAt("/users?view=guests&q=x&user=u7");
    act(() => result.current.updateParams({ role: "billingAdmin" }));
    act(() => result.current.setLicenseFilter(`sku:${SKU}`));
    expect(result.current.filter).toMatchObject({ search: "x", type: "guest", role: "billingAdmin", skuId: SKU });

    act(() => result.current.setLicenseFilter("unlicensed"));
    expect(query().get("sku")).toBeNull();
    expect(result.current.filter.licensed).toBe(false);

    act(() => result.current.clearFilters());
    expect(result.current.searchText).toBe("");
    expect(Object.fromEntries(query())).toEqual({ view: "guests", user: "u7" });
    // No debounced search comes back afterwards.
    act(() => vi.advanceTimersByTime(SEARCH_DELAY_MS * 2));
    expect(query().get("q")).toBeNull();
  });

  it("switches lists, dropping the filters and the open user but keeping the search", () => {
    const { result } = renderAt("/users?q=kim&role=globalAdmin&licensed=true&user=u2");
    act(() => result.current.selectView("deleted"));
    expect(Object.fromEntries(query())).toEqual({ q: "kim", view: "deleted" });
    act(() => result.current.selectView("active"));
    expect(Object.fromEntries(query())).toEqual({ q: "kim" });
  });

  it("opens and closes a user's details through the address", () => {
    const { result } = renderAt("/users?type=member");
    act(() => result.current.openUser({ id: "u9" }));
    expect(result.current.openUserId).toBe("u9");
    act(() => result.current.closeUser());
    expect(result.current.openUserId).toBeNull();
    expect(query().get("type")).toBe("member");
  });
});
