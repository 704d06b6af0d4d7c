import type { Command } from "commander";
import { UsageError } from "../exit-codes.js";
import { booleanValue, type CommonOptions, start, withCommon } from "../options.js";
import { printRows } from "../output.js";
import { requirePerson } from "../session.js";

/** Self-service purchase policies (MSCommerce's Get-/Update-MSCommerceProductPolicy) and license requests. */
export function registerPolicies(program: Command): void {
  const selfService = program
    .command("self-service")
    .description("Whether makers may buy products themselves (MSCommerce's AllowSelfServicePurchase)");

  const policyColumns = [
    { header: "Product", value: (p: { skuPartNumber: string }) => p.skuPartNumber },
    { header: "Name", value: (p: { productName: string }) => p.productName },
    { header: "Available", value: (p: { available: boolean }) => p.available },
    { header: "Enabled", value: (p: { enabled: boolean }) => p.enabled },
    { header: "Trial sign-up", value: (p: { trialSignUpEnabled: boolean | null }) => p.trialSignUpEnabled },
  ];

  withCommon(selfService.command("list").description("Every product's self-service policy")).action(
    async (options: CommonOptions) => {
      const { session, format } = await start(options);
      requirePerson(session, "allot self-service");
      const { value } = await session.client.selfService.policies(session.tenantId);
      printRows(format, value, policyColumns, undefined, value);
    },
  );

  withCommon(
    selfService
      .command("set")
      .description("Allow or stop self-service purchase of a product (Update-MSCommerceProductPolicy)"),
  )
    .requiredOption("--sku <product>", "the product's part number (e.g. POWER_BI_PRO) or skuId")
    .option("--enabled <boolean>", "true or false: makers may buy it themselves", booleanValue)
    .option("--trial-sign-up <boolean>", "true or false: people may sign up for its trial", booleanValue)
    .addHelpText("after", "\nExample:\n  allot self-service set --sku POWER_BI_PRO --enabled false")
    .action(async (options: CommonOptions & { sku: string; enabled?: boolean; trialSignUp?: boolean }) => {
      if (options.enabled === undefined && options.trialSignUp === undefined) {
        throw new UsageError("Name --enabled, --trial-sign-up or both.");
      }
      const { session, format } = await start(options);
      requirePerson(session, "allot self-service set");
      const { value } = await session.client.selfService.policies(session.tenantId);
      const needle = options.sku.toLowerCase();
      const policy = value.find((p) => p.skuPartNumber.toLowerCase() === needle || p.skuId === needle);
      if (!policy) throw new UsageError(`--sku ${options.sku}: no such product (UnknownProduct).`);
      const updated = await session.client.selfService.set(session.tenantId, policy.skuId, {
        enabled: options.enabled,
        trialSignUpEnabled: options.trialSignUp,
      });
      printRows(format, [updated], policyColumns, undefined, updated);
    });

  const requests = program.command("requests").description("Makers' license requests: list, approve, deny");
  withCommon(requests.command("list").description("License requests, newest first"))
    .option("--status <status>", "pending, approved, denied or cancelled")
    .action(async (options: CommonOptions & { status?: string }) => {
      const { session, format } = await start(options);
      requirePerson(session, "allot requests");
      const items = [];
      let cursor: string | undefined;
      do {
        const page = await session.client.requests.list(session.tenantId, {
          status: options.status,
          limit: 200,
          cursor,
        });
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      printRows(
        format,
        items,
        [
          { header: "Id", value: (r) => r.id },
          { header: "Status", value: (r) => r.status },
          { header: "Requester", value: (r) => r.requester.email },
          { header: "Product", value: (r) => r.skuPartNumber },
          { header: "Message", value: (r) => r.message },
          { header: "Created", value: (r) => r.createdAt },
        ],
        undefined,
        items,
      );
    });

  const decided = [
    { header: "Id", value: (r: { id: string }) => r.id },
    { header: "Status", value: (r: { status: string }) => r.status },
    { header: "Product", value: (r: { skuPartNumber: string }) => r.skuPartNumber },
  ];
  withCommon(requests.command("approve").description("Approve a request: assigns the license").argument("<id>")).action(
    async (id: string, options: CommonOptions) => {
      const { session, format } = await start(options);
      requirePerson(session, "allot requests approve");
      const request = await session.client.requests.approve(session.tenantId, id);
      printRows(format, [request], decided, undefined, request);
    },
  );
  withCommon(
    requests.command("deny").description("Deny a request, with the reason the requester sees").argument("<id>"),
  )
    .requiredOption("--reason <text>", "why (shown to the requester)")
    .action(async (id: string, options: CommonOptions & { reason: string }) => {
      const { session, format } = await start(options);
      requirePerson(session, "allot requests deny");
      const request = await session.client.requests.deny(session.tenantId, id, { reason: options.reason });
      printRows(format, [request], decided, undefined, request);
    });
}
