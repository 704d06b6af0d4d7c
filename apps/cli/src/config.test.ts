import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { configPath, readLogin, writeLogin } from "./config.js";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});
function tempFolder() {
  const folder = mkdtempSync(join(tmpdir(), "allot-config-"));
  folders.push(folder);
  return folder;
}

const login = { kind: "personal", url: "http://127.0.0.1:3000", token: "allot_pat_x", tenantId: "t" } as const;

describe("config file", () => {
  it("lives in $XDG_CONFIG_HOME/allot, else ~/.config/allot", () => {
    expect(configPath({ XDG_CONFIG_HOME: "/x", HOME: "/home/a" })).toBe("/x/allot/config.json");
    expect(configPath({ HOME: "/home/a" })).toBe("/home/a/.config/allot/config.json");
  });

  it("is written readable by its owner only (0600, in a 0700 folder), whatever the umask", () => {
    const path = join(tempFolder(), "allot", "config.json");
    const umask = process.umask(0);
    try {
      writeLogin(login, path);
    } finally {
      process.umask(umask);
    }
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(path, "..")).mode & 0o777).toBe(0o700);
    expect(readLogin(path)).toEqual(login);
  });

  it("narrows an existing file that others could read to 0600 when it is written again", () => {
    const path = join(tempFolder(), "config.json");
    writeFileSync(path, "{}", { mode: 0o644 });
    writeLogin(login, path);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(path, "utf8"))).toEqual(login);
  });

  it("reads a missing or broken file as no login", () => {
    const folder = tempFolder();
    expect(readLogin(join(folder, "none.json"))).toBeNull();
    writeFileSync(join(folder, "broken.json"), "{not json");
    expect(readLogin(join(folder, "broken.json"))).toBeNull();
  });
});
