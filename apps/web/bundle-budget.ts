import { gzipSync } from "node:zlib";
import type { Plugin } from "vite";

/**
 * The budget of the first route: what the browser must download (gzip) before anything shows, whatever the address
 * (issue 19: at most 250 KB; it was 290 KB while the shell was part of it).
 */
export const FIRST_ROUTE_LIMIT_KB = 250;

/**
 * Pages a visitor meets first, by the route modules they load on top of the first route: what each costs in all is
 * printed (not budgeted: a page's own chunks come after the first paint of the spinner).
 */
const FIRST_PAGES: Record<string, string[]> = {
  "sign-in page": ["src/features/auth/routes/sign-in.tsx"],
  "admin home (after sign-in)": ["src/app/routes/tenant-layout.tsx", "src/features/home/routes/home.tsx"],
};
const LAZY_CHUNKS_LISTED = 8;

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const row = (bytes: number, label: string) => `  ${kb(bytes).padStart(7)} KB  ${label}`;

/** The package a module belongs to (or its path in the workspace), to say what fills a chunk. */
function packageOf(id: string): string {
  const path = id.replace(/\\/g, "/");
  const inModules = path.lastIndexOf("node_modules/");
  if (inModules < 0) return path.replace(/^.*\/(apps|packages)\//, "$1/");
  const parts = path.slice(inModules + "node_modules/".length).split("/");
  return parts[0]?.startsWith("@") ? `${parts[0]}/${parts[1]}` : (parts[0] ?? path);
}

/**
 * Prints the gzip size of the first route (the entry chunk, every chunk it imports statically and their CSS), what
 * each lazily loaded page adds on top, and the largest lazy chunks; fails the build when the first route is over
 * its budget. BUNDLE_MODULES=1 also lists what fills each chunk of the first route, by package.
 */
export function bundleBudget(limitKb = FIRST_ROUTE_LIMIT_KB): Plugin {
  return {
    name: "allot-bundle-budget",
    apply: "build",
    generateBundle(_options, bundle) {
      const gzipped = new Map<string, number>();
      const sizeOf = (fileName: string): number => {
        let size = gzipped.get(fileName);
        if (size === undefined) {
          const output = bundle[fileName];
          const source = output?.type === "chunk" ? output.code : (output?.source ?? "");
          size = gzipSync(typeof source === "string" ? Buffer.from(source) : source, { level: 9 }).length;
          gzipped.set(fileName, size);
        }
        return size;
      };
      const total = (files: Iterable<string>) => [...files].reduce((sum, fileName) => sum + sizeOf(fileName), 0);
      /** A chunk with everything it imports statically, and their CSS. */
      const closure = (fileName: string, into = new Set<string>()): Set<string> => {
        const output = bundle[fileName];
        if (into.has(fileName) || output?.type !== "chunk") return into;
        into.add(fileName);
        for (const css of output.viteMetadata?.importedCss ?? []) into.add(css);
        for (const imported of output.imports) closure(imported, into);
        return into;
      };

      const chunks = Object.values(bundle).flatMap((output) => (output.type === "chunk" ? [output] : []));
      const firstRoute = new Set<string>();
      for (const entry of chunks.filter((chunk) => chunk.isEntry)) closure(entry.fileName, firstRoute);
      const files = [...firstRoute].sort((a, b) => sizeOf(b) - sizeOf(a));
      const jsBytes = total(files.filter((fileName) => fileName.endsWith(".js")));
      const cssBytes = total(files.filter((fileName) => fileName.endsWith(".css")));
      const firstBytes = jsBytes + cssBytes;

      const lines = [
        `first route JS: ${kb(jsBytes)} KB gzip, CSS ${kb(cssBytes)} KB, together ${kb(firstBytes)} KB (limit ${limitKb} KB)`,
        ...files.map((fileName) => row(sizeOf(fileName), fileName)),
      ];

      for (const [page, modules] of Object.entries(FIRST_PAGES)) {
        const pageFiles = new Set(firstRoute);
        for (const module of modules) {
          const chunk = chunks.find((candidate) => candidate.facadeModuleId?.replace(/\\/g, "/").endsWith(module));
          if (!chunk) this.error(`no chunk for ${module}: update FIRST_PAGES in bundle-budget.ts`);
          closure(chunk.fileName, pageFiles);
        }
        const pageJs = total([...pageFiles].filter((fileName) => fileName.endsWith(".js")));
        lines.push(`${page}: ${kb(pageJs)} KB gzip JS with the first route (texts loaded at run time not counted)`);
      }

      // Each page loaded on demand from the first route, and what it adds to it.
      const pages = new Map<string, number>();
      for (const fileName of firstRoute) {
        const output = bundle[fileName];
        if (output?.type !== "chunk") continue;
        for (const lazy of output.dynamicImports) {
          if (firstRoute.has(lazy)) continue;
          pages.set(lazy, total([...closure(lazy)].filter((file) => !firstRoute.has(file))));
        }
      }
      lines.push("lazy pages, gzip they add to the first route:");
      for (const [fileName, bytes] of [...pages].sort((a, b) => b[1] - a[1])) lines.push(row(bytes, fileName));

      lines.push("largest lazy chunks (gzip):");
      for (const chunk of chunks
        .filter((candidate) => !firstRoute.has(candidate.fileName))
        .sort((a, b) => sizeOf(b.fileName) - sizeOf(a.fileName))
        .slice(0, LAZY_CHUNKS_LISTED)) {
        lines.push(row(sizeOf(chunk.fileName), chunk.fileName));
      }

      if (process.env.BUNDLE_MODULES) {
        for (const fileName of files) {
          const output = bundle[fileName];
          if (output?.type !== "chunk") continue;
          const byPackage = new Map<string, number>();
          for (const [id, info] of Object.entries(output.modules)) {
            byPackage.set(packageOf(id), (byPackage.get(packageOf(id)) ?? 0) + info.renderedLength);
          }
          lines.push(`what fills ${fileName} (before minifying):`);
          for (const [name, bytes] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 12)) {
            lines.push(row(bytes, name));
          }
        }
      }

      this.info(lines.join("\n"));
      if (firstBytes > limitKb * 1024) {
        this.error(
          `the first route is ${kb(firstBytes)} KB gzip, over its ${limitKb} KB budget: load more of it lazily`,
        );
      }
    },
  };
}
