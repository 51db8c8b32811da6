/**
 * The confidence model: logistic-regression weights over the features of
 * `evidence.ts` (CONFIDENCE_FEATURES, in that order). Written by
 * `npm run train:confidence` (scripts/train-confidence.mjs) from 826 dev pages of
 * zyte, naeb, wcxb, readability (target: body F1 >= 0.8); do not edit by hand.
 * Learned weights only: no page text.
 */
export const CONFIDENCE_MODEL = Object.freeze({
  features: ["bias","coverage","coverageUnderKnee","linkShare","listShare","repeatedShare","logChars","logProseBlocks","ladderStep","rival","severalRoots","metaLines","boilerplateLines","linkedHeadings","stories","beforeHeadlineShare","headlineWords","descriptionWords","keptKeep","doubtedShare","missedShare"] as readonly string[],
  weights: Object.freeze([-4.210575,1.525772,-0.196888,0,-0.663902,-0.345235,0,0,-2.138593,-0.326816,0,-0.768145,-1.180726,-0.719143,-0.710774,-0.771827,0.641843,2.240873,3.070037,-0.782171,-3.438948]),
});
