import type { Page } from "@playwright/test";
import { expectKeyboardDialog, expectNoSeriousA11yViolations } from "./axe";
import { expect, nav, signInAs, test } from "./fixtures";

const PARTNER = "Northwind Partners";

/** The agent's view of Contoso: the page heading once the tenant layout let it in. */
async function expectInContoso(agent: Page): Promise<void> {
  await expect(nav(agent)).toBeVisible();
  await expect(agent.getByRole("button", { name: /^Switch organization.*Contoso/ })).toBeVisible();
}

/** The confirmation shown (and announced) once an operation went through. */
function toast(page: Page, text: string) {
  return page.locator(".fui-Toast").filter({ hasText: text });
}

// Settings › Partner relationships: Contoso's global admin removes Northwind's delegated admin privileges, and the
// partner's admin agent, with Contoso open in another browser, loses it at once; reinstated, the agent has it back.
// The relationship is left reinstated, without an end date: other specs in the run sign in as Northwind's agents.
test("the customer's global admin removes and reinstates a partner's delegated admin privileges", async ({
  page,
  api,
  browser,
}) => {
  test.setTimeout(120_000);
  const contoso = await api.tenant("admin@contoso.test", "contoso.test");

  // The partner's admin agent works in Contoso in a browser of its own.
  const agentContext = await browser.newContext({ locale: "en-GB" });
  await agentContext.addInitScript(() => window.localStorage.setItem("allot.language", "en"));
  const agent = await agentContext.newPage();
  await signInAs(agent, "agent@partner.test");
  await agent.goto(`/t/${contoso.id}/users`);
  await expectInContoso(agent);
  await expect(
    agent
      .getByRole("grid", { name: "Active users" })
      .getByText(/@contoso\.test$/)
      .first(),
  ).toBeVisible();

  await signInAs(page, "admin@contoso.test");
  await nav(page).getByRole("link", { name: "Settings", exact: true }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Partner relationships" })).toBeVisible();
  const table = page.getByRole("table", { name: "Partners with delegated access" });
  const row = table.getByRole("row").filter({ hasText: PARTNER });
  await expect(row).toContainText("partner.test");
  await expect(row).toContainText("Admin agent, Helpdesk agent");
  await expect(row).toContainText("Active");
  await expect(row.getByRole("list", { name: `Agents of ${PARTNER}` })).toContainText("Ruben Dekker");

  await test.step("the section passes axe in English and Dutch", async () => {
    await expectNoSeriousA11yViolations(page);
    await page.getByRole("radio", { name: "Nederlands" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Partnerrelaties" })).toBeVisible();
    const dutchRow = page.getByRole("table", { name: "Partners met gedelegeerde toegang" }).getByRole("row");
    await expect(dutchRow.filter({ hasText: PARTNER })).toContainText("Beheeragent, Helpdeskagent");
    await expectNoSeriousA11yViolations(page);
    await page.getByRole("radio", { name: "English" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Partner relationships" })).toBeVisible();
  });

  await test.step("an end date is set and cleared", async () => {
    await row.getByRole("button", { name: `Set end date of ${PARTNER}` }).click();
    const dialog = page.getByRole("dialog", { name: `Set end date of ${PARTNER}` });
    await dialog.getByRole("textbox", { name: /End date/ }).fill("31/12/2099");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toBeHidden();
    await expect(row).toContainText("Ends on 31 Dec 2099");
    await row.getByRole("button", { name: `Set end date of ${PARTNER}` }).click();
    await dialog.getByRole("button", { name: "Clear end date" }).click();
    await expect(dialog).toBeHidden();
    await expect(row).not.toContainText("Ends on");
  });

  await test.step("the admin removes the privileges after a warning", async () => {
    const remove = row.getByRole("button", { name: `Remove delegated admin privileges of ${PARTNER}` });
    await remove.click();
    const question = page.getByRole("alertdialog", { name: `Remove delegated admin privileges of ${PARTNER}?` });
    await expect(question).toContainText("lose access to this organization at once");
    await expectKeyboardDialog(page, question, remove);
    await remove.click();
    await question.getByRole("button", { name: "Remove privileges" }).click();
    await expect(question).toBeHidden();
    await expect(toast(page, `Delegated admin privileges of ${PARTNER} removed.`)).toBeVisible();
    await expect(row).toContainText("Privileges removed");
  });

  await test.step("the agent's next navigation in Contoso finds it gone", async () => {
    await agent.goto(`/t/${contoso.id}/groups`);
    await expect(agent.getByRole("heading", { level: 1, name: "Organization not available" })).toBeVisible();
    const reachable = agent.getByRole("list", { name: "Switch organization" });
    await expect(reachable.getByRole("link", { name: PARTNER })).toBeVisible();
    await expect(reachable.getByRole("link", { name: /Contoso/ })).toHaveCount(0);
    // Its other customer stays; Contoso is no longer among them.
    await reachable.getByRole("link", { name: PARTNER }).click();
    await expect(nav(agent)).toBeVisible();
    await agent.getByRole("button", { name: /^Switch organization/ }).click();
    await expect(agent.getByRole("menuitemradio", { name: /Tailspin Toys/ })).toBeVisible();
    await expect(agent.getByRole("menuitemradio", { name: /Contoso/ })).toHaveCount(0);
    await agent.keyboard.press("Escape");
  });

  await test.step("reinstated, the agent has Contoso back", async () => {
    await row.getByRole("button", { name: `Reinstate privileges of ${PARTNER}` }).click();
    await expect(toast(page, `${PARTNER} has its delegated admin privileges again.`)).toBeVisible();
    await expect(row).toContainText("Active");
    await expect(row.getByRole("button", { name: `Remove delegated admin privileges of ${PARTNER}` })).toBeVisible();

    await agent.reload();
    const switcher = agent.getByRole("button", { name: /^Switch organization/ });
    await switcher.click();
    await agent.getByRole("menuitemradio", { name: /Contoso/ }).click();
    await expect(agent).toHaveURL(new RegExp(`/t/${contoso.id}$`));
    await expectInContoso(agent);
    await agent.goto(`/t/${contoso.id}/users`);
    await expect(
      agent
        .getByRole("grid", { name: "Active users" })
        .getByText(/@contoso\.test$/)
        .first(),
    ).toBeVisible();
  });

  await agentContext.close();
});
