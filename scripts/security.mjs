#!/usr/bin/env node
// Runs a published corpus of XSS payloads through `extract` and checks that
// nothing in the output can run script. `npm run security` builds first.
//
//   node scripts/security.mjs [--payloads FILE] [--verbose]
//
// Payloads: ../shared/security/xss-payloads.json beside the repository (the
// payloads of DOMPurify's test fixtures; see that folder's README), or
// $COPYDESK_SECURITY/xss-payloads.json, or --payloads FILE (a JSON array of
// { title, payload }). Without them the script says so and exits 0: a fresh
// clone has no ../shared.
//
// Each payload is put into a realistic article page in three places — as a
// block between paragraphs, inside a paragraph, and inside a nested content
// wrapper after the last paragraph — and the page goes through
// `extract(page, { url })`. body.html is parsed as a browser parses it
// (parse5 through jsdom), checked against the allowlist, serialised,
// re-parsed and checked again (scripts/lib/xss-check.mjs); body.markdown is
// checked for unsafe link destinations and raw HTML. Then body.markdown and
// what `copydesk extract --format markdown` prints (the CLI's own render
// function, bundled from src/cli/formats.ts with esbuild) are rendered through
// marked, markdown-it and markdown-it with `html: true`, and the HTML they
// produce is checked for script, event handlers, dangerous URLs and raw HTML;
// for this the payload also goes into the headline (a fourth placement).
// Exit status 1 when any payload survives.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  articlePage,
  htmlScriptRisks,
  MARKDOWN_PLACES,
  markdownRenderChecker,
  markdownScriptRisks,
  PAGE_URL,
  PLACES,
  SENTINEL_FIRST,
  SENTINEL_LAST,
} from './lib/xss-check.mjs';
import { scriptArgs } from './lib/args.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function readArgs() {
  const v = scriptArgs('security', 'usage: npm run security -- [--payloads FILE] [--verbose]', {
    payloads: { type: 'string' },
    verbose: { type: 'boolean', short: 'v' },
  });
  return { payloads: v.payloads ?? null, verbose: v.verbose === true };
}

function payloadFile(arg) {
  if (arg) return path.resolve(arg);
  const dir = process.env.COPYDESK_SECURITY ? path.resolve(process.env.COPYDESK_SECURITY) : path.resolve(ROOT, '..', 'shared', 'security');
  return path.join(dir, 'xss-payloads.json');
}

/**
 * The function `copydesk extract --format` prints with (src/cli/formats.ts),
 * bundled with esbuild into a temporary module: dist/cli.js is a program, not
 * a module to import from.
 */
async function cliMarkdownRender() {
  const { build } = await import('esbuild');
  // Inside node_modules so that the bundle's bare imports (cheerio, ...) resolve from the repository.
  const outfile = path.join(ROOT, 'node_modules', '.cache', 'copydesk-security', 'formats.mjs');
  await build({
    entryPoints: [path.join(ROOT, 'src', 'cli', 'formats.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'error',
    packages: 'external',
  });
  const { render } = await import(pathToFileURL(outfile).href);
  return render;
}

async function main() {
  const args = readArgs();
  const file = payloadFile(args.payloads);
  if (!fs.existsSync(file)) {
    console.log(`security: no payload corpus at ${file} (it lives in ../shared/security beside the repository); nothing to check.`);
    return 0;
  }
  const payloads = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!Array.isArray(payloads)) throw new Error(`${file}: expected a JSON array of { title, payload }`);
  const dist = path.join(ROOT, 'dist', 'index.js');
  if (!fs.existsSync(dist)) throw new Error(`${dist} not found: run \`npm run build\` (or use \`npm run security\`)`);
  const { extract } = await import(pathToFileURL(dist).href);
  const { JSDOM } = await import('jsdom');
  const renderCli = await cliMarkdownRender();
  const { marked } = await import('marked');
  const { default: MarkdownIt } = await import('markdown-it');
  const checker = markdownRenderChecker({ JSDOM, marked, MarkdownIt });

  let pages = 0;
  let withContext = 0;
  let errors = 0;
  let renders = 0;
  const survivors = [];
  for (const [i, item] of payloads.entries()) {
    const payload = typeof item === 'string' ? item : String(item.payload ?? '');
    const title = typeof item === 'string' ? `#${i}` : String(item.title ?? `#${i}`);
    for (const place of MARKDOWN_PLACES) {
      pages++;
      let article;
      try {
        article = extract(articlePage(payload, place), { url: PAGE_URL });
      } catch (e) {
        errors++;
        survivors.push({ title, place, problems: [`extract threw: ${e?.message ?? e}`] });
        continue;
      }
      // The payload sat inside the extracted region when the paragraphs around it were kept.
      if (PLACES.includes(place) && article.body.text.includes(SENTINEL_FIRST) && article.body.text.includes(SENTINEL_LAST)) withContext++;
      const problems = [
        ...htmlScriptRisks(article.body.html, { JSDOM }),
        ...markdownScriptRisks(article.body.markdown),
        ...checker.risks(article.body.markdown).map((p) => `body.markdown rendered by ${p}`),
        ...checker.risks(renderCli(article, 'markdown')).map((p) => `CLI Markdown rendered by ${p}`),
      ];
      renders += 6;
      if (problems.length) survivors.push({ title, place, problems, html: article.body.html });
      else if (args.verbose) console.log(`ok   ${place.padEnd(6)} ${title}`);
    }
  }
  for (const s of survivors) {
    console.log(`FAIL ${s.place.padEnd(6)} ${s.title}`);
    for (const p of s.problems.slice(0, 5)) console.log(`       ${p}`);
  }
  checker.close();
  console.log(
    `security: ${payloads.length} payloads from ${path.relative(process.cwd(), file) || file}, ${MARKDOWN_PLACES.length} placements each ` +
      `(${MARKDOWN_PLACES.join(', ')}): ${pages} pages; ${withContext} with the payload inside the extracted article body; ` +
      `${renders} Markdown renders (body.markdown and the CLI's Markdown through marked, markdown-it, markdown-it html); ` +
      `${errors} threw; ${survivors.length} with something that could run script`,
  );
  return survivors.length ? 1 : 0;
}

process.exitCode = await main();
