import type { z } from "zod";
import { InvalidPayloadError } from "../lib/errors";

/**
 * The one way a payload becomes a typed command (STYLE §6): the topic's schema parses it, and anything
 * unusable throws an InvalidPayloadError whose reason names each bad field — the delivery is then
 * parked with that reason, and nothing of it is applied.
 * @example const order = parsePayload(RestOrder, payload, "orders/paid")
 */
export function parsePayload<S extends z.ZodTypeAny>(schema: S, payload: unknown, topic: string): z.output<S> {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) throw new InvalidPayloadError(topic, describeIssues(parsed.error));
  return parsed.data;
}

/** "line_items.0.quantity: is more than 1,000,000 units; currency: …" */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`)
    .join("; ");
}
