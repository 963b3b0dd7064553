// A child process for the HTTP benches (storefront proxy, webhook acknowledgements): the load generator runs here, on its own process
// (and so on the other core of a two-core machine), never on the server's or the harness's event loop.
// Reads a JSON job file, prints one JSON line of figures on stdout.
//   tsx bench/support/load-child.ts <job.json>
//
// Two kinds of load:
// - "paced": a fixed offered load, open loop. Request i is due at start + i / rate whatever happened to
//   the ones before; it goes out on a free keep-alive connection (or waits for one), and its latency
//   counts from when it was due, so a slow server cannot slow the offered load down and hide its own
//   queueing (coordinated omission). Why not autocannon's `overallRate`: it gives each connection a
//   quota per second, spent back to back as each second starts — with 32 connections the server sees a
//   flat-out burst, then nothing — and it then pads the latencies as if requests were due every 1 ms;
//   bare node:http measured p99 32–148 ms at 1,000/s that way on these machines.
// - "flat": as fast as the server answers, with autocannon (16 connections, one request in flight each).
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import autocannon from "autocannon";

/** What the harness asks for. Paths are minted by the harness (signed URLs), used in turn. */
export interface LoadJob {
  url: string;
  paths: string[];
  mode: "paced" | "flat";
  seconds: number;
  /** Paced: requests per second offered. */
  rate?: number;
  connections: number;
  /**
   * POST this body with these headers instead of GET, each request with a fresh UUID in `uniqueHeader`
   * (webhooks: the HMAC covers only the body, so one signature serves every delivery).
   */
  post?: { body: string; headers: Record<string, string>; uniqueHeader: string };
}

/** What one load run measured. Latencies in milliseconds. */
export interface LoadResult {
  /** 2xx answers per second over the run. */
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** 2xx answers in all. */
  ok: number;
  /** Requests sent, and those answered non-2xx, failed or timed out. */
  sent: number;
  bad: number;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

async function paced(job: LoadJob): Promise<LoadResult> {
  const rate = job.rate!;
  const total = Math.round(rate * job.seconds);
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.connections });
  const target = new URL(job.url);
  const latencies = new Float64Array(total);
  let done = 0;
  let ok = 0;
  let bad = 0;
  let sent = 0;
  const start = performance.now();
  const finished = new Promise<void>((resolve) => {
    const complete = (i: number, due: number, good: boolean) => {
      latencies[i] = performance.now() - due;
      if (good) ok += 1;
      else bad += 1;
      if (++done === total) resolve();
    };
    const fire = (i: number) => {
      const due = start + (i * 1000) / rate;
      let settled = false;
      // A request can fail after its response began (both emit an error): count it once.
      const settle = (good: boolean) => {
        if (settled) return;
        settled = true;
        complete(i, due, good);
      };
      const { post } = job;
      const request = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: job.paths[i % job.paths.length],
          timeout: 10_000,
          method: post ? "POST" : "GET",
          ...(post
            ? { headers: { ...post.headers, [post.uniqueHeader]: randomUUID(), "content-length": Buffer.byteLength(post.body) } }
            : {}),
        },
        (response) => {
          response.resume();
          response.once("end", () => settle(response.statusCode! >= 200 && response.statusCode! < 300));
          response.once("error", () => settle(false));
        },
      );
      request.once("error", () => settle(false));
      request.once("timeout", () => request.destroy(new Error("timeout")));
      request.end(post?.body);
    };
    // Every millisecond (or as soon as the loop is free), send whatever has come due.
    const tick = () => {
      const due = Math.min(total, Math.floor(((performance.now() - start) * rate) / 1000) + 1);
      while (sent < due) fire(sent++);
      if (sent < total) setTimeout(tick, 1);
    };
    tick();
  });
  await finished;
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  const sorted = latencies.sort();
  return {
    rps: ok / Math.max(elapsed, job.seconds),
    ok,
    p50: round(percentile(sorted, 50)),
    p90: round(percentile(sorted, 90)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted[sorted.length - 1] ?? 0),
    sent,
    bad,
  };
}

async function flat(job: LoadJob): Promise<LoadResult> {
  let i = 0;
  const result = await autocannon({
    url: job.url,
    connections: job.connections,
    duration: job.seconds,
    timeout: 10,
    requests: [
      job.post
        ? {
            method: "POST",
            body: job.post.body,
            setupRequest: (request) => ({
              ...request,
              path: job.paths[i++ % job.paths.length]!,
              headers: { ...job.post!.headers, [job.post!.uniqueHeader]: randomUUID() },
            }),
          }
        : { method: "GET", setupRequest: (request) => ({ ...request, path: job.paths[i++ % job.paths.length]! }) },
    ],
  });
  return {
    rps: result["2xx"] / result.duration,
    ok: result["2xx"],
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    sent: result.requests.sent,
    bad: result.non2xx + result.errors + result.timeouts,
  };
}

async function main() {
  const job = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as LoadJob;
  const result = job.mode === "paced" ? await paced(job) : await flat(job);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
