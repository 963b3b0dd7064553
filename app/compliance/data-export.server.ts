import prisma, { type Tx } from "../db.server";
import { customerRows } from "./customer-rows.server";

/** JSON with BigInt money as decimal strings and dates as ISO strings. */
function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v), 2);
}

/**
 * customers/data_request: stores a JSON export of every row Rapport holds on the customer (by table),
 * for the merchant to download from the customer's page and hand to them.
 * @returns the export's id
 */
export async function exportCustomerData(tx: Tx, shop: string, customerGid: string): Promise<string> {
  const tables = await customerRows(tx, shop, customerGid);
  delete tables.CustomerDataExport; // earlier exports are copies of the same rows
  const body = toJson({ shop, customerGid, generatedAt: new Date(), tables });
  const row = await tx.customerDataExport.create({ data: { shop, customerGid, body }, select: { id: true } });
  return row.id;
}

/** The exports made for a customer, newest first (without their bodies). */
export function listCustomerExports(shop: string, customerGid: string) {
  return prisma.customerDataExport.findMany({
    where: { shop, customerGid },
    orderBy: { createdAt: "desc" },
    select: { id: true, createdAt: true },
  });
}

/** One export's JSON for download, or null. */
export function getCustomerExport(shop: string, id: string) {
  return prisma.customerDataExport.findFirst({ where: { shop, id } });
}
