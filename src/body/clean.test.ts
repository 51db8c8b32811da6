import { describe, expect, it } from 'vitest';
import { extract } from '../extract.js';

const URL = 'https://photos.example.org/2024/04/collaboration/';

/** A short photo post: too little text for the first attempts, so the cleaner ends with class weights off. */
function photoPost(afterGallery: string): string {
  const photos = Array.from({ length: 6 }, (_, i) =>
    `<p><a href="/full/${i}.jpg"><img src="/thumbs/${i}.jpg" alt="frame ${i}" width="240" height="160"></a></p>`).join('');
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
      'SEOUL, May 19 (Reuters) - South Korea\'s exports rose for a third month in May, led by chips and cars, data showed on Sunday, beating forecasts.',
      'Shipments abroad rose 11.2% from a year earlier, the trade ministry said, against a median forecast of 9.5% in a Reuters poll of economists.',
      'Imports fell 2.1%, leaving a trade surplus of 4.1 billion dollars for the month, the largest since the middle of last year, the ministry said.',
    ].map((t) => `<p>${t}</p>`).join('');
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
  ].map((t) => `<p>${t}</p>`).join('');

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
