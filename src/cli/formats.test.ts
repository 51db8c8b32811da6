// Rendering an Article as the CLI prints it, and --with-metadata's header.
import { describe, expect, it } from 'vitest';
import { extract } from '../extract.js';
import type { Article } from '../types.js';
import { checkFields, knownFields, metadataHeader, render } from './formats.js';
import { UsageError } from './args.js';

const PAGE = `<!doctype html><html lang="en"><head><title>Harbour wall repairs approved</title>
<meta property="og:site_name" content="The Gazette"><link rel="canonical" href="https://gazette.example/news/harbour"></head>
<body><article><h1>Harbour wall repairs approved</h1><p class="byline">By Jane Doe</p>
<time datetime="2024-03-05T10:00:00Z">5 March 2024</time>
<p>PORTSEA, March 5 (Reuters) - The council voted on Tuesday to approve the new budget after a long debate about the cost of repairs to the harbour wall.</p>
<p>The vote followed months of argument over who should pay for the work, and the mayor said the town could not wait any longer.</p></article></body></html>`;

const article = (): Article => extract(PAGE, { url: 'https://gazette.example/news/harbour', limits: { timeBudgetMs: Infinity } });

describe('metadataHeader', () => {
  it('writes YAML front matter with the fields the Article has', () => {
    const header = metadataHeader(article());
    expect(header.startsWith('---\n') && header.endsWith('\n---\n')).toBe(true);
    expect(header).toContain('headline: Harbour wall repairs approved');
    expect(header).toContain('date: 2024-03-05');
    expect(header).toMatch(/source: The Gazette; Reuters/);
  });

  it('quotes values YAML would misread, and is empty when there is nothing to say', () => {
    const a = article();
    expect(metadataHeader({ ...a, headline: 'Breaking: yes' })).toContain('headline: "Breaking: yes"');
    expect(metadataHeader({ ...a, headline: 'no' })).toContain('headline: "no"');
    expect(metadataHeader(extract(''))).toBe('');
  });
});

describe('render', () => {
  it('prints each format ending in one newline', () => {
    const a = article();
    expect(render(a, 'text')).toBe(`${a.body.text}\n`);
    expect(render(a, 'html').endsWith('\n')).toBe(true);
    expect(JSON.parse(render(a, 'json')).headline).toBe(a.headline);
    expect(render(a, 'markdown').startsWith('# Harbour wall repairs approved\n\n')).toBe(true);
  });

  it('escapes the Markdown headline so that markup in it stays text', () => {
    const md = render({ ...article(), headline: '<img src=x onerror=alert(1)>' }, 'markdown');
    expect(md.split('\n')[0]).not.toContain('<img');
  });

  it('picks --fields from JSON, and puts the metadata header before text only when asked', () => {
    const a = article();
    expect(Object.keys(JSON.parse(render(a, 'json', ['headline', 'source.agency'])))).toEqual(['headline', 'source']);
    expect(render(a, 'text', null, true).startsWith('---\n')).toBe(true);
    expect(render(a, 'html', null, true).startsWith('---')).toBe(false);
  });
});

describe('checkFields', () => {
  it('knows every Article field and refuses others', () => {
    expect(knownFields()).toEqual(expect.arrayContaining(['headline', 'body.text', 'source.agency', 'dateline.place']));
    expect(() => checkFields(['headline', 'body.text'])).not.toThrow();
    expect(() => checkFields(['headlin'])).toThrow(UsageError);
  });
});
