import { describe, expect, it } from 'vitest';
import { extract } from '../extract.js';

const URL = 'https://photos.example.org/2024/04/collaboration/';

/** A short photo post: too little text for the first attempts, so the cleaner ends with class weights off. */
function photoPost(afterGallery: string): string {
  const photos = Array.from(
    { length: 6 },
    (_, i) => `<p><a href="/full/${i}.jpg"><img src="/thumbs/${i}.jpg" alt="frame ${i}" width="240" height="160"></a></p>`,
  ).join('');
  return `<!doctype html><html lang="en"><head><title>Collaboration, April</title></head><body>
<div id="page"><article class="post"><h1 class="entry-title">Collaboration, April</h1>
<div class="entry-content"><p>Frames from the second roll we swapped this spring, shot on a borrowed camera.</p>${photos}
${afterGallery}</div></article>
<footer class="site-footer">Copyright © 2024. All Rights Reserved.</footer></div></body></html>`;
}

const LIKES = `<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3><ul><li><a href="https://x.example/share?u=1">Facebook</a></li></ul></div>
<div class="sharedaddy sd-block sd-like jetpack-likes-widget-wrapper"><h3 class="sd-title">Like this:</h3>
<div class="likes-widget-placeholder"><span class="button"><span>Like</span></span> <span class="loading">Loading...</span></div></div>`;

describe('the cleaner with class weights off', () => {
  it('still removes short share and like widgets', () => {
    const a = extract(photoPost(LIKES), { url: URL });
    expect(a.body.text).toContain('Frames from the second roll');
    expect(a.body.text).not.toMatch(/Like this|Loading|Share this/);
    expect(a.captions.map((c) => c.text).join(' ')).not.toMatch(/Like this/);
    expect(a.boilerplate.some((b) => b.kind === 'share' && /Like this/.test(b.text))).toBe(true);
  });

  it('keeps a block whose class only says it is printed ("print-step"): that is not a widget', () => {
    const step = '<div class="tip-print-step"><p>Lay the tomato on its side and cut across the core, so the seeds stay in each slice.</p></div>';
    const a = extract(photoPost(step), { url: URL });
    expect(a.body.text).toContain('Lay the tomato on its side');
  });
});

describe('the cleaner on a wire story', () => {
  it('does not call the sign-off ("Reporting by ...; Editing by ...") after the body a newsletter box', () => {
    const paras = [
      "SEOUL, May 19 (Reuters) - South Korea's exports rose for a third month in May, led by chips and cars, data showed on Sunday, beating forecasts.",
      'Shipments abroad rose 11.2% from a year earlier, the trade ministry said, against a median forecast of 9.5% in a Reuters poll of economists.',
      'Imports fell 2.1%, leaving a trade surplus of 4.1 billion dollars for the month, the largest since the middle of last year, the ministry said.',
    ]
      .map((t) => `<p>${t}</p>`)
      .join('');
    const html = `<!doctype html><html lang="en"><head><title>South Korea exports rise</title></head><body><article>
<h1>South Korea exports rise for third month</h1><div class="article-body">${paras}</div>
<p class="sign-off">(Reporting by Jane Roe; Editing by John Doe)</p></article></body></html>`;
    const a = extract(html, { url: 'https://wire.example.com/business/korea-exports' });
    expect(a.body.text).toContain('Imports fell 2.1%');
    // Outside the body's container, it is accounted for; "sign" alone names no sign-up form.
    expect(a.boilerplate.find((b) => b.text.includes('Reporting by'))?.kind ?? 'other').not.toBe('newsletter');
  });
});

