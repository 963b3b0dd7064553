/**
 * Reassembles the JSONL of a bulk query — each object on its own line, its connections' nodes on the
 * lines after it with `__parentId` (the operation runs with groupObjects, so children follow their
 * parent) — into nested nodes shaped like a paged query's (`{ variants: { nodes: [...] } }`), so one
 * parser serves both. Each record says which lines it spans: a resumed backfill skips what it committed.
 * @example for await (const { node } of bulkRecords(lines, { LineItem: "lineItems" })) parseGraphqlOrder(node)
 */
export interface BulkRecord {
  node: Record<string, unknown>;
  /** Line number (0-based) of the record's first line. */
  firstLine: number;
  /** Line number just after the record's last line: where a resumed read starts. */
  endLine: number;
}

export class BulkFileError extends Error {}

export async function* bulkRecords(
  lines: AsyncIterable<string> | Iterable<string>,
  /** Child GID kind → the connection field it belongs to, e.g. { ProductVariant: "variants" }. */
  connections: Record<string, string>,
  startLine = 0,
): AsyncGenerator<BulkRecord> {
  let lineNo = startLine;
  let current: BulkRecord | null = null;
  const fresh = (node: Record<string, unknown>, at: number): BulkRecord => {
    for (const field of new Set(Object.values(connections))) node[field] = { nodes: [] };
    return { node, firstLine: at, endLine: at + 1 };
  };
  for await (const line of lines) {
    const at = lineNo;
    lineNo += 1;
    if (!line.trim()) continue;
    let row: Record<string, unknown>;
    try {
      row = JSON.parse(line) as Record<string, unknown>;
    } catch (error) {
      throw new BulkFileError(`line ${at + 1} is not JSON: ${(error as Error).message}`);
    }
    const parent = row.__parentId;
    if (typeof parent !== "string") {
      if (current) yield { ...current, endLine: at };
      current = fresh(row, at);
      continue;
    }
    if (!current || current.node.id !== parent)
      throw new BulkFileError(`line ${at + 1} belongs to ${parent}, which is not the object before it`);
    const kind = /^gid:\/\/shopify\/(\w+)\//.exec(String(row.id ?? ""))?.[1] ?? "";
    const field = connections[kind];
    if (!field) throw new BulkFileError(`line ${at + 1}: no connection for a child of kind ${kind || "unknown"}`);
    delete row.__parentId;
    (current.node[field] as { nodes: unknown[] }).nodes.push(row);
    current.endLine = at + 1;
  }
  if (current) yield { ...current, endLine: lineNo };
}
