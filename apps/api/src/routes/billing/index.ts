import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { purchaseRoutes } from "./purchases.js";
import { subscriptionRoutes } from "./subscriptions.js";

/** Billing: subscriptions and the changes to them, then quotes, trials and self-service purchases. */
export const billingRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(subscriptionRoutes);
  await app.register(purchaseRoutes);
};
