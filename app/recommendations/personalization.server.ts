import prisma from "../db.server";
import { InvalidInputError } from "../lib/errors";
import { customerSubject, productSubject, TRENDING_SUBJECT, type ListEntry } from "./build-lists";
import { queueRecsBuild } from "./recs-build-job.server";
import { forgetServedSettings, readSettings, settingsSchema, type PersonalizationSettings } from "./settings.server";

/** One strategy's precomputed list for the previewed customer or product, each item with its "why". */
export interface PreviewList {
  strategy: string;
  items: { id: string; title: string; why: string }[];
}

/**
 * The personalization page: the shop's settings and, for a customer or product the merchant picked,
 * each strategy's list as the storefront is served it (the lists the last build wrote, with their
 * one-line reasons). Reads only; nothing is computed here.
 * @example await getPersonalization(shop, { customerGid: "gid://shopify/Customer/1", productGid: null })
 */
export async function getPersonalization(
  shop: string,
  pick: { customerGid: string | null; productGid: string | null },
): Promise<{ settings: PersonalizationSettings; builtAt: Date | null; preview: PreviewList[] }> {
  const subjects: [string, string][] = [
    ...(pick.customerGid
      ? ([
          ["for-you", customerSubject(pick.customerGid, "for-you")],
          ["buy-again", customerSubject(pick.customerGid, "buy-again")],
        ] as [string, string][])
      : []),
    ...(pick.productGid
      ? ([
          ["bought-together", productSubject(pick.productGid, "bought-together")],
          ["similar", productSubject(pick.productGid, "similar")],
        ] as [string, string][])
      : []),
    ["trending", TRENDING_SUBJECT],
  ];
  const [settings, build, rows] = await Promise.all([
    readSettings(shop),
    prisma.recommendationBuild.findUnique({ where: { shop }, select: { builtAt: true } }),
    prisma.recommendationList.findMany({
      where: { shop, subject: { in: subjects.map(([, s]) => s) } },
      select: { subject: true, items: true },
    }),
  ]);
  const bySubject = new Map(rows.map((r) => [r.subject, JSON.parse(r.items) as (ListEntry & { title?: string })[]]));
  return {
    settings,
    builtAt: build?.builtAt ?? null,
    preview: subjects.map(([strategy, subject]) => ({
      strategy,
      items: (bySubject.get(subject) ?? []).map((e) => ({ id: e.id, title: e.title ?? e.id, why: e.why })),
    })),
  };
}

/**
 * Saves the merchant's blocks, fallbacks and rules, and queues a rebuild (rules shape the lists).
 * @throws InvalidInputError naming the first invalid field
 * @example await savePersonalization(shop, { blocks, rules })
 */
export async function savePersonalization(shop: string, input: unknown): Promise<PersonalizationSettings> {
  const parsed = settingsSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InvalidInputError(issue.path.join(".") || "settings", issue.message);
  }
  const settings = JSON.stringify(parsed.data);
  await prisma.$transaction(async (tx) => {
    await tx.recommendationBuild.upsert({ where: { shop }, create: { shop, settings }, update: { settings } });
    await queueRecsBuild(tx, shop);
  });
  forgetServedSettings(shop);
  return parsed.data;
}
