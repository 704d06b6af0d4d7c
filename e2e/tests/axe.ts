import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page } from "@playwright/test";

export interface A11yOptions {
  /** Limit the check to this CSS selector (e.g. a dialog). */
  include?: string;
  /** Leave out these CSS selectors. */
  exclude?: string[];
  /** Record a failure but let the test go on (to check many pages in one run). */
  soft?: boolean;
}

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
/**
 * Fluent UI's focus manager (tabster) puts focusable, aria-hidden <i data-tabster-dummy> sentinels around toolbars,
 * lists and dialogs; they only pass focus on and screen readers must skip them. axe's aria-hidden-focus flags them:
 * a known false positive (microsoft/tabster#288), so they are left out of every check.
 */
const ALWAYS_EXCLUDED = ["[data-tabster-dummy]"];
const BLOCKING = new Set(["serious", "critical"]);

/**
 * While a Fluent dialog is open its focus manager marks the rest of the app aria-hidden, and it lifts that only after
 * the dialog's exit animation, a little after the dialog itself is hidden. A page-wide check started in that gap
 * reports the whole app as aria-hidden-focus (a CI flake), so it first waits, up to 15 s (a loaded CI machine has
 * taken more than 5), for the page's main landmark to be exposed again. If it never is, axe reports it as the
 * violation it then is.
 */
async function waitForModalToRelease(page: Page): Promise<void> {
  await page
    .waitForFunction(() => document.querySelector('[aria-hidden="true"]:has(main)') === null, undefined, {
      timeout: 15_000,
    })
    .catch(() => undefined);
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page as it is now and fails the test on any violation of
 * impact serious or critical, listing each rule with its impact, help text and the offending selectors.
 */
export async function expectNoSeriousA11yViolations(page: Page, options: A11yOptions = {}): Promise<void> {
  if (!options.include) {
    await waitForModalToRelease(page);
    // A confirmation toast fading in is painted in colours too pale for axe's contrast check until it has arrived.
    await animationsSettled(page.locator("body"));
  }
  let builder = new AxeBuilder({ page }).withTags(TAGS);
  if (options.include) builder = builder.include(options.include);
  for (const selector of [...ALWAYS_EXCLUDED, ...(options.exclude ?? [])]) builder = builder.exclude(selector);
  const results = await builder.analyze();
  const blocking = results.violations.filter((violation) => BLOCKING.has(violation.impact ?? ""));
  const report = blocking
    .map((violation) => {
      const targets = violation.nodes
        .slice(0, 10)
        .map((node) => `    - ${node.target.map((part) => String(part)).join(" ")}: ${node.html.slice(0, 160)}`)
        .join("\n");
      const more = violation.nodes.length > 10 ? `\n    … and ${violation.nodes.length - 10} more` : "";
      return `  [${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n${targets}${more}`;
    })
    .join("\n");
  const check = options.soft ? expect.soft : expect;
  check(blocking.length, `Serious/critical accessibility violations on ${page.url()}:\n${report}`).toBe(0);
}

/**
 * Waits (up to 3 s) for the finite animations and transitions inside `locator` to end: a dialog's entrance, a button
 * changing colour as it becomes enabled. axe measures colours as they are painted, so a button caught mid-fade fails
 * colour contrast (a CI flake under load). Endless ones (spinners) are not waited for.
 */
async function animationsSettled(locator: Locator): Promise<void> {
  await locator.evaluate((element) =>
    Promise.race([
      Promise.all(
        element
          .getAnimations({ subtree: true })
          .filter((animation) => animation.effect?.getTiming().iterations !== Number.POSITIVE_INFINITY)
          .map((animation) => animation.finished.catch(() => undefined)),
      ),
      new Promise((resolve) => setTimeout(resolve, 3_000)),
    ]),
  );
}

/** Whether the element focused now is inside this element. */
function holdsFocus(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element.contains(document.activeElement));
}

/**
 * A dialog as a keyboard and screen-reader user meets it: exposed (found by its role and name, so not aria-hidden),
 * no serious or critical axe violation in it, focus moved into it, Tab and Shift+Tab kept inside, Escape closes it,
 * and focus goes back to `returnTo` (the opener, or the page's main area when the opener was on another page).
 */
export async function expectKeyboardDialog(page: Page, dialog: Locator, returnTo: Locator): Promise<void> {
  await expect(dialog).toBeVisible();
  await expect.poll(() => holdsFocus(dialog), { message: "focus moves into the dialog" }).toBe(true);
  await animationsSettled(dialog);
  await expectNoSeriousA11yViolations(page, { include: "[role='dialog'], [role='alertdialog']" });
  for (let step = 0; step < 10; step++) {
    await page.keyboard.press("Tab");
    expect(await holdsFocus(dialog), `Tab ${step + 1} stays in the dialog`).toBe(true);
  }
  for (let step = 0; step < 3; step++) {
    await page.keyboard.press("Shift+Tab");
    expect(await holdsFocus(dialog), `Shift+Tab ${step + 1} stays in the dialog`).toBe(true);
  }
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(returnTo).toBeFocused();
}
