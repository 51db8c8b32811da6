/**
 * The confidence model: logistic-regression weights over the features of
 * `evidence.ts` (CONFIDENCE_FEATURES, in that order). Written by
 * `npm run train:confidence` (scripts/train-confidence.mjs) from 826 dev pages of
 * zyte, naeb, wcxb, readability (target: body F1 >= 0.8); do not edit by hand.
 * Learned weights only: no page text.
 */
export const CONFIDENCE_MODEL = Object.freeze({
  features: ["bias","coverage","coverageUnderKnee","linkShare","listShare","repeatedShare","logChars","logProseBlocks","ladderStep","rival","severalRoots","metaLines","boilerplateLines","linkedHeadings","stories","beforeHeadlineShare","headlineWords","descriptionWords","keptKeep","doubtedShare","missedShare"] as readonly string[],
  weights: Object.freeze([-4.217947,1.521431,-0.195812,0,-0.663154,-0.341832,0,0,-2.134868,-0.323865,0,-0.768195,-1.17773,-0.71946,-0.710934,-0.770623,0.655718,2.251512,3.058089,-0.784769,-3.438901]),
});
