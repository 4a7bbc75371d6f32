import type { AssessmentRunTable, AssessmentSchemeTable } from "../db/schema.ts";
import type { AssessmentResult, Indicator, Inputs } from "./scoring.ts";

/** Schemes and runs as the domain and its callers see them (rows hold their parts as JSON). */

export interface SchemeView {
  readonly id: string;
  readonly year: number;
  readonly version: number;
  readonly note: string | null;
  readonly indicators: Indicator[];
  readonly createdBy: string;
  readonly createdAt: string;
}

export function toScheme(row: AssessmentSchemeTable): SchemeView {
  return {
    id: row.id,
    year: Number(row.year),
    version: Number(row.version),
    note: row.note,
    indicators: JSON.parse(row.indicators) as Indicator[],
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

export interface RunView {
  readonly id: string;
  readonly year: number;
  readonly schemeId: string;
  readonly schemeVersion: number;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly inputs: Inputs;
  readonly results: AssessmentResult;
}

export function toRun(row: AssessmentRunTable, version: number): RunView {
  return {
    id: row.id,
    year: Number(row.year),
    schemeId: row.scheme_id,
    schemeVersion: version,
    createdBy: row.created_by,
    createdAt: row.created_at,
    inputs: JSON.parse(row.inputs) as Inputs,
    results: JSON.parse(row.results) as AssessmentResult,
  };
}
