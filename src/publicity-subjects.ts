import { casePublicity } from "./applications/case-publicity.ts";
import { projectPublicity } from "./projects/project-publicity.ts";
import type { PublicitySubject, SubjectKind } from "./publicity/subject.ts";

/**
 * The kinds of subject the one publicity module serves, wired where the product is put together:
 * the publicity module knows only the interface, each subject's module its own implementation.
 */
export const PUBLICITY_SUBJECTS = {
  awards: casePublicity,
  projects: projectPublicity,
} as const satisfies Readonly<Record<SubjectKind, PublicitySubject>>;