describe('paywall containers and skip links', () => {
  const PROSE = [
    'The regional council approved the new tram line on Monday after a debate that lasted well into the night, with a narrow majority.',
    'Construction is due to begin next spring and the first trams should run within four years, the transport department said in a statement.',
    'Opponents argued that the money would be better spent on buses, which can serve the outlying villages that the tram line will never reach.',
    'Supporters said the line would take thousands of cars off the ring road every day and pay for itself within two decades of opening.',
  ]
    .map((t) => `<p>${t}</p>`)
    .join('');

  it('keeps the article text of a container its CMS names after the paywall, and removes the paywall prompt', () => {
    const html = `<!doctype html><html lang="en"><head><title>Tram line approved</title></head><body>
<article class="post"><h1>Tram line approved</h1><div class="entry-content">
${PROSE.replace(/<p>/g, '<p>Earlier: ')}${PROSE.replace(/<p>/g, '<p>Also: ')}
<div class="steady-paywall-container"><p>By the time the vote was called, most of the public gallery had gone home, tired of the long evening, and the chair read the result to an almost empty room.</p><p>Supporters said the line would take thousands of cars off the ring road, and the mayor called it a decision for the next generation of the city.</p><p>The first section, between the station and the university, will be built while the old bus depot is torn down, so that the two projects share the road closures and the noise.</p><p>Tickets will cost the same as on the buses, and the council promised a review of the fares after the first full year of service on the line.</p></div>
<div class="paywall-prompt"><p>Subscribe to keep reading.</p><a href="/subscribe">Subscribe now</a></div>
</div></article></body></html>`;
    const a = extract(html, { url: 'https://news.example.com/tram' });
    expect(a.body.text).toContain('the mayor called it a decision');
    expect(a.body.text).not.toContain('Subscribe to keep reading');
    expect(a.boilerplate.some((b) => b.kind === 'paywall' && b.text.includes('Subscribe to keep reading'))).toBe(true);
  });

  it('drops a skip link inside the article region ("Skip to content") as navigation', () => {
    const html = `<!doctype html><html lang="en"><head><title>Tram line approved</title></head><body>
<div class="wrap"><a class="skip-link" href="#content">Skip to content</a><h1>Tram line approved</h1>${PROSE}</div></body></html>`;
    const a = extract(html, { url: 'https://news.example.com/tram' });
    expect(a.body.text).toContain('The regional council approved');
    expect(a.body.text).not.toContain('Skip to content');
  });
});

describe('the cleaner and the standfirst', () => {
  const LEAD =
    'Health officials in the northern province confirmed a third case of the illness on Tuesday, after two travellers fell ill in the capital earlier this month and were treated in hospital.';
  const SECOND =
    'The other people who met the patient have shown no symptoms so far, the provincial health commission said in a statement, and all of them remain under observation at home.';
  const THIRD =
    'Doctors said the latest case was isolated and unrelated to the earlier ones, although they would keep testing everyone who had been in contact with the man over the past fortnight.';
  const DESCRIPTION = 'A THIRD case of the illness has been reported, with the public starting to worry about an outbreak.';
  const page = (lead: string, standfirst: string) => `<!doctype html><html lang="en"><head><title>Third case reported</title>
<meta name="description" content="${DESCRIPTION}"></head><body><article><header><h1>Third case of the illness reported</h1>${standfirst}</header>
<div class="story-body">${lead}<p>${SECOND}</p><p>${THIRD}</p></div></article></body></html>`;

  it('keeps a lead paragraph whose class says only "description" when the page describes itself otherwise', () => {
    const a = extract(page(`<div class="text-description"><p>${LEAD}</p></div>`, ''));
    expect(a.body.text.startsWith(LEAD)).toBe(true);
    expect(a.dek).toBe(DESCRIPTION);
  });

  it('takes a "description" block that prints the page description as the dek', () => {
    const a = extract(page(`<div class="text-description"><p>${DESCRIPTION}</p></div><p>${LEAD}</p>`, ''));
    expect(a.dek).toBe(DESCRIPTION);
    expect(a.body.text).not.toContain('A THIRD case');
    expect(a.body.text).toContain(LEAD);
  });

  it('keeps a strong standfirst class ("standfirst") whatever the description says', () => {
    const a = extract(page(`<p class="standfirst">Officials are testing everyone who met the man.</p><p>${LEAD}</p>`, ''));
    expect(a.body.text).not.toContain('Officials are testing everyone');
    expect(a.dek).toBe('Officials are testing everyone who met the man.');
  });
});

describe('the cleaner and the lines that are fields', () => {
  const P = [
    'The city council voted on Monday to extend the night bus network to the three suburbs that lost their last trains when the branch line closed for repairs.',
    'The new routes start in March and will run every thirty minutes between midnight and five, the transport committee said after a debate that lasted most of the evening.',
    'Residents of the suburbs had collected more than four thousand signatures for the extension, and several of them spoke at the meeting before the vote was taken.',
  ];
  const post = (extra: string) => `<!doctype html><html lang="pt"><head><title>Night buses</title></head><body><div id="content">
<article><h1>Night buses reach the suburbs</h1><span class="data" itemprop="datePublished">segunda-feira, 22 de janeiro de 2018 às 0:13</span>
${P.map((p) => `<p>${p}</p>`).join('\n')}${extra}</article></div></body></html>`;

  it('leaves a microdata date line (itemprop="datePublished") out of the body', () => {
    const a = extract(post(''));
    expect(a.body.text).not.toContain('22 de janeiro');
    expect(a.body.text).toContain(P[0]);
  });

  it('labels a list of rel="tag" links as boilerplate, and keeps a sentence of ordinary links', () => {
    const tags =
      '<strong>Tags<br><a href="/tag/buses/" rel="tag">buses</a>, <a href="/tag/night/" rel="tag">night network</a>, <a href="/tag/council/" rel="tag">city council</a></strong>';
    const links = '<p>See the <a href="/routes">route map</a> and the <a href="/timetable">timetable</a> for the new lines.</p>';
    const policy = '<p>Comments are moderated and appear after approval; please keep them on the subject of the story.</p>';
    const a = extract(post(links + tags + policy));
    expect(a.body.text).not.toMatch(/night network/);
    expect(a.body.text).toContain('route map');
    expect(a.body.text).toContain('Comments are moderated');
    // Named by the words of its label: a list of short links is navigation.
    expect(a.boilerplate.find((b) => /buses, night network, city council/.test(b.text))?.kind).toBe('navigation');
  });
});

