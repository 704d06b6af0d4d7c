import { reportError } from "./errors.js";
import { buildProgram } from "./program.js";

// Entry point of the `allot` bin: runs one command and exits with the code scripts rely on (see exit-codes.ts).
const program = buildProgram();
try {
  await program.parseAsync(process.argv);
  process.exitCode ??= 0;
} catch (error) {
  process.exitCode = reportError(error);
}
