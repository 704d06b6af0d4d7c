#!/usr/bin/env node
// The `allot` command: runs the TypeScript source through tsx, as the API runs (no build step).
import { register } from "tsx/esm/api";

register();
await import("../src/main.ts");