describe('the retry ladder on a very short post', () => {
  it('keeps the post, not the comment form a relaxed attempt finds (form text never reaches the body)', () => {
    const html = `<!doctype html><html lang="de"><head><title>Nichts tun ist auch eine Möglichkeit | Gnaur</title></head><body><div id="wrapper">
<div id="content"><div class="post-406 post type-post hentry" id="post-406"><h2 class="posttitle"><a href="/2013/06/14/nichts-tun/">Nichts tun ist auch eine Möglichkeit</a></h2>
<p class="commentmeta">14. Juni 2013 at 20:51</p>
<p>„Ich weiß, ich bin müde und sollte das vielleicht nicht sagen …“</p><p>– „Dann sag es nicht.“</p><p>– „Ok.“</p></div>
<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Kommentar verfassen</h3>
<form id="commentform" class="comment-form"><div class="comment-form-field comment-textarea"><label for="comment">Gib hier deinen Kommentar ein ...</label><textarea id="comment" name="comment"></textarea></div>
<div class="comment-form-nascar"><p>Trage deine Daten unten ein oder klicke ein Icon, um dich einzuloggen:</p></div>
<div class="comment-form-field comment-form-email"><label for="email">E-Mail (Adresse wird niemals veröffentlicht)</label><input id="email" name="email" type="email"></div>
<div class="comment-form-subscribe"><p><input type="checkbox" id="subscribe"> <label for="subscribe">Benachrichtigung bei weiteren Kommentaren per E-Mail senden.</label></p></div>
<p class="form-submit"><input type="submit" value="Kommentar absenden"></p></form></div></div></div></body></html>`;
    const a = extract(html);
    expect(a.body.text).toContain('Ich weiß, ich bin müde');
    expect(a.body.text).toContain('Dann sag es nicht');
    expect(a.body.text).not.toMatch(/Kommentar|E-Mail|Benachrichtigung/);
    expect(a.boilerplate.find((b) => b.text.startsWith('Kommentar verfassen'))?.kind).toBe('comments');
  });
});

describe('author boxes', () => {
  const BIO =
    'Simone is a podcaster and trainer from Munich. She studied electrical engineering, with a focus on digital communications, runs a small academy for knowledge management, and writes about learning organisations, new work, open source and lifelong learning. Member of the corporate learning community, the society for knowledge management, and the open knowledge foundation.';
  // A Twenty Ten-style theme: the author box sits in the post's utility line, under the post.
  const page = (post: string) => `<!doctype html><html lang="de"><head><title>Live vom Camp</title></head><body><div id="wrapper" class="hfeed">
<div id="main"><div id="container"><div id="content" role="main">
<div id="post-385" class="post-385 post type-post hentry"><h1 class="entry-title">Live vom Camp</h1>
<div class="entry-meta">Veröffentlicht am 17. Dezember 2019 von Simone</div>
<div class="entry-content">${post}</div>
<div class="entry-utility">Dieser Eintrag wurde veröffentlicht in <a href="/category/podcast/" rel="category tag">Podcast</a>.
<div id="author-info"><div id="author-avatar"><img src="/avatar.png" alt="" width="68" height="68"></div>
<div id="author-description"><h2>Über Simone Beispiel</h2>${BIO}</div></div></div></div>
<div id="nav-below" class="navigation"><div class="nav-previous"><a href="/koa038/">KOA038 Vorige Folge</a></div></div>
</div></div>
<div id="primary" class="widget-area" role="complementary"><ul>${Array.from({ length: 12 }, (_, i) => `<li><a href="/2019/${i}/">KOA0${i}: Folge ${i} aus dem Archiv</a></li>`).join('')}</ul></div></div></div></body></html>`;

  it('labels the author box of a long post and keeps it out of the body', () => {
    const paras = Array.from(
      { length: 5 },
      (_, i) =>
        `<p>Teil ${i + 1}: Auf dem Camp in Berlin haben wir wieder live gepodcastet, mit Gästen aus Forschung und Praxis, die über ihre Eindrücke, über neue Formate und über alte Gewohnheiten erzählen.</p>`,
    ).join('');
    const a = extract(page(paras));
    expect(a.body.text).toContain('Teil 5');
    expect(a.body.text).not.toContain('podcaster and trainer');
    expect(a.boilerplate.some((b) => b.kind === 'other' && b.text.includes('podcaster and trainer'))).toBe(true);
  });

  it('keeps a two-line post as the body, not the longer author bio a relaxed attempt would find', () => {
    const a = extract(
      page(
        '<p>Auch auf dem Camp 2019, das in Berlin stattfand, haben wir live gepodcastet. Zu Gast waren zwei Forscher, die über ihre Eindrücke vom Camp erzählen.</p><p>Download: <a href="/koa.mp3">mp3</a></p>',
      ),
    );
    expect(a.body.text).toContain('Auch auf dem Camp 2019');
    expect(a.body.text).not.toContain('podcaster and trainer');
  });
});

