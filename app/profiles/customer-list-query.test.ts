import { describe, expect, it } from "vitest";
import { parseCustomerListQuery } from "./customer-list-query";

describe("customer list query", () => {
  it("GIVEN a full query string WHEN parsed THEN typed filters", () => {
    expect(
      parseCustomerListQuery(
        new URLSearchParams(
          "q= ada &segment=Champions&minLtv=10.5&minOrders=2&lastOrderMaxDays=30&sort=netSpentMinor&direction=asc&page=3",
        ),
      ),
    ).toEqual({
      q: "ada",
      segment: "Champions",
      minLtv: 10.5,
      minOrders: 2,
      lastOrderMaxDays: 30,
      sort: "netSpentMinor",
      direction: "asc",
      page: 3,
    });
  });

  it("GIVEN junk WHEN parsed THEN defaults, never an error", () => {
    expect(parseCustomerListQuery(new URLSearchParams("sort=password&direction=up&page=-1&minLtv=abc&maxOrders="))).toEqual({
      q: "",
      segment: "",
      sort: "netSpentMinor",
      direction: "desc",
      page: 1,
    });
  });
});
