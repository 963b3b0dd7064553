import prisma from "../../db.server";
import { getLoyaltyProgram } from "../program.server";
import { LAUNCH_JOB, previewLaunch } from "./launch.server";

/**
 * What the launch page shows: the launch when done (and the past-orders job's progress), else a
 * preview of every choice.
 * @example const { launch, previews } = await launchAdminView(shop)
 */
export async function launchAdminView(shop: string) {
  const [row, program, shopRow, job] = await Promise.all([
    prisma.loyaltyProgram.findUnique({ where: { shop }, select: { launchedAt: true, pastOrders: true } }),
    getLoyaltyProgram(shop),
    prisma.shop.findUnique({ where: { shop }, select: { currencyCode: true } }),
    prisma.job.findFirst({ where: { shop, kind: LAUNCH_JOB }, orderBy: { createdAt: "desc" } }),
  ]);
  const launch = row?.launchedAt ? { at: row.launchedAt.toISOString(), pastOrders: row.pastOrders ?? "none" } : null;
  const progress = job?.progress ? (JSON.parse(job.progress) as { done: number; total?: number; message?: string }) : null;
  return {
    launch,
    previews: launch ? [] : await previewLaunch(shop),
    currencyCode: shopRow?.currencyCode ?? "USD",
    pointsLabel: program.pointsLabel,
    job: job && { status: job.status, done: progress?.done ?? 0, total: progress?.total ?? null, message: progress?.message ?? null },
  };
}
