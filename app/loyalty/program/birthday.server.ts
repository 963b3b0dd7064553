import { randomUUID } from "node:crypto";
import prisma from "../../db.server";
import { InvalidInputError } from "../../lib/errors";

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Records the birthday a shopper enters (month and day; the year is never asked). Their account is
 * created if they have none yet. Bad dates throw InvalidInputError naming the field.
 * @example await setBirthday(shop, "gid://shopify/Customer/17850", 4, 12)
 */
export async function setBirthday(shop: string, customerGid: string, month: number, day: number): Promise<void> {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new InvalidInputError("birthMonth", "Choose a month");
  if (!Number.isInteger(day) || day < 1 || day > DAYS_IN_MONTH[month - 1]!)
    throw new InvalidInputError("birthDay", "Choose a day in that month");
  await prisma.loyaltyAccount.upsert({
    where: { shop_customerGid: { shop, customerGid } },
    create: { id: randomUUID(), shop, customerGid, birthMonth: month, birthDay: day },
    update: { birthMonth: month, birthDay: day },
  });
}
