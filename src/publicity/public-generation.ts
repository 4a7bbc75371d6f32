/**
 * The generation of what the public 公示 pages show, in this process: the one writer moves it on
 * every change of a publicity record (a batch, an entry, an objection, a case put on 公示 or
 * struck from it), so that a page cached under an older generation is read again. Other
 * processes' changes, and changes outside the publicity records (an organization's new name),
 * reach a cached page when its time runs out (see http/public-cache.ts).
 */
let generation = 0;

const PUBLIC_KINDS: ReadonlySet<string> = new Set([
  "publicity_batch",
  "publicity_entry",
  "objection",
  "project_publicity_entry",
  "project_objection",
]);

/** Called by the one writer for each change: moves the generation when the public sees it. */
export function notePublicChange(kind: string, action: string): void {
  if (
    PUBLIC_KINDS.has(kind) ||
    (kind === "application" && (action === "publish" || action === "uphold"))
  )
    generation++;
}

export function publicGeneration(): number {
  return generation;
}
