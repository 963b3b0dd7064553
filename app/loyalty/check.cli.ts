// `npm run loyalty:check -- --shop X`: verifies every loyalty account of a shop equals its ledger postings.
import { parseArgs } from "node:util";
import { checkShopLedger } from "./accounts.server";

const { values } = parseArgs({ options: { shop: { type: "string" } } });
if (!values.shop) {
  process.stderr.write("usage: npm run loyalty:check -- --shop example.myshopify.com\n");
  process.exit(2);
}
const result = await checkShopLedger(values.shop);
for (const m of result.mismatches.slice(0, 50))
  process.stdout.write(`MISMATCH ${m.customerGid} account=${JSON.stringify(m.account)} ledger=${JSON.stringify(m.ledger)}\n`);
process.stdout.write(`${values.shop}: ${result.accounts} accounts, ${result.postings} postings, ${result.mismatches.length} mismatches\n`);
process.exit(result.mismatches.length ? 1 : 0);
