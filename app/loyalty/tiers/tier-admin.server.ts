import prisma from "../../db.server";
import { InvalidFieldsError } from "../program/program-form";
import { parseTierSetup, setupToDraft, type TierSetupDraft } from "./tier-form";
import { simulateTiers, type TierSimulation } from "./tier-moves.server";
import { saveTierSetup, TIER_RECALCULATION } from "./tier-setup.server";
import { getTierSetup } from "./tier-settings.server";

/** The latest tier recalculation, as the admin shows it. */
export interface TierJobView {
  status: string;
  done: number;
  total: number | null;
  message: string | null;
}

/**
 * What the tiers page shows: the saved setup as an editable draft, the shop's currency, and the latest
 * recalculation with its progress.
 * @example const { draft, job } = await tierAdminView(shop)
 */
export async function tierAdminView(shop: string) {
  const [setup, shopRow, job] = await Promise.all([
    getTierSetup(shop),
    prisma.shop.findUnique({ where: { shop }, select: { currencyCode: true } }),
    prisma.job.findFirst({ where: { shop, kind: TIER_RECALCULATION }, orderBy: { createdAt: "desc" } }),
  ]);
  const currencyCode = shopRow?.currencyCode ?? "USD";
  const progress = job?.progress ? (JSON.parse(job.progress) as { done: number; total?: number | null; message?: string }) : null;
  const jobView: TierJobView | null = job && {
    status: job.status,
    done: progress?.done ?? 0,
    total: progress?.total ?? null,
    message: progress?.message ?? null,
  };
  return { draft: setupToDraft(setup, currencyCode), currencyCode, job: jobView };
}

export type TierAdminResult = { ok: true; simulation: TierSimulation; jobId?: string } | { ok: false; errors: Record<string, string> };

/**
 * The tier editor's posts: `simulate` answers what saving would do; `save` stores the setup and queues
 * the recalculation (after simulating it, so the merchant sees the counts the job will apply).
 * @example await tierAdminAction(shop, "simulate", draft) // { ok: true, simulation: { up: 412, down: 37, unchanged: 3120, members: [...] } }
 */
export async function tierAdminAction(shop: string, intent: string, draft: TierSetupDraft): Promise<TierAdminResult> {
  const shopRow = await prisma.shop.findUnique({ where: { shop }, select: { currencyCode: true } });
  try {
    const proposal = parseTierSetup(draft, shopRow?.currencyCode ?? "USD");
    const now = new Date();
    const simulation = await simulateTiers(shop, proposal, now);
    if (intent !== "save") return { ok: true, simulation };
    const { jobId } = await saveTierSetup(shop, proposal, now);
    return { ok: true, simulation, jobId };
  } catch (error) {
    if (error instanceof InvalidFieldsError) return { ok: false, errors: error.fields };
    throw error;
  }
}
