/**
 * Offline next-basket evaluation (issue 7, protocol in ../shared/data/online-retail/README.md):
 *   npm run eval -- --transactions FILE [--format online-retail|generic] [--json] [--part test|validation]
 * FILE may be gzipped. Prints R@10, N@10, PHR@10, R@20, N@20 (mean over the five splits) per method;
 * a progress line per split goes to stderr.
 */
import { createReadStream } from "node:fs";
import { createGunzip } from "node:zlib";
import { parseArgs } from "node:util";
import { parse } from "csv-parse";
import { buildDataset, genericLine, onlineRetailLine, type TransactionLine } from "../../app/recommendations/eval/dataset";
import { evaluateSplit, evaluationMethods, meanRows } from "../../app/recommendations/eval/evaluate";
import type { MetricRow } from "../../app/recommendations/eval/metrics";

const { values } = parseArgs({
  options: {
    transactions: { type: "string" },
    format: { type: "string", default: "online-retail" },
    json: { type: "boolean", default: false },
    part: { type: "string", default: "test" },
  },
});
if (!values.transactions || !["online-retail", "generic"].includes(values.format!) || !["test", "validation"].includes(values.part!)) {
  console.error("usage: npm run eval -- --transactions FILE [--format online-retail|generic] [--json] [--part test|validation]");
  process.exit(2);
}

const started = Date.now();
const toLine = values.format === "generic" ? genericLine : onlineRetailLine;
const file = createReadStream(values.transactions);
const input = values.transactions.endsWith(".gz") ? file.pipe(createGunzip()) : file;
const lines: TransactionLine[] = [];
for await (const row of input.pipe(parse({ columns: true, relax_quotes: true, skip_empty_lines: true, trim: true }))) {
  const line = toLine(row as Record<string, string>);
  if (line) lines.push(line);
}
const dataset = buildDataset(lines);
const baskets = dataset.customers.reduce((sum, c) => sum + c.baskets.length, 0);
console.error(`eval: ${lines.length} lines → ${dataset.customers.length} customers, ${dataset.items.length} items, ${baskets} baskets`);

const methods = evaluationMethods();
const perSplit: Record<string, MetricRow>[] = [];
for (const seed of [0, 1, 2, 3, 4]) {
  const t = Date.now();
  const result = evaluateSplit(dataset.customers, seed, values.part as "test" | "validation", methods);
  perSplit.push(result);
  const summary = Object.entries(result)
    .map(([name, row]) => `${name} R@10=${row["R@10"].toFixed(4)}`)
    .join(" ");
  console.error(`eval: split ${seed + 1}/5 (seed ${seed}, ${values.part}) in ${((Date.now() - t) / 1000).toFixed(1)} s: ${summary}`);
}
const table = Object.fromEntries(Object.keys(methods).map((name) => [name, meanRows(perSplit.map((r) => r[name]!))]));
if (values.json) {
  const rounded = Object.fromEntries(
    Object.entries(table).map(([name, row]) => [name, Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v.toFixed(4))]))]),
  );
  console.log(JSON.stringify({ methods: rounded }, null, 2));
} else {
  const keys = ["R@10", "N@10", "PHR@10", "R@20", "N@20"] as const;
  console.log(`| method | ${keys.join(" | ")} |`);
  console.log(`|---|${keys.map(() => "---").join("|")}|`);
  for (const [name, row] of Object.entries(table)) console.log(`| ${name} | ${keys.map((k) => row[k].toFixed(4)).join(" | ")} |`);
  const tifu = table.TIFUKNN;
  const forYou = table["for-you"];
  if (tifu && forYou) {
    console.log(
      `\nfor-you / TIFUKNN: R@10 ×${(forYou["R@10"] / tifu["R@10"]).toFixed(3)}, N@10 ×${(forYou["N@10"] / tifu["N@10"]).toFixed(3)}`,
    );
  }
}
console.error(`eval: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
