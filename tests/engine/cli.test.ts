import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));

function calc(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync("npx", ["tsx", "scripts/calc.ts", ...args], {
    cwd: root,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm run calc", () => {
  test.each([
    { label: "the issue's conversion", args: ["3 TB/day", "--to", "MB/s"], stdout: "34.72 MB/s\n" },
    { label: "a readable value", args: ["300M * 20 / 1 day"], stdout: "69,444/s\n" },
    { label: "servers", args: ["ceil(208k requests/s / (10k requests/s))"], stdout: "21\n" },
    { label: "--to= and --sig", args: ["35k requests/s * 5 KB", "--to=Gbps", "--sig", "2"], stdout: "1.4 Gbps\n" },
  ])("$label", ({ args, stdout }) => {
    const result = calc(...args);
    expect(result.stdout).toBe(stdout);
    expect(result.status).toBe(0);
  });

  test.each([
    { label: "a bad expression", args: ["300M * 20 / 1 dya"], stderr: "“dya” is not a unit Envelope knows" },
    { label: "a dimension mismatch", args: ["3 TB", "--to", "ms"], stderr: "Cannot express an amount of data in “ms”" },
    { label: "no expression", args: [], stderr: "No expression given." },
  ])("$label: the engine's message on stderr, exit 1", ({ args, stderr }) => {
    const result = calc(...args);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(stderr);
  });

  test("--help prints usage", () => {
    const result = calc("--help");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: npm run calc -- "<expression>" [--to <unit>] [--sig <n>]');
  });
});
