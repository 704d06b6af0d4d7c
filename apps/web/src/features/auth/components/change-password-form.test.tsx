import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { I18nProvider, loadCoreTexts } from "@/lib/i18n";
import { authTexts } from "../texts";
import { ChangePasswordForm } from "./change-password-form";

beforeAll(async () => {
  await loadCoreTexts("en");
  await authTexts.load("en");
});

afterEach(() => vi.unstubAllGlobals());

/** The API answers every call with this problem document (the API is outside the unit under test). */
function apiAnswers(problem: Record<string, unknown>) {
  const fetch = vi.fn(
    async () =>
      new Response(JSON.stringify(problem), {
        status: Number(problem.status),
        headers: { "Content-Type": "application/problem+json" },
      }),
  );
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

function renderForm() {
  const queryClient = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <ChangePasswordForm forced={false} onChanged={() => {}} />
      </I18nProvider>
    </QueryClientProvider>,
  );
  // A required field's label ends in an asterisk.
  const field = (name: RegExp) => screen.getByLabelText(name, { selector: "input" });
  return {
    current: field(/^Current password/),
    next: field(/^New password/),
    confirm: field(/^Confirm new password/),
    submit: screen.getByRole("button", { name: "Change password" }),
  };
}

describe("ChangePasswordForm", () => {
  it("explains a short new password and a differing confirmation, and sends nothing", async () => {
    const fetch = apiAnswers({ status: 500, type: "about:blank", title: "Unexpected", code: "InternalError" });
    const user = userEvent.setup();
    const form = renderForm();
    await user.type(form.current, "the-old-one");
    await user.type(form.next, "short");
    await user.type(form.confirm, "shorter");
    await user.click(form.submit);

    expect(await screen.findByText("Must be at least 12 characters.")).toBeTruthy();
    expect(screen.getByText("The two new passwords are not the same.")).toBeTruthy();
    expect(form.next.getAttribute("aria-invalid")).toBe("true");
    expect(fetch).not.toHaveBeenCalled();
  });

  it("puts the API's refusal of the current password beside that field, in the page's words", async () => {
    const fetch = apiAnswers({
      status: 422,
      type: "about:blank",
      title: "The current password is not right.",
      code: "ValidationFailed",
      errors: [{ path: "body.currentPassword", message: "is not your current password" }],
    });
    const user = userEvent.setup();
    const form = renderForm();
    await user.type(form.current, "not-the-old-one");
    await user.type(form.next, "A-long-enough-password");
    await user.type(form.confirm, "A-long-enough-password");
    await user.click(form.submit);

    expect(await screen.findByText("This is not your current password.")).toBeTruthy();
    expect(fetch).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(document.activeElement).toBe(form.current));
    expect(form.current.getAttribute("aria-invalid")).toBe("true");
    // The refusal is the field's, so no banner repeats it.
    expect(screen.queryByText("Some of the values are not valid. Check the highlighted fields.")).toBeNull();
  });
});
