import { Command } from "commander";
import { registerAdmin } from "./commands/admin.js";
import { registerLicenses } from "./commands/licenses.js";
import { registerLogin } from "./commands/login.js";
import { registerPolicies } from "./commands/policies.js";
import { registerTenants } from "./commands/tenants.js";
import { registerUsers } from "./commands/users.js";
import { bashCompletion, fishCompletion, zshCompletion } from "./completion.js";
import { EXIT } from "./exit-codes.js";

/** The whole command tree. Usage errors (unknown command or flag, a missing value) exit with 2. */
export function buildProgram(): Command {
  const program = new Command("allot")
    .description("Allot from the terminal: users, licenses, imports, conflicts, audit")
    .version("0.0.0")
    .showHelpAfterError("(run with --help for usage)")
    .addHelpText(
      "after",
      "\nExit codes: 0 ok, 1 some rows failed, 2 usage error, 3 not signed in or not allowed.\n" +
        "Environment: ALLOT_URL and ALLOT_TOKEN override the saved login; ALLOT_TENANT picks the tenant.",
    );
  registerLogin(program);
  registerTenants(program);
  registerUsers(program);
  registerLicenses(program);
  registerAdmin(program);
  registerPolicies(program);
  program
    .command("completion")
    .description('Print a shell completion script: eval "$(allot completion bash)"')
    .argument("<shell>", "bash, zsh or fish")
    .action((shell: string) => {
      const scripts: Record<string, () => string> = {
        bash: () => bashCompletion(program),
        zsh: () => zshCompletion(program),
        fish: () => fishCompletion(program),
      };
      const script = scripts[shell];
      if (!script) program.error(`allot: completion for ${shell}: choose bash, zsh or fish.`, { exitCode: EXIT.usage });
      else process.stdout.write(script());
    });
  // Every command exits through main.ts (errors.ts decides the code); Commander's own refusals are usage errors.
  const exitOverride = (command: Command) => {
    command.exitOverride((error) => {
      throw error;
    });
    for (const sub of command.commands) exitOverride(sub);
  };
  exitOverride(program);
  return program;
}
