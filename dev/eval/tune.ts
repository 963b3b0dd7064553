/**
 * Tunes for-you on the VALIDATION part of the five splits (never the test part):
 *   npx tsx dev/eval/tune.ts --transactions FILE [--format online-retail|generic] [--grid JSON] [--cv]
 * `--cv` adds 5-fold cross-validation over each split's non-test customers (train + validation, 25 folds
 * of ~317 customers): the validation part alone is ~160 customers a split, too few to tell changes of
 * 1% apart (decision 010).
 */
import { createReadStream } from "node:fs";
import { createGunzip } from "node:zlib";
import { parseArgs } from "node:util";
import { parse } from "csv-parse";
import { buildDataset, genericLine, onlineRetailLine, type TransactionLine } from "../../app/recommendations/eval/dataset";
import { evaluateOn, evaluateSplit, evaluationMethods, meanRows, type MethodFactory } from "../../app/recommendations/eval/evaluate";
import { splitCustomers } from "../../app/recommendations/eval/splits";
import type { MetricRow } from "../../app/recommendations/eval/metrics";
import { FOR_YOU_DEFAULTS, type ForYouParams } from "../../app/recommendations/for-you";

const { values } = parseArgs({
  options: {
    transactions: { type: "string" },
    format: { type: "string", default: "online-retail" },
    grid: { type: "string", default: "" },
    cv: { type: "boolean", default: false },
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
const seeds = [0, 1, 2, 3, 4];
/** Mean over the 25 folds: each split's non-test customers, every fifth one held out in turn. */
const crossValidated = (name: string, method: MethodFactory) =>
  meanRows(
    seeds.flatMap((seed) => {
      const split = splitCustomers(customers, seed);
      const nonTest = [...split.train, ...split.validation];
      return [0, 1, 2, 3, 4].map(
        (fold) =>
          evaluateOn(
            customers,
            nonTest.filter((_, i) => i % 5 !== fold),
            nonTest.filter((_, i) => i % 5 === fold),
            { [name]: method },
          )[name]!,
      );
    }),
  );
const figures = (row: MetricRow, reference: MetricRow) =>
  `R@10=${row["R@10"].toFixed(4)} (×${(row["R@10"] / reference["R@10"]).toFixed(3)}) N@10=${row["N@10"].toFixed(4)} (×${(row["N@10"] / reference["N@10"]).toFixed(3)})`;
const baseline = evaluationMethods();
const tifu = meanRows(seeds.map((seed) => evaluateSplit(customers, seed, "validation", { TIFUKNN: baseline.TIFUKNN! }).TIFUKNN!));
const tifuCv = values.cv ? crossValidated("TIFUKNN", baseline.TIFUKNN!) : undefined;
console.log(
  `TIFUKNN validation R@10=${tifu["R@10"].toFixed(4)} N@10=${tifu["N@10"].toFixed(4)}` +
    (tifuCv ? ` | cv R@10=${tifuCv["R@10"].toFixed(4)} N@10=${tifuCv["N@10"].toFixed(4)}` : ""),
);
for (const change of grid) {
  const params = { ...FOR_YOU_DEFAULTS, ...change };
  const method = evaluationMethods({ forYou: params })["for-you"]!;
  const row = meanRows(seeds.map((seed) => evaluateSplit(customers, seed, "validation", { "for-you": method })["for-you"]!));
  const cv = tifuCv ? ` | cv ${figures(crossValidated("for-you", method), tifuCv)}` : "";
  console.log(`${JSON.stringify(change)} validation ${figures(row, tifu)}${cv}`);
}
