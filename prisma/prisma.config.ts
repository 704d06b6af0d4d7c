// The Prisma CLI runs with the JS engine and a driver adapter, so it never downloads a native engine
// (DESIGN.md §3). The 7.x adapter is used here only because 6.19's fails `migrate deploy`.
import { PrismaPg } from "adapter-pg7";
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "schema.prisma",
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "" }),
});
