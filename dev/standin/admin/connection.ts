/**
 * Relay connections over in-memory lists, with opaque cursors (the item's index, base64) the way
 * Shopify's look to a client. In a bulk operation `first` is ignored: everything is returned.
 */
export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
  reverse?: boolean | null;
}

export interface ExecutionOptions {
  bulk: boolean;
}

const cursor = (index: number) => Buffer.from(`rapport:${index}`).toString("base64");
const indexOf = (value: string) => Number(Buffer.from(value, "base64").toString("utf8").split(":")[1]);

export function connection<T>(all: T[], args: ConnectionArgs, options: ExecutionOptions) {
  const items = args.reverse ? [...all].reverse() : all;
  let start = args.after ? indexOf(args.after) + 1 : 0;
  let end = args.before ? indexOf(args.before) : items.length;
  if (!options.bulk) {
    if (args.first != null) end = Math.min(end, start + args.first);
    else if (args.last != null) start = Math.max(start, end - args.last);
  }
  const page = items.slice(start, end).map((node, i) => ({ node, cursor: cursor(start + i) }));
  return {
    edges: page,
    nodes: page.map((edge) => edge.node),
    pageInfo: {
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
      startCursor: page[0]?.cursor ?? null,
      endCursor: page.at(-1)?.cursor ?? null,
    },
  };
}
