import { spawn } from "node:child_process";
import path from "node:path";
import type { Benchmark } from "./benchmark";
import { createBenchDatabase } from "./support/bench-database";
import { writeBulkOrdersFile } from "./support/bulk-orders-file";
import { cpuProfArgs } from "./support/app-server";

const ROOT = path.resolve(import.meta.dirname, "..");

/**
 * A 1,000,000-order bulk-operation JSONL (scaled by --scale) streamed through the real backfill job in a
 * child process: wall time from the job's start to its end, and the child's peak RSS.
 */
export const backfillBench: Benchmark = {
  name: "backfill",
  description: "a 1,000,000-order bulk JSONL through the real backfill job in a child process (goal ≤ 120 s, ≤ 1.5 GB)",
  async run({ tmpDir, scale, databaseUrl, progress, cpuProfDir }) {
    const orders = Math.max(1000, Math.round(1_000_000 * scale));
    const file = path.join(tmpDir, "orders.jsonl");
    progress(`writing ${orders.toLocaleString("en")} orders as bulk JSONL…`);
    let reported = 0;
    const { lines, bytes } = await writeBulkOrdersFile(file, {
      orders,
      customers: Math.max(100, Math.round(orders / 5)),
      products: 5000,
      progress: (done) => {
        if (done - reported >= orders / 10) {
          reported = done;
          progress(`  ${done.toLocaleString("en")} orders written`);
        }
      },
    });
    progress(`${lines.toLocaleString("en")} lines, ${(bytes / 1e6).toFixed(0)} MB; running the backfill job…`);
    const bench = await createBenchDatabase({ tmpDir, databaseUrl, name: "backfill" });
    await bench.db.$disconnect();
    try {
      const child = spawn(
        path.join(ROOT, "node_modules", ".bin", "tsx"),
        [...cpuProfArgs(cpuProfDir), path.join(ROOT, "bench", "support", "backfill-child.ts"), bench.url, file, String(orders)],
        {
          cwd: ROOT,
          env: process.env,
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
      let out = "";
      child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => {
        for (const line of chunk.toString().split("\n").filter(Boolean)) progress(`  ${line}`);
      });
      const code: number = await new Promise((resolve) => child.once("exit", (c) => resolve(c ?? 1)));
      if (code !== 0) throw new Error(`the backfill child exited ${code}`);
      const result = JSON.parse(out.trim().split("\n").at(-1)!) as { seconds: number; maxRssMb: number; status: string; orders: number };
      if (result.status !== "completed" || result.orders !== orders)
        throw new Error(`backfill ended ${result.status} with ${result.orders} of ${orders} orders`);
      const perSecond = orders / result.seconds;
      return {
        figures: {
          backfill_1m_s: Number(result.seconds.toFixed(1)),
          backfill_peak_rss_mb: Math.round(result.maxRssMb),
          backfill_orders: orders,
        },
        rows: [
          {
            measure: `backfill time (${orders.toLocaleString("en")} orders)`,
            value: `${result.seconds.toFixed(1)} s`,
            goal: scale === 1 ? "≤ 120 s" : `≤ ${(120 * scale).toFixed(1)} s at this scale`,
            note: `${perSecond.toFixed(0)} orders/s, ${(lines / orders).toFixed(1)} JSONL lines an order`,
          },
          {
            measure: "backfill peak RSS",
            value: `${Math.round(result.maxRssMb)} MB`,
            goal: "≤ 1,500 MB",
            note: "the child process running the job",
          },
        ],
      };
    } finally {
      await bench.close();
    }
  },
};
