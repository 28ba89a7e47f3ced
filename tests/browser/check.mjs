// The rendered pages in a real browser: each page of each site directory given is opened in
// headless Chromium (Debian's, /usr/bin/chromium, or $CHROMIUM), and
//   - axe-core finds no WCAG 2.0/2.1 A or AA violation,
//   - <html lang> is the site's language (the directory's name ends in -sv or -en) and every
//     other lang attribute is a language the page can hold (sv, en),
//   - printed (print media) the page has no navigation and nothing wider than the paper,
//   - a screenshot of the screen and of the print layout is saved (SHOTS, by default
//     target/browser-screenshots).
// Usage: node tests/browser/check.mjs SITE_DIR...   Exit 1 on any failure, 0 with a SKIP line
// when Chromium is missing (not under CI=true: there .ci/run installs it, so missing fails).

import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
if (!existsSync(executablePath)) {
  if (process.env.CI === "true") {
    console.error(`FAIL: no Chromium at ${executablePath} (.ci/run installs Debian's chromium)`);
    process.exit(1);
  }
  console.log(`SKIP: browser tests: no Chromium at ${executablePath} (apt-get install chromium)`);
  process.exit(0);
}
const sites = process.argv.slice(2);
if (sites.length === 0) {
  console.error("usage: node tests/browser/check.mjs SITE_DIR...");
  process.exit(2);
}
const shots = resolve(process.env.SHOTS || "target/browser-screenshots");
mkdirSync(shots, { recursive: true });
const axeSource = readFileSync(new URL("./node_modules/axe-core/axe.min.js", import.meta.url), "utf8");

const browser = await chromium.launch({ executablePath, args: ["--no-sandbox"] });
const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
const failures = [];
let pages = 0;
for (const site of sites) {
  const name = basename(site);
  const lang = name.match(/-(sv|en)$/)?.[1];
  const file = join(site, "index.html");
  if (!lang || !existsSync(file)) {
    failures.push(`${site}: not a rendered site (NAME-sv or NAME-en with an index.html)`);
    continue;
  }
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("requestfailed", (r) => errors.push(`request failed: ${r.url()}`));
  await page.goto(pathToFileURL(resolve(file)).href, { waitUntil: "load" });
  pages += 1;
  const fail = (what) => failures.push(`${name}: ${what}`);
  for (const e of errors) fail(e);

  const langs = await page.evaluate(() => ({
    html: document.documentElement.lang,
    others: [...document.querySelectorAll("[lang]")].map((e) => e.getAttribute("lang")),
  }));
  if (langs.html !== lang) fail(`<html lang="${langs.html}">, expected "${lang}"`);
  for (const l of langs.others) if (!["sv", "en"].includes(l)) fail(`lang="${l}"`);

  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }),
  );
  for (const v of result.violations) {
    fail(`axe ${v.id} (${v.impact}): ${v.help}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(", ")}`);
  }
  if (result.passes.length < 10) fail(`axe ran only ${result.passes.length} passing rules`);
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

  await page.emulateMedia({ media: "print" });
  const printed = await page.evaluate(() => ({
    nav: getComputedStyle(document.querySelector("header nav") || document.body).display,
    wide: document.documentElement.scrollWidth > document.documentElement.clientWidth + 1,
  }));
  if (printed.nav !== "none") fail("printed with its navigation");
  if (printed.wide) fail("printed wider than the page");
  await page.screenshot({ path: join(shots, `${name}-print.png`), fullPage: true });
  await page.close();
}
await browser.close();
for (const f of failures) console.error(`FAIL: ${f}`);
console.log(`${pages} pages checked in Chromium (axe-core WCAG 2.1 AA, lang, print); ${failures.length} failures; screenshots in ${shots}`);
process.exit(failures.length ? 1 : 0);
