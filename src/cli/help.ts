/** The help text of `copydesk`. */

import { DEFAULTS, FORMATS } from './args.js';

const mib = (bytes: number) => `${bytes / 1024 / 1024}M`;

export function helpText(version: string): string {
  return `copydesk ${version}: separate a news page's headline, dateline, byline, body,
captions and source from its boilerplate.

usage:
  copydesk extract FILE|- [--format ${FORMATS.join('|')}] [--url URL] [--content-type TYPE]
  copydesk extract PATH... [--input html|jsonl|warc] [--output jsonl] [-o FILE] [--jobs N] [--resume]
  copydesk extract --fetch URLS.txt... [-o FILE]
  copydesk fetch URL...
  copydesk queue add|work|results|status ...   (many machines: see copydesk queue --help)
  copydesk --help | --version

commands:
  extract PATH...     extract the article of each page. A PATH is a file, a folder
                      (walked recursively), a glob ('pages/**/*.html', quoted), or
                      - for standard input; .gz files are unpacked. One HTML file
                      (or -) prints its Article; anything more is a batch,
                      written as JSONL, one page a line
  fetch URL...        fetch each URL and extract it (the only command that
                      touches the network); one URL prints its Article

single page:
  -f, --format FORMAT json      the whole Article as JSON (default)
                      text      the body as plain text
                      markdown  "# headline", then the body as Markdown
                      html      the body as sanitised HTML
  --with-metadata     text and markdown begin with a header of the headline,
                      byline, date, place, source and URL (YAML front matter)
  --url URL           the page's URL, to resolve relative links and images
                      (nothing is fetched)
  --content-type TYPE the HTTP Content-Type the page was served with, whose
                      charset decodes it ("text/html; charset=windows-1251");
                      in a batch, for the pages that come without one

second engine:
  --fallback readability
                      when copydesk doubts its body (confidence under 0.5),
                      also run Readability on jsdom and keep the better body
                      (needs the packages jsdom and @mozilla/readability; in a
                      batch each worker thread loads them: Node 20.16 or later)

inputs:
  -i, --input KIND    html   one page per file (default for -, and for files
                             whose extension says nothing else)
                      jsonl  one JSON object per line: {"id":..,"url":..,"html":..}
                             (.jsonl, .ndjson)
                      warc   WARC response records with HTML payloads; the
                             record's URL and HTTP charset are used (.warc, .warc.gz)
                      without --input, each file's extension decides, and a
                      folder yields its .html/.htm/.jsonl/.ndjson/.warc files
  --id-field NAME     the JSONL field of the page id (default ${DEFAULTS.names.id}); without
                      one, a page's id is FILE:LINE
  --url-field NAME    the JSONL field of the page URL (default ${DEFAULTS.names.url})
  --html-field NAME   the JSONL field of the page HTML (default ${DEFAULTS.names.html})
  --content-type-field NAME
                      the JSONL field of the page Content-Type (default
                      ${DEFAULTS.names.contentType}); a dotted NAME reaches into objects: meta.url
  --fetch             the PATHs are lists of URLs (one a line, # comments) to
                      fetch and extract
  --max-bytes SIZE    pages larger than this are errors (default ${mib(DEFAULTS.maxBytes)}; 512k, 10M)

batch output:
  --output jsonl      one line per page: {"id":..,"url":..,<Article fields>}, or
                      {"id":..,"url":..,"error":{"kind":..,"message":..}}
                      (the default for a batch; use it to get JSONL for one page)
  -o, --output-file FILE
                      write to FILE instead of standard output
  --output-dir DIR    write each page to its own file in DIR, in the --format
                      chosen (default json), named by its id made safe
                      (page-1.json, example.com_news_1-3f2a9c1e.txt); the JSONL
                      output then lists {"id":..,"url":..,"file":..} per page
  --fields LIST       the Article fields to write, comma-separated
                      (headline,body.text,dateline.published); id and url always
  --resume            skip the ids already in the -o FILE and append the rest
                      (after a stopped or killed run: each id ends up once)
  --unordered         write each page as soon as it is done, not in input order
  -j, --jobs N        worker threads (default: one per core)
  --page-timeout S    seconds one page may take before it is an error (default
                      ${DEFAULTS.pageTimeoutSeconds}; 0 for none)
  --time-budget S     seconds of extraction work per page before copydesk keeps
                      what it has found (default 1; 0 for none; see docs/limits.md)
  --progress, --no-progress
                      the progress bar on standard error (default: shown on an
                      interactive terminal, not in pipes or CI)
  -q, --quiet         no summary on standard error at the end

fetching (fetch, --fetch):
  --user-agent UA     the User-Agent header (default names copydesk)
  --timeout S         seconds for one whole fetch (default ${DEFAULTS.fetchTimeoutSeconds})
  --max-redirects N   redirects followed (default ${DEFAULTS.maxRedirects})
  --fetch-jobs N      fetches at once (default ${DEFAULTS.fetchJobs})
  --allow-private-network
                      also connect to loopback, private, link-local and other
                      non-public addresses (refused by default, for the first
                      URL and every redirect)

  -h, --help          show this help
  -v, --version       show the version

exit status:
  0    done (a batch counts pages without an article as no-article in its summary)
  1    some page failed (a batch writes an error line for it and goes on)
  2    usage or input error, including JSONL or a list of paths given where an
       HTML page was expected (the message says what to pass), or a --fallback
       whose packages are missing
  3    no article: the single page holds none (empty, binary, or no article
       text; the empty Article is still written), or a batch found no pages
  130  interrupted (Ctrl-C)

examples:
  copydesk extract page.html --url https://example.com/news/1
  copydesk extract page.html --fallback readability
  curl -s https://example.com/news/1 | copydesk extract - --format markdown
  copydesk extract saved-pages/ -o articles.jsonl --fields headline,body.text
  copydesk extract saved-pages/ --output-dir texts/ --format text --with-metadata
  copydesk extract crawl.warc.gz -o articles.jsonl --resume
  zcat pages.jsonl.gz | copydesk extract - --input jsonl --fields headline,body.text | jq -r .headline
`;
}
