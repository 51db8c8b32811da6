/** The help text of `copydesk`. */

import { FORMATS } from './args.js';

export function helpText(version: string): string {
  return `copydesk ${version}: separate a news page's headline, dateline, byline, body,
captions and source from its boilerplate.

usage:
  copydesk extract FILE|- [--format ${FORMATS.join('|')}] [--url URL] [--content-type TYPE]
  copydesk --help | --version

commands:
  extract FILE        extract the article of an HTML page; FILE is read as bytes
                      and decoded by copydesk; - reads standard input

options:
  -f, --format FORMAT json      the whole Article as JSON (default)
                      text      the body as plain text
                      markdown  "# headline", then the body as Markdown
                      html      the body as sanitised HTML
  --url URL           the page's URL, to resolve relative links and images
                      (nothing is fetched; default: none)
  --content-type TYPE the HTTP Content-Type the page was served with, whose
                      charset decodes it ("text/html; charset=windows-1251")
  -h, --help          show this help
  -v, --version       show the version

exit status: 0 done, 1 extraction failed, 2 usage or input error

examples:
  copydesk extract page.html --url https://example.com/news/1
  curl -s https://example.com/news/1 | copydesk extract - --format markdown
`;
}
