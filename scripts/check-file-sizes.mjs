// Lint step: files a newcomer can hold in their head. A web source file may have at most 300 lines (text
// dictionaries aside: they are lists, not logic), an API service file at most 250. Prints each file over its limit
// and exits 1.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

const LIMITS = [
  {
    name: "a web source file",
    limit: 300,
    matches: (path) =>
      /^apps\/web\/src\/.+\.tsx?$/.test(path) &&
      !/\.test\.tsx?$/.test(path) &&
      // Text dictionaries: one key per line, English and Dutch side by side.
      !/^apps\/web\/src\/(lib\/i18n\/(en|nl|areas\/[^/]+)|features\/[^/]+\/texts(\/[^/]+)?)\.ts$/.test(path),
  },
  {
    name: "an API service file",
    limit: 250,
    matches: (path) => /^apps\/api\/src\/services\/.+\.ts$/.test(path) && !/\.test\.ts$/.test(path),
  },
];

/** Every file below a folder, as a path from the root; build output and dependencies are not code we write. */
function filesBelow(folder) {
  return readdirSync(`${root}/${folder}`, { withFileTypes: true }).flatMap((entry) => {
    const path = `${folder}/${entry.name}`;
    if (!entry.isDirectory()) return [path];
    return ["node_modules", "dist", "generated"].includes(entry.name) ? [] : filesBelow(path);
  });
}

const files = [...filesBelow("apps/web/src"), ...filesBelow("apps/api/src/services")];

const tooLong = [];
for (const path of files) {
  const rule = LIMITS.find((candidate) => candidate.matches(path));
  if (!rule) continue;
  const text = readFileSync(`${root}/${path}`, "utf8");
  const lines = text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
  if (lines > rule.limit) tooLong.push(`${path}: ${lines} lines (${rule.name} has at most ${rule.limit})`);
}

if (tooLong.length > 0) {
  console.error(`Files over their line limit; split them by job:\n  ${tooLong.join("\n  ")}`);
  process.exit(1);
}
console.log(`file sizes: ${files.length} files checked, none over its limit`);
