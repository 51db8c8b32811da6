export declare const DEFAULT_FOLDS: number;
/** Registered domain of a page URL, or null (no URL, an IP, a placeholder host). */
export declare function siteOf(url: unknown): string | null;
export declare function fnv1a(s: string): number;
export declare function foldOf(row: { url?: string | null; id: string }, k?: number): number;
export declare function splitFolds<T extends { url?: string | null; id: string }>(truth: readonly T[], k?: number): T[][];
export interface Spread { mean: number; sd: number; min: number; max: number; n: number }
export declare function spread(values: readonly unknown[]): Spread | null;
export interface CrossValidation {
  k: number;
  folds: { fold: number; pages: number; sites: number; figures: Record<string, number> }[];
  figures: Record<string, Spread | null>;
}
export declare function crossValidate<T extends { url?: string | null; id: string }, P, R>(
  truth: readonly T[], preds: P, scoreSet: (rows: T[], preds: P) => R, figuresOf: (result: R) => Record<string, number>, k?: number,
): CrossValidation;
export declare function formatCrossValidation(cv: CrossValidation, plain: Record<string, number>): string;
