// Writes dev/data/online-retail-sample.csv.gz: a deterministic sample of UCI Online Retail (CC BY 4.0)
// small enough to ship, so a fresh clone can run the demo without ../shared. Every row of the chosen
// customers (about 12%, by a stable hash of CustomerID) is kept with all its quirks (duplicates,
// cancellations, non-product codes), plus about 4% of guest invoices, chosen by a hash of InvoiceNo.
//   npx tsx dev/seed/make-sample.ts [source.csv.gz] [target.csv.gz]
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { createInterface } from "node:readline";
import { createGunzip, createGzip } from "node:zlib";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";

const source = process.argv[2] ?? "../shared/data/online-retail/online_retail.csv.gz";
const target = process.argv[3] ?? "dev/data/online-retail-sample.csv.gz";

const share = (key: string) => createHash("sha256").update(`rapport-sample:${key}`).digest().readUInt32BE(0) / 2 ** 32;

async function* sampled(): AsyncGenerator<string> {
  const lines = createInterface({ input: createReadStream(source).pipe(createGunzip()), crlfDelay: Infinity });
  let header = true;
  for await (const line of lines) {
    if (header) {
      header = false;
      yield `${line}\n`;
      continue;
    }
    // CustomerID is the 7th column; descriptions may be quoted and contain commas, so read from the end.
    const fields = line.split(",");
    const customer = fields[fields.length - 2] ?? "";
    const invoice = fields[0] ?? "";
    const keep = customer ? share(`c${customer}`) < 0.12 : share(`i${invoice}`) < 0.04;
    if (keep) yield `${line}\n`;
  }
}

await pipeline(Readable.from(sampled()), createGzip({ level: 9 }), createWriteStream(target));
console.log(`wrote ${target}`);
