// `pnpm --filter @allot/db seed`: seeds the demo tenants into DATABASE_URL (idempotent).
import { createDb } from "../index.js";
import { seedDemo } from "./demo.js";

const db = createDb({ connectionString: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/allot" });
try {
  console.log((await seedDemo(db)) ? "demo data seeded" : "demo data already present");
} finally {
  await db.$disconnect();
}
