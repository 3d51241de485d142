// Starts a real Aisle (real Postgres database, real models) for the browser tests, and stops it.
import { spawn, execFileSync } from "node:child_process";
import { createServer } from "node:net";
import { mkdirSync, openSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const need = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run the browser tests through scripts/test`);
  return v;
};

const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const screenshots = process.env.AISLE_SCREENSHOTS || join(tmpdir(), "aisle-screenshots");

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => resolve(port)); });
    s.on("error", reject);
  });
}

export async function startAisle() {
  const bin = need("AISLE_BIN");
  const server = need("DATABASE_URL");
  const name = "aisle_browser_" + Date.now();
  execFileSync("psql", [server, "-qc", `CREATE DATABASE "${name}"`]);
  const u = new URL(server);
  u.pathname = "/" + name;
  const url = u.toString();
  const port = await freePort();
  const env = {
    ...process.env,
    AISLE__DATABASE__URL: url,
    AISLE__SERVER__PORT: String(port),
    AISLE__LLM__MODEL_PATH: need("AISLE_TEST_LLM"),
    AISLE__LLM__SLOTS: "2",
    AISLE__LLM__TEMPERATURE: "0",
    AISLE__CHAT__SPOOL_PATH: join(tmpdir(), name + ".spool.jsonl"),
  };
  execFileSync(bin, ["import", "knowledge"], { env, cwd: repo, stdio: "inherit" });
  const token = (role, person) =>
    execFileSync(bin, ["token", "create", "--role", role, "--name", person], { env, cwd: repo }).toString().trim();
  const tokens = { staff: token("staff", "Sam"), editor: token("editor", "Eve") };
  mkdirSync(screenshots, { recursive: true });
  const log = join(screenshots, "aisle.log");
  const out = openSync(log, "w");
  const proc = spawn(bin, ["serve"], { env, cwd: repo, stdio: ["ignore", out, out] });
  console.log(`Aisle is serving on ${port}; its log: ${log}`);
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try { if ((await fetch(base + "/ready")).ok) break; } catch (e) { /* not listening yet */ }
    if (i > 600 || proc.exitCode !== null) throw new Error("Aisle did not become ready");
    await new Promise((r) => setTimeout(r, 200));
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const stop = async () => {
    await browser.close();
    proc.kill("SIGTERM");
    await new Promise((r) => proc.exitCode !== null ? r() : proc.on("exit", r));
    try { execFileSync("psql", [server, "-qc", `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`]); } catch (e) { /* best effort */ }
  };
  return { base, tokens, browser, stop };
}
