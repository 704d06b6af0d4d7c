import type { Environment, Flow } from "@allot/contracts";
import { expectNoSeriousA11yViolations } from "./axe";
import { CONTOSO, expect, nav, signInAs, TenantApi, test } from "./fixtures";

// A maker edits its own flow: My flows › Default › a flow it just made (through the API, so the test stands on its
// own) › details › Edit flow: renamed and a connector added, saved; the list shows the new name. The dialog passes
// axe.

const MAKER = "maker@contoso.test";

test("a maker renames its flow and adds a connector from My flows", async ({ page, request }) => {
  test.setTimeout(120_000);
  const maker = new TenantApi(request);
  await maker.signIn(MAKER, CONTOSO.domain);
  const { items } = await maker.send<{ items: Environment[] }>("GET", "environments");
  const environment = items.find((candidate) => candidate.name === "Default");
  if (!environment) throw new Error("Contoso has no Default environment");
  const name = `E2E my flow ${Date.now()}`;
  const renamed = `${name} renamed`;
  await maker.send<Flow>("POST", `environments/${environment.id}/flows`, {
    name,
    kind: "cloud",
    connectors: ["shared_office365"],
  });

  await signInAs(page, MAKER);
  await nav(page).getByRole("link", { name: "My flows" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My flows" })).toBeVisible();
  await page.getByLabel("Environment").selectOption({ label: "Default" });
  await page.getByRole("button", { name: `Open details of ${name}` }).click();

  const pane = page.getByRole("dialog", { name: `Flow ${name}` });
  await pane.getByRole("button", { name: `Edit flow ${name}` }).click();
  const dialog = page.getByRole("dialog", { name: `Edit flow ${name}` });
  await expect(dialog.getByRole("checkbox", { name: "Office 365 Outlook" })).toBeChecked();
  await dialog.getByRole("textbox", { name: "Name" }).fill(renamed);
  await dialog.getByRole("checkbox", { name: "Microsoft Teams" }).check();
  await expectNoSeriousA11yViolations(page, { include: "[role='dialog']" });
  await dialog.getByRole("button", { name: "Save", exact: true }).click();
  await expect(dialog).toBeHidden();

  // The pane is named after the flow: saved, it carries the new name and the added connector, and it is exposed to
  // assistive technology again (the role query skips aria-hidden content) once focus is back on Edit flow.
  const saved = page.getByRole("dialog", { name: `Flow ${renamed}` });
  await expect(saved.getByText("Microsoft Teams")).toBeVisible();
  await saved.getByRole("button", { name: "Close" }).click();
  await expect(page.getByRole("button", { name: `Open details of ${renamed}` })).toBeVisible();
});
