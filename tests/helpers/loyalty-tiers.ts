import prisma from "../../app/db.server";
import { SHOP } from "./webhook-request";

/** Silver from £100 and Gold from £500 of spend over rolling 12 months (the default criteria). */
export async function givenSilverAndGold(data: Record<string, unknown> = {}, shop = SHOP) {
  await prisma.loyaltyProgram.upsert({ where: { shop }, create: { shop, ...data }, update: data });
  const silver = await prisma.loyaltyTier.create({ data: { shop, name: "Silver", threshold: 10_000n, earnMultiplierPct: 125 } });
  const gold = await prisma.loyaltyTier.create({ data: { shop, name: "Gold", threshold: 50_000n, earnMultiplierPct: 150 } });
  return { silver, gold };
}
