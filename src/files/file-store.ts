import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Context } from "../context.ts";
import { AppError } from "../errors.ts";

/**
 * The file store shared by case evidence and documents of other records: files are recognised by
 * their content, stored once under their content hash, outside any served folder. It knows
 * nothing of who owns a file; the owners record that in their own tables.
 */

export interface UploadedFile {
  readonly filename: string;
  readonly data: Buffer;
}

/** What the store returns for a written file, and what an owner records about it. */
export interface StoredFile {
  readonly sha256: string;
  readonly name: string;
  readonly mime: string;
  readonly size: number;
}

/** The file types accepted, recognised by their first bytes, never by their name. */
const TYPES = [
  { mime: "application/pdf", ext: ".pdf", magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { mime: "image/jpeg", ext: ".jpg", magic: [0xff, 0xd8, 0xff] },
  { mime: "image/png", ext: ".png", magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
] as const;

export function sniffType(data: Uint8Array) {
  return TYPES.find((t) => t.magic.every((b, i) => data[i] === b));
}

/**
 * A file name safe to show and to send back: no folders, no control or reserved characters,
 * at most 100 characters, and the extension of the type the content really is.
 */
export function sanitizeName(name: string, ext: string): string {
  const base = name.split(/[/\\]/).pop() ?? "";
  const cleaned = base
    .normalize("NFKC")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, "")
    .replace(/^\.+/, "")
    .replace(/\s+/g, " ")
    .trim();
  const stem = cleaned.replace(/\.[^.]*$/, "").slice(0, 100 - ext.length) || "材料";
  return `${stem}${ext}`;
}

/** Where a file with this content hash lives (the folder keeps its historical name). */
export function evidencePath(dataDir: string, sha256: string): string {
  return join(dataDir, "evidence", sha256.slice(0, 2), sha256);
}

/** Checks a file and writes it to the store; returns what is needed to record it. */
export function storeFile(ctx: Context, file: UploadedFile, field = "file"): StoredFile {
  if (file.data.length === 0) throw new AppError("invalid_field", "文件为空", field);
  const type = sniffType(file.data);
  if (!type)
    throw new AppError(
      "unsupported_file_type",
      "只接受 PDF、JPEG 或 PNG 文件（按文件内容识别）",
      field,
    );
  const sha256 = keepImportFile(ctx, file.data);
  // Characters that change how a name reads without being seen are removed before the name is
  // sanitised: control characters (C0, DEL, C1) and format characters, among them the bidi controls
  // (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C: "\u202Egpj.exe" reads "exe.jpg") and
  // the zero-width ones (U+200B–U+200D, U+2060, U+FEFF). NFKC (which sanitizeName applies too)
  // comes first, so that no compatibility form brings one back and a full-width slash is a folder
  // separator to sanitizeName. A name of nothing else gets sanitizeName's default name.
  const visible = file.filename.normalize("NFKC").replace(/[\p{Cc}\p{Cf}]/gu, "");
  return {
    sha256,
    name: sanitizeName(visible, type.ext),
    mime: type.mime,
    size: file.data.length,
  };
}

/**
 * Writes bytes to the store under their content hash (once); returns the hash. Evidence comes
 * through storeFile, which checks its type first; an official's import file (a roster, already
 * read and checked by its importer) is kept as received.
 */
export function keepImportFile(ctx: Pick<Context, "dataDir">, data: Uint8Array): string {
  const sha256 = createHash("sha256").update(data).digest("hex");
  const path = evidencePath(ctx.dataDir, sha256);
  if (!existsSync(path)) {
    mkdirSync(join(path, ".."), { recursive: true });
    const tmp = `${path}.${randomUUID()}.tmp`;
    writeFileSync(tmp, data, { flag: "wx" });
    renameSync(tmp, path);
  }
  return sha256;
}