describe('newsletter pitches in the article text', () => {
  const P = [
    'Taylor Swift can perform her old songs again after the dispute with her former label was settled on Monday, lawyers for both sides said in a joint statement.',
    'The agreement covers live performances and a television special, but not the re-recordings of her first six albums, which she began releasing two years ago.',
    'Moving forward, she has a new record deal in place, and the label will be left to wonder how much the dispute cost it in sales of the original masters.',
  ];
  const page = (
    extra: string,
  ) => `<!doctype html><html lang="en"><head><title>Swift can play her songs</title></head><body><article><h1>Swift can play her songs</h1>
${P.map((p) => `<p>${p}</p>`).join('\n')}${extra}</article></body></html>`;

  it('leaves out a short pitch with a sign-up link, as a newsletter block', () => {
    const pitch =
      '<p><strong>There\'s plenty more where that came from. Sign up for <a href="https://list.example/s">The Water Cooler</a> today to get the free daily newsletter delivered to your inbox.</strong></p>';
    const a = extract(page(pitch));
    expect(a.body.text).toContain(P[2]);
    expect(a.body.text).not.toContain('Water Cooler');
    expect(a.boilerplate.find((b) => b.text.includes('Water Cooler'))?.kind).toBe('newsletter');
  });

  it('keeps a sentence of the story that mentions a newsletter without a link', () => {
    const line = '<p>The label said fans who sign up for its newsletter would hear about the special first.</p>';
    expect(extract(page(line)).body.text).toContain('fans who sign up for its newsletter');
  });
});

describe('headlines of other stories set as links between paragraphs', () => {
  const P = [
    'The singer will be allowed to perform her old songs at the awards show after all, her former label said on Monday, ending a week of public argument over the rights.',
    'The label had said it never tried to stop the performance, only a documentary that would have used the original recordings without its permission.',
    'Fans had flooded social media with messages of support, and several artists had spoken out about the rights musicians hold over their early work.',
  ];
  const page = (between: string) => `<!doctype html><html lang="en"><head><title>Singer can perform</title></head><body><article><h1>Singer can perform</h1>
<p>${P[0]}</p>${between}<p>${P[1]}</p><p>${P[2]}</p></article></body></html>`;

  it('leaves out an all-capitals link line, however long, as related', () => {
    const teaser =
      '<p><strong><a href="/entertainment/singer-cleared-to-perform-hits">SINGER CLEARED TO PERFORM HITS AT AWARDS AMID FEUD WITH FORMER LABEL AND ITS NEW OWNERS IN LOS ANGELES: REPORT</a></strong></p>';
    const a = extract(page(teaser));
    expect(a.body.text).not.toContain('SINGER CLEARED');
    expect(a.boilerplate.find((b) => b.text.startsWith('SINGER CLEARED'))?.kind).toBe('related');
    expect(a.body.text).toContain(P[1]);
  });

  it('keeps a sentence of the story that is a long link in ordinary case', () => {
    const line =
      '<p><a href="/docs/ruling.pdf">The full ruling of the arbitration panel, published on Monday, sets out the terms for each of the six albums in detail</a></p>';
    expect(extract(page(line)).body.text).toContain('The full ruling of the arbitration panel');
  });
});
