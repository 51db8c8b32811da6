#!/usr/bin/env python3
# Usage: python3 scripts/encoding-fixtures/make.py fixtures
# The pages (text drafted in Unicode) are in pages.py beside this file.
# Writes the legacy-encoding fixtures: each page is drafted here in Unicode and
# written in its encoding, so the bytes on disk really are windows-1251, KOI8-R, ...
import json, os, sys, html as H

OUT = sys.argv[1]

def esc(s): return H.escape(s, quote=True)

def page(p):
    decl = p['decl']  # '', 'meta', 'http-equiv'
    label = p.get('label', p['encoding'])
    head_decl = ''
    if decl == 'meta': head_decl = f'<meta charset="{label}">\n'
    elif decl == 'http-equiv': head_decl = f'<meta http-equiv="Content-Type" content="text/html; charset={label}">\n'
    nav = ''.join(f'<li><a href="/{i}/">{esc(x)}</a></li>' for i, x in enumerate(p['nav']))
    related = ''.join(f'<li><a href="/news/{1000+i}.html">{esc(x)}</a></li>' for i, x in enumerate(p['related']))
    paras = ''.join(f'<p>{esc(x)}</p>\n' for x in p['paras'])
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": p['headline'], "datePublished": p['iso'], "author": {"@type": "Person", "name": p['author']}}, ensure_ascii=False)
    layout = p.get('layout', 'a')
    if layout == 'a':
        body = f'''<div class="site">
<header class="site-header"><a class="logo" href="/">{esc(p['site'])}</a>
<nav class="main-nav"><ul>{nav}</ul></nav></header>
<main class="content">
<article class="news-article">
<h1 class="article-title">{esc(p['headline'])}</h1>
<div class="article-meta"><span class="author">{esc(p['byline'])}</span> <time datetime="{p['iso']}">{esc(p['date'])}</time></div>
<div class="article-body">
{paras}</div>
<div class="share-bar"><a href="#">{esc(p['share'])}</a></div>
</article>
<aside class="related-news"><h3>{esc(p['related_title'])}</h3><ul>{related}</ul></aside>
</main>
<footer class="site-footer"><p>{esc(p['footer'])}</p></footer>
</div>'''
    else:
        # An older table layout, as legacy-encoded sites often still have.
        body = f'''<table width="100%" border="0" cellpadding="0" cellspacing="0">
<tr><td colspan="2" class="top"><a href="/"><img src="/img/logo.gif" alt="{esc(p['site'])}" width="240" height="60"></a></td></tr>
<tr><td colspan="2" class="menu">{' | '.join(f'<a href="/{i}/">{esc(x)}</a>' for i, x in enumerate(p['nav']))}</td></tr>
<tr>
<td width="180" valign="top" class="left"><div class="block"><b>{esc(p['related_title'])}</b><ul>{related}</ul></div></td>
<td valign="top" class="main">
<div id="news">
<h1>{esc(p['headline'])}</h1>
<div class="date">{esc(p['date'])} / {esc(p['byline'])}</div>
<div class="text">
{paras}</div>
</div>
</td></tr>
<tr><td colspan="2" class="bottom">{esc(p['footer'])}</td></tr>
</table>'''
    doc = f'''<!DOCTYPE html>
<html lang="{p['lang']}">
<head>
{head_decl}<title>{esc(p['headline'])} | {esc(p['site'])}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:title" content="{esc(p['headline'])}">
<meta property="og:site_name" content="{esc(p['site'])}">
<link rel="canonical" href="{p['url']}">
<script type="application/ld+json">{ld}</script>
<link rel="stylesheet" href="/css/site.css">
</head>
<body>
{body}
<script src="/js/counter.js"></script>
</body>
</html>
'''
    return doc

def write(p):
    d = os.path.join(OUT, p['folder'])
    os.makedirs(d, exist_ok=True)
    data = page(p).encode(p['codec'])  # strict: a character outside the encoding is an error here
    with open(os.path.join(d, 'source.html'), 'wb') as f: f.write(data)
    expected = {
        "url": p['url'],
        "encoding": p['encoding'],
        "headline": p['headline'],
        "body": {
            "startsWith": p['paras'][0][:p.get('start', 40)],
            "contains": [p['paras'][i] for i in (1, 2, 3, len(p['paras']) - 1)],
            "notContains": [p['related_title'], p['related'][0], p['related'][2], p['footer'], p['byline']]
                + [n for n in p['nav'] if not any(n in x for x in p['paras'] + [p['headline']])]
                + ([p['share']] if p.get('layout', 'a') == 'a' else []),
        },
        # The pages show no pictures; the blocks around the story, in page order: the menu (and the share
        # line of layout a), the list of other stories, the rights line at the foot.
        "captions": [],
        "images": [],
        "leadImage": None,
        "boilerplate": {
            "kinds": ["navigation", "share", "related", "footer"] if p.get('layout', 'a') == 'a' else ["navigation", "related", "footer"],
            "blocks": [{"kind": "navigation", "text": p['nav'][1]}]
                + ([{"kind": "share", "text": p['share']}] if p.get('layout', 'a') == 'a' else [])
                + [{"kind": "related", "text": p['related_title']}, {"kind": "footer", "text": p['footer'][:24]}],
        },
        "later": {"byline": p['author'], "published": p['iso'], "language": p['lang'], "publisher": p['site']},
    }
    with open(os.path.join(d, 'expected.json'), 'w', encoding='utf-8') as f:
        json.dump(expected, f, ensure_ascii=False, indent=2); f.write('\n')

exec(open(os.path.join(os.path.dirname(__file__), 'pages.py'), encoding='utf-8').read())
for p in PAGES: write(p)
print(len(PAGES), 'fixtures')
