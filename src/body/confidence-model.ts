/**
 * The confidence model: logistic-regression weights over the features of
 * `evidence.ts` (CONFIDENCE_FEATURES, in that order). Written by
 * `npm run train:confidence` (scripts/train-confidence.mjs) from 826 dev pages of
 * zyte, naeb, wcxb, readability (target: body F1 >= 0.8); do not edit by hand.
 * Learned weights only: no page text.
 */
export const CONFIDENCE_MODEL = Object.freeze({
  features: ["bias","coverage","coverageUnderKnee","linkShare","listShare","repeatedShare","logChars","logProseBlocks","ladderStep","rival","severalRoots","metaLines","boilerplateLines","linkedHeadings","stories","beforeHeadlineShare","headlineWords","descriptionWords","keptKeep","tailKeep","doubtedShare","missedShare"] as readonly string[],
  weights: Object.freeze([-5.187194,1.470663,-0.190378,0,-0.734143,-0.366584,0,0,-2.084289,-0.346584,0,-0.747023,-1.184737,-0.701669,-0.621613,-0.753542,0.633545,2.195678,2.262389,2.014995,-0.342472,-3.509678]),
});
