import prisma from "../../db.server";
import { enqueueJob } from "../../jobs/queue.server";
import { InvalidInputError } from "../../lib/errors";
import { IMPORT_ANALYSIS } from "./import-analysis-job.server";
import { IMPORT_APPLY } from "./import-apply-job.server";
import { readImportSource } from "./import-file";
import { IMPORT_SOURCES, type ImportSource } from "./import-sources";

/** The largest export the page takes (about 400,000 customers). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export type ImportActionResult = { ok: true; importId: string } | { ok: false; errors: Record<string, string> };

/** The upload form as the route reads it: the file (null when none was chosen) and the source choice. */
export interface ImportUpload {
  file: { name: string; size: number; text(): Promise<string> } | null;
  source: string;
}

/**
 * Stores an uploaded export and queues its dry run. A missing, empty, oversized or unreadable file, or
 * a source that does not match the file, is a field error — nothing is stored.
 * @example await startImport(shop, "ada@shop.com", { file, source: "auto" }) // { ok: true, importId: "…" }
 */
export async function startImport(shop: string, staff: string | null, upload: ImportUpload): Promise<ImportActionResult> {
  try {
    const choice = upload.source || "auto";
    if (choice !== "auto" && !IMPORT_SOURCES.includes(choice as ImportSource))
      throw new InvalidInputError("source", "Choose Smile.io, LoyaltyLion or automatic");
    const { file } = upload;
    if (!file || file.size === 0) throw new InvalidInputError("file", "Choose the CSV file your loyalty app exported");
    if (file.size > MAX_IMPORT_BYTES) throw new InvalidInputError("file", "The file is larger than 50 MB: split it and import each part");
    const content = await file.text();
    const source = readImportSource(content, choice as ImportSource | "auto");
    const importId = await prisma.$transaction(async (tx) => {
      const row = await tx.loyaltyImport.create({
        data: { shop, source, fileName: file.name.slice(0, 200) || "export.csv", status: "analysing", content, staff },
        select: { id: true },
      });
      await enqueueJob(tx, { kind: IMPORT_ANALYSIS, shop, key: `${IMPORT_ANALYSIS}:${row.id}`, payload: { importId: row.id } });
      return row.id;
    });
    return { ok: true, importId };
  } catch (error) {
    if (error instanceof InvalidInputError) return { ok: false, errors: { [error.field]: error.message } };
    throw error;
  }
}

/**
 * Queues the apply of a dry-run import (one import applies at a time per shop).
 * @example await applyImportNow(shop, importId) // { ok: true, importId }
 */
export async function applyImportNow(shop: string, importId: string): Promise<ImportActionResult> {
  return prisma.$transaction(async (tx) => {
    const row = await tx.loyaltyImport.findFirst({ where: { id: importId, shop }, select: { id: true, status: true } });
    if (!row) return { ok: false, errors: { importId: "That import is not there any more: upload the file again" } };
    if (row.status !== "analysed") {
      const why: Record<string, string> = {
        applied: "This file is already imported",
        failed: "This file could not be read: upload a corrected file",
      };
      return { ok: false, errors: { importId: why[row.status] ?? "The dry run is not finished yet" } };
    }
    const busy = await tx.loyaltyImport.count({ where: { shop, status: "applying" } });
    if (busy > 0) return { ok: false, errors: { importId: "Another import is being applied: wait for it to finish" } };
    await tx.loyaltyImport.update({ where: { id: row.id }, data: { status: "applying" } });
    await enqueueJob(tx, { kind: IMPORT_APPLY, shop, key: `${IMPORT_APPLY}:${shop}`, payload: { importId: row.id } });
    return { ok: true, importId: row.id };
  });
}
