import type { Command } from "commander";

/** Every command path of the program ("" for the root, "users list"…) with its subcommands and its options. */
export function commandTree(program: Command): Map<string, { commands: string[]; options: string[] }> {
  const tree = new Map<string, { commands: string[]; options: string[] }>();
  const walk = (command: Command, path: string) => {
    const options = command.options.flatMap((option) => [option.long, option.short].filter((o): o is string => !!o));
    tree.set(path, {
      commands: command.commands.map((sub) => sub.name()),
      options: [...options, "--help"],
    });
    for (const sub of command.commands) walk(sub, path ? `${path} ${sub.name()}` : sub.name());
  };
  walk(program, "");
  return tree;
}

/** bash (zsh loads it through bashcompinit): completes the command path, then its options, then file names. */
export function bashCompletion(program: Command): string {
  const tree = commandTree(program);
  const cases = (pick: (entry: { commands: string[]; options: string[] }) => string[]) =>
    [...tree].map(([path, entry]) => `    "${path}") echo "${pick(entry).join(" ")}" ;;`).join("\n");
  return `# allot shell completion (bash). Load it: eval "$(allot completion bash)"
_allot_commands() {
  case "$1" in
${cases((entry) => entry.commands)}
  esac
}
_allot_words() {
  case "$1" in
${cases((entry) => [...entry.commands, ...entry.options])}
  esac
}
_allot() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" path="" i w
  for ((i = 1; i < COMP_CWORD; i++)); do
    w="\${COMP_WORDS[i]}"
    [[ "$w" == -* ]] && continue
    if [[ " $(_allot_commands "$path") " == *" $w "* ]]; then path="\${path:+$path }$w"; fi
  done
  COMPREPLY=($(compgen -W "$(_allot_words "$path")" -- "$cur"))
  if [[ \${#COMPREPLY[@]} -eq 0 ]]; then COMPREPLY=($(compgen -f -- "$cur")); fi
}
complete -F _allot allot
`;
}

export function zshCompletion(program: Command): string {
  return `#compdef allot
# allot shell completion (zsh). Load it: eval "$(allot completion zsh)"
autoload -U +X bashcompinit && bashcompinit
${bashCompletion(program).replace(/^# .*\n/, "")}`;
}

export function fishCompletion(program: Command): string {
  const tree = commandTree(program);
  const lines = ["# allot shell completion (fish). Load it: allot completion fish | source", "complete -c allot -f"];
  for (const [path, entry] of tree) {
    const words = path ? path.split(" ") : [];
    const last = words.at(-1);
    const children = entry.commands.join(" ");
    const condition = last
      ? `__fish_seen_subcommand_from ${last}${children ? `; and not __fish_seen_subcommand_from ${children}` : ""}`
      : "__fish_use_subcommand";
    if (children) lines.push(`complete -c allot -n '${condition}' -a '${children}'`);
    for (const option of entry.options.filter((o) => o.startsWith("--"))) {
      lines.push(`complete -c allot -n '${condition}' -l ${option.slice(2)}`);
    }
  }
  return `${lines.join("\n")}\n`;
}
