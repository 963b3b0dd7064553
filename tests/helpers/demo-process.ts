import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";

export interface RunningDemo {
  standinUrl: string;
  appUrl: string;
  databaseUrl: string;
  output: string[];
  stop(): Promise<void>;
}

/**
 * Starts `npm run demo` as a person would (a child process on its own ports and database) and waits
 * until it prints that it is running (or `readyWhen`, e.g. "backfill job queued" to watch the install
 * backfill live). Fails with the demo's output if it exits first.
 */
export async function startDemo(
  ports: { standin: number; app: number },
  timeoutMs = 300_000,
  readyWhen = "running — press Ctrl-C",
): Promise<RunningDemo> {
  const databaseUrl = `file:./tests/.tmp/browser-${Date.now()}.db`;
  const child: ChildProcess = spawn(
    "npx",
    ["tsx", "dev/demo.ts", "--standin-port", String(ports.standin), "--app-port", String(ports.app), "--database", databaseUrl],
    { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, LOG_LEVEL: "warn" }, detached: true },
  );
  const output: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`demo not ready after ${timeoutMs} ms:\n${output.join("")}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (output.join("").includes(readyWhen)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`demo exited with ${code}:\n${output.join("")}`));
    });
  });
  return {
    standinUrl: `http://127.0.0.1:${ports.standin}`,
    appUrl: `http://127.0.0.1:${ports.app}`,
    databaseUrl,
    output,
    stop: async () => {
      child.removeAllListeners("exit");
      if (child.pid) process.kill(-child.pid, "SIGTERM");
      await new Promise((r) => setTimeout(r, 300));
    },
  };
}

/** A port nobody listens on right now (tests in several checkouts run side by side). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}
