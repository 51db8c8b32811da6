import type fastCheck from 'fast-check';
import type { Arbitrary } from 'fast-check';

/** A page the fuzzer mutates. */
export interface FuzzPage {
  name: string;
  html: string;
  url: string | null;
}
/** One generated case (see caseArbitrary). */
export type FuzzCase = Record<string, unknown> & { page: number };
/** Splits HTML into tag, comment and text tokens. */
export declare function tokenize(html: string): string[];
/** The fast-check arbitrary of one mutation. */
export declare function mutationArbitrary(fc: typeof fastCheck): Arbitrary<Record<string, unknown>>;
/** The fast-check arbitrary of a whole case. */
export declare function caseArbitrary(fc: typeof fastCheck, pages: readonly FuzzPage[]): Arbitrary<FuzzCase>;
/** The input and options of a case. */
export declare function buildCase(
  pages: readonly FuzzPage[],
  c: FuzzCase,
  limits?: Record<string, number>,
): { input: string | Uint8Array; options: { url?: string; contentType?: string; limits?: Record<string, number> } };
/** The broken invariants of an Article (empty when all hold). */
export declare function articleProblems(article: unknown): string[];
/** The fixture pages as text. */
export declare function loadPages(fixturesDir: string): Promise<FuzzPage[]>;
/** The nesting-amplification cases: [name, opening tag]. */
export declare function amplificationCases(): Array<[string, string]>;
/** A 2 MB page whose article is wrapped in `depth` copies of `open`. */
export declare function amplificationPage(open: string, depth: number): string;
