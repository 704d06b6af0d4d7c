import { expect, nav, signIn, test } from "./fixtures";

test("an admin creates a group, adds and removes a member, and deletes the group", async ({ page, api }) => {
  const contoso = await api.tenant("admin@contoso.test", "contoso.test");
  const [member] = (await api.users(contoso.id)).filter((user) => user.deletedAt === null);
  if (!member) throw new Error("no users seeded");
  const group = `E2E group ${Date.now()}`;

  await signIn(page, "admin@contoso.test");
  await nav(page).getByRole("link", { name: "Groups", exact: true }).click();
  await page.getByRole("button", { name: "Add a group" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a group" });
  await dialog.getByLabel("Name").fill(group);
  await dialog.getByRole("button", { name: "Add group" }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole("searchbox", { name: "Search groups" }).fill(group);
  await page.getByRole("button", { name: `Open details of ${group}` }).click();
  const panel = page.getByRole("dialog", { name: `Group ${group}` });
  await expect(panel.getByText("This group has no members yet.")).toBeVisible();

  await panel.getByRole("button", { name: "Add members" }).click();
  const picker = page.getByRole("dialog", { name: `Add members to ${group}` });
  await picker.getByRole("searchbox", { name: "Find users" }).fill(member.displayName);
  await picker.getByRole("checkbox", { name: new RegExp(member.displayName) }).check();
  await picker.getByRole("button", { name: "Add", exact: true }).click();
  await expect(picker).toBeHidden();
  await expect(panel.getByRole("cell", { name: member.displayName, exact: true })).toBeVisible();

  await panel.getByRole("button", { name: `Remove ${member.displayName} from the group` }).click();
  await expect(panel.getByText("This group has no members yet.")).toBeVisible();

  await panel.getByRole("button", { name: "Delete group" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete", exact: true }).click();
  await expect(panel).toBeHidden();
  await expect(page.getByText("No groups match your search.")).toBeVisible();
});
