/**
 * Small authored pages for the confidence and fallback tests. All text is
 * invented; each builder makes one page shape.
 */

/** Long, distinct, link-free paragraphs of invented news prose. */
export const PARAGRAPHS: readonly string[] = [
  'The regional water board approved a plan on Tuesday to replace the ageing pumping station at Millbrook, after two failures last winter left several villages without running water for days.',
  'Engineers told the board that the station, built in 1962, had reached the end of its working life and that repairs were now costing more each year than a new building would over a decade.',
  'The new station will be built on higher ground beside the old one, so that the river flooding that damaged the pumps in January cannot reach the electrical equipment again.',
  'Work is due to start in the autumn and to take about eighteen months, during which the existing station will keep running with a temporary generator on standby.',
  'Residents of the affected villages welcomed the decision but asked the board to publish a timetable, saying they had heard promises of a replacement at least twice before.',
  'The board said the cost, estimated at 14 million, would be met from its capital budget without a rise in charges, though it warned that other projects might be delayed.',
  'A public meeting to explain the plans will be held at the Millbrook village hall next month, and the drawings will be on display at the library until the end of the year.',
  'Opposition members on the board voted for the plan but criticised the delay, arguing that the failures last winter could have been avoided if the work had been approved in 2019.',
];

/** A plain article page: header, the article with `paragraphs`, a related box, a footer. */
export function articlePage(paragraphs: readonly string[] = PARAGRAPHS, extraInArticle = ''): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Millbrook pumping station to be replaced | Valley Post</title></head>
<body><header><nav><a href="/">Home</a> <a href="/news/">News</a> <a href="/sport/">Sport</a></nav></header>
<main><article class="story"><h1>Millbrook pumping station to be replaced</h1>
<div class="story-body">${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}${extraInArticle}</div></article>
<aside class="related"><h2>Related stories</h2><ul><li><a href="/a">Flood defences finished at Eastbank</a></li><li><a href="/b">Water bills to rise by four per cent</a></li></ul></aside></main>
<footer><p>© 2024 Valley Post. All rights reserved.</p></footer></body></html>`;
}

/** A page whose only content is one list of teaser links (a body copydesk should doubt). */
export function listPage(items = 14): string {
  const lis = Array.from(
    { length: items },
    (_, i) => `<li><a href="/story/${i}">Council news item number ${i + 1} about roads, schools and the budget for next year</a></li>`,
  ).join('');
  return `<!DOCTYPE html><html><head><title>Council updates</title></head><body><main><div class="content"><h1>Council updates</h1><ul>${lis}</ul></div></main></body></html>`;
}

/** `depth` nested divs around one paragraph. */
export function deepPage(depth: number): string {
  return `<html><body>${'<div>'.repeat(depth)}<p>${PARAGRAPHS[0]}</p>${'</div>'.repeat(depth)}</body></html>`;
}
