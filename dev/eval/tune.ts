/**
 * Tunes for-you on the VALIDATION part of the five splits (never the test part):
 *   npx tsx dev/eval/tune.ts --transactions FILE [--format online-retail|generic]
 */
import { createReadStream } from "node:fs";
import { createGunzip } from "node:zlib";
import { parseArgs } from "node:util";
import { parse } from "csv-parse";
import { buildDataset, genericLine, onlineRetailLine, type TransactionLine } from "../../app/recommendations/eval/dataset";
import { evaluateSplit, evaluationMethods, meanRows } from "../../app/recommendations/eval/evaluate";
import { FOR_YOU_DEFAULTS, type ForYouParams } from "../../app/recommendations/for-you";

const { values } = parseArgs({
  options: {
    transactions: { type: "string" },
    format: { type: "string", default: "online-retail" },
    grid: { type: "string", default: "" },
  },
});
const toLine = values.format === "generic" ? genericLine : onlineRetailLine;
const file = createReadStream(values.transactions!);
const lines: TransactionLine[] = [];
for await (const row of (values.transactions!.endsWith(".gz") ? file.pipe(createGunzip()) : file).pipe(
  parse({ columns: true, relax_quotes: true }),
)) {
  const line = toLine(row as Record<string, string>);
  if (line) lines.push(line);
}
const { customers } = buildDataset(lines);
const grid = JSON.parse(values.grid || "[{}]") as Partial<ForYouParams>[];
const baseline = evaluationMethods();
const tifu = meanRows([0, 1, 2, 3, 4].map((seed) => evaluateSplit(customers, seed, "validation", { TIFUKNN: baseline.TIFUKNN! }).TIFUKNN!));
console.log(`TIFUKNN validation R@10=${tifu["R@10"].toFixed(4)} N@10=${tifu["N@10"].toFixed(4)}`);
for (const change of grid) {
  const params = { ...FOR_YOU_DEFAULTS, ...change };
  const methods = { "for-you": evaluationMethods({ forYou: params })["for-you"]! };
  const row = meanRows([0, 1, 2, 3, 4].map((seed) => evaluateSplit(customers, seed, "validation", methods)["for-you"]!));
  console.log(
    `${JSON.stringify(change)} R@10=${row["R@10"].toFixed(4)} (×${(row["R@10"] / tifu["R@10"]).toFixed(3)}) N@10=${row["N@10"].toFixed(4)} (×${(row["N@10"] / tifu["N@10"]).toFixed(3)})`,
  );
}
