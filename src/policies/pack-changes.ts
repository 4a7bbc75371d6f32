/**
 * When this process last changed a policy pack's state (published, repealed…): the one writer
 * notes it, so that the requests that follow read the governing set again at once instead of at
 * their usual interval (PolicyStore.refreshIfDue).
 */
let notedAt = Number.NEGATIVE_INFINITY;

export function notePackChange(kind: string): void {
  if (kind === "policy_pack") notedAt = Date.now();
}

export function packChangeNotedAt(): number {
  return notedAt;
}
