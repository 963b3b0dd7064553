import { describe, expect, it } from "vitest";
import { BulkFileError, bulkRecords } from "./bulk-records";

const jsonl = [
  { id: "gid://shopify/Product/1", title: "Mug" },
  { id: "gid://shopify/ProductVariant/11", price: "2.50", __parentId: "gid://shopify/Product/1" },
  { id: "gid://shopify/Collection/5", title: "Kitchen", __parentId: "gid://shopify/Product/1" },
  { id: "gid://shopify/Product/2", title: "Lamp" },
  { id: "gid://shopify/ProductVariant/21", price: "9.00", __parentId: "gid://shopify/Product/2" },
].map((row) => JSON.stringify(row));
const connections = { ProductVariant: "variants", Collection: "collections" };

async function all(lines: string[], start = 0) {
  const out = [];
  for await (const record of bulkRecords(lines, connections, start)) out.push(record);
  return out;
}

describe("bulk JSONL records", () => {
  it("GIVEN parents followed by children WHEN read THEN each parent gets its children under their connection, with its line span", async () => {
    const records = await all(jsonl);
    expect(records.map((r) => [r.firstLine, r.endLine])).toEqual([
      [0, 3],
      [3, 5],
    ]);
    expect(records[0]!.node).toEqual({
      id: "gid://shopify/Product/1",
      title: "Mug",
      variants: { nodes: [{ id: "gid://shopify/ProductVariant/11", price: "2.50" }] },
      collections: { nodes: [{ id: "gid://shopify/Collection/5", title: "Kitchen" }] },
    });
    expect(records[1]!.node.collections).toEqual({ nodes: [] });
  });

  it("GIVEN a read resumed after the first record WHEN the rest is read THEN line numbers continue", async () => {
    const records = await all(jsonl.slice(3), 3);
    expect(records.map((r) => [r.node.id, r.firstLine, r.endLine])).toEqual([["gid://shopify/Product/2", 3, 5]]);
  });

  it("GIVEN an orphan child or a broken line WHEN read THEN a BulkFileError names the line", async () => {
    await expect(all([jsonl[1]!])).rejects.toThrow(BulkFileError);
    await expect(all([jsonl[0]!, "{oops"])).rejects.toThrow(/line 2 is not JSON/);
  });
});
