import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

/** Where the dev server forwards API calls; the API serves the built app itself in production. */
const apiUrl = process.env.API_URL ?? "http://localhost:3000";
const proxied = ["/api", "/healthz", "/readyz", "/docs"];

/** The budget of the first route: what the browser must download (gzip) before anything shows. */
const FIRST_ROUTE_LIMIT_KB = 300;
const LAZY_CHUNKS_LISTED = 8;

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/**
 * Prints the gzip size of the first route (the entry chunk, every chunk it imports statically and their CSS) and
 * the largest lazy chunks, and fails the build when the first route is over its budget.
 */
function bundleBudget(limitKb: number): Plugin {
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

      const entries = Object.values(bundle).filter((output) => output.type === "chunk" && output.isEntry);
      const firstRoute = new Set<string>();
      const visit = (fileName: string) => {
        if (firstRoute.has(fileName)) return;
        const output = bundle[fileName];
        if (output?.type !== "chunk") return;
        firstRoute.add(fileName);
        for (const css of output.viteMetadata?.importedCss ?? []) firstRoute.add(css);
        for (const imported of output.imports) visit(imported);
      };
      for (const entry of entries) visit(entry.fileName);

      const jsBytes = [...firstRoute].filter((f) => f.endsWith(".js")).reduce((sum, f) => sum + sizeOf(f), 0);
      const cssBytes = [...firstRoute].filter((f) => f.endsWith(".css")).reduce((sum, f) => sum + sizeOf(f), 0);
      const total = jsBytes + cssBytes;
      const lines = [
        `first route JS: ${kb(jsBytes)} KB gzip + CSS ${kb(cssBytes)} KB = ${kb(total)} KB (limit ${limitKb} KB)`,
        ...[...firstRoute]
          .sort((a, b) => sizeOf(b) - sizeOf(a))
          .map((fileName) => `  ${kb(sizeOf(fileName)).padStart(7)} KB  ${fileName}`),
      ];
      const lazy = Object.values(bundle)
        .filter((output) => output.type === "chunk" && !firstRoute.has(output.fileName))
        .map((output) => output.fileName)
        .sort((a, b) => sizeOf(b) - sizeOf(a))
        .slice(0, LAZY_CHUNKS_LISTED);
      lines.push(`largest lazy chunks (gzip):`);
      for (const fileName of lazy) lines.push(`  ${kb(sizeOf(fileName)).padStart(7)} KB  ${fileName}`);
      if (process.env.BUNDLE_MODULES) {
        // Which sources fill the first route (rendered size before gzip), to find what to split off.
        const modules = [...firstRoute]
          .flatMap((fileName) => {
            const output = bundle[fileName];
            return output?.type === "chunk"
              ? Object.entries(output.modules).map(([id, info]) => ({ id, size: info.renderedLength }))
              : [];
          })
          .sort((a, b) => b.size - a.size)
          .slice(0, Number(process.env.BUNDLE_MODULES) || 40);
        lines.push("largest modules of the first route (raw):");
        for (const { id, size } of modules)
          lines.push(`  ${kb(size).padStart(7)} KB  ${id.replace(/^.*node_modules\//, "")}`);
      }
      this.info(lines.join("\n"));
      if (total > limitKb * 1024) {
        this.error(`first route is ${kb(total)} KB gzip, over the ${limitKb} KB budget`);
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), bundleBudget(FIRST_ROUTE_LIMIT_KB)],
  resolve: { alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) } },
  server: {
    port: Number(process.env.WEB_PORT ?? 5173),
    proxy: Object.fromEntries(proxied.map((prefix) => [prefix, { target: apiUrl, changeOrigin: false }])),
  },
  preview: {
    proxy: Object.fromEntries(proxied.map((prefix) => [prefix, { target: apiUrl, changeOrigin: false }])),
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
  },
});
