import { createGroupRequestSchema } from "@allot/contracts";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { FormDialog } from "@/components/form-dialog";
import { ApiError } from "@/lib/api-client";
import { renderInApp } from "@/test/render";
import { useApiErrorOnFields } from "./api-errors";
import { TextField } from "./form-field";
import { useZodForm } from "./zod-form";

interface Draft {
  displayName: string;
}

/** A one-field form dialog as the features write them; `serverError` plays the mutation's error. */
function GroupForm({
  onSave,
  serverError = null,
  message,
}: {
  onSave: (body: unknown) => void;
  serverError?: unknown;
  message?: string;
}) {
  const form = useZodForm(createGroupRequestSchema, { defaultValues: { displayName: "" } satisfies Draft });
  const banner = useApiErrorOnFields(form, serverError, { GroupNameTaken: "displayName" });
  return (
    <FormDialog
      open
      title="New group"
      confirmLabel="Add"
      busyLabel="Adding…"
      busy={false}
      onConfirm={form.handleSubmit(onSave)}
      onClose={() => undefined}
      error={banner}
    >
      <TextField control={form.control} name="displayName" label="Name" required message={message} />
    </FormDialog>
  );
}

const taken = new ApiError({ status: 409, code: "GroupNameTaken", title: "Conflict" });

describe("a form on useZodForm", () => {
  it("words a contract's problem in the language shown and sends nothing", async () => {
    const onSave = vi.fn();
    await renderInApp(<GroupForm onSave={onSave} />, "nl");
    await userEvent.click(screen.getByRole("button", { name: "Add" }));
    expect(await screen.findByText("Vul een waarde in.")).toBeTruthy();
    expect(onSave).not.toHaveBeenCalled();
    // The field with the problem gets the focus, so a keyboard user lands on it.
    expect(document.activeElement).toBe(screen.getByRole("textbox", { name: /Name/ }));
  });

  it("shows a field's own wording of a problem when it has one", async () => {
    await renderInApp(<GroupForm onSave={vi.fn()} message="Name the group." />);
    await userEvent.click(screen.getByRole("button", { name: "Add" }));
    expect(await screen.findByText("Name the group.")).toBeTruthy();
  });

  it("hands the schema's parsed output to the submit handler", async () => {
    const onSave = vi.fn();
    await renderInApp(<GroupForm onSave={onSave} />);
    await userEvent.type(screen.getByRole("textbox", { name: /Name/ }), "Sales");
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0]?.[0]).toEqual({ displayName: "Sales" });
  });

  it("puts an API error code on its field, not in the banner", async () => {
    await renderInApp(<GroupForm onSave={vi.fn()} serverError={taken} />);
    expect(await screen.findByText("Another group already has this name.")).toBeTruthy();
    // Once, on the field: the banner would say it a second time.
    expect(screen.getAllByText("Another group already has this name.")).toHaveLength(1);
    expect(screen.getByRole("textbox", { name: /Name/ }).getAttribute("aria-invalid")).toBe("true");
  });

  it("puts an API error of no field in the banner", async () => {
    const down = new ApiError({ status: 503, code: "ServiceUnavailable", title: "Unavailable" });
    await renderInApp(<GroupForm onSave={vi.fn()} serverError={down} />);
    expect(await screen.findByRole("alert")).toBeTruthy();
    expect(screen.getByRole("textbox", { name: /Name/ }).getAttribute("aria-invalid")).not.toBe("true");
  });

  it("puts a 422's field errors on the fields they name", async () => {
    const invalid = new ApiError({
      status: 422,
      code: "ValidationFailed",
      title: "Invalid",
      fieldErrors: [{ path: "body.displayName", message: "is too long" }],
    });
    await renderInApp(<GroupForm onSave={vi.fn()} serverError={invalid} />);
    expect(await screen.findByText("is too long")).toBeTruthy();
  });
});

describe("an API error the form has no field for", () => {
  it("stays whole in the banner instead of vanishing onto a missing field", async () => {
    const refused = new ApiError({
      status: 409,
      code: "ValidationFailed",
      title: "Invalid",
      fieldErrors: [{ path: "body.skuId", message: "has a pending request already" }],
    });
    await renderInApp(<GroupForm onSave={vi.fn()} serverError={refused} />);
    expect(await screen.findByRole("alert")).toBeTruthy();
    expect(screen.getByRole("textbox", { name: /Name/ }).getAttribute("aria-invalid")).not.toBe("true");
  });
});
