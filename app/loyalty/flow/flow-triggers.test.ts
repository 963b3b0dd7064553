import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "smol-toml";
import { FLOW_TRIGGERS, flowTriggerHandleOf, pointsEarned } from "./flow-triggers";

describe("Flow triggers", () => {
  it("are exactly the flow_trigger extensions the app declares, by handle and name", () => {
    const declared: Record<string, string> = {};
    for (const dir of readdirSync("extensions")) {
      if (!dir.startsWith("rapport-flow-")) continue;
      const toml = parse(readFileSync(`extensions/${dir}/shopify.extension.toml`, "utf8")) as {
        extensions: { type: string; handle: string; name: string }[];
      };
      const [extension] = toml.extensions;
      if (extension?.type === "flow_trigger") declared[extension.handle] = extension.name;
    }
    expect(declared).toEqual(FLOW_TRIGGERS);
  });

  it("resolve a lifecycle callback's definition id given as handle or title, and nothing else", () => {
    expect(flowTriggerHandleOf("rapport-tier-changed")).toBe("rapport-tier-changed");
    expect(flowTriggerHandleOf("Loyalty reward redeemed")).toBe("rapport-reward-redeemed");
    expect(flowTriggerHandleOf("Add row to spreadsheet")).toBeNull();
    expect(flowTriggerHandleOf("loyalty points earned")).toBeNull();
  });

  it("carry the customer's legacy id for the customer reference", () => {
    expect(pointsEarned("gid://shopify/Customer/7", 25, 320)).toEqual({
      handle: "rapport-points-earned",
      payload: { customer_id: 7, "Points earned": 25, "Points balance": 320 },
    });
  });
});
