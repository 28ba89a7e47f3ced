// What VS Code shows for a kommun-intl data file: its JSON language service
// (vscode-json-languageservice, pinned in the root package.json) loads the document and the
// schema its `$schema` names, as the editor does, and must offer our codes with their labels
// and report our rule's message for a value that fails a pattern.
//
// Run: `make test-editor` (node --test tests/editor/), after `npm ci` at the repository root.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { test } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";

import languageService from "vscode-json-languageservice";

const { getLanguageService, TextDocument } = languageService;

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** A language service that reads schemas from disk, as the editor does for a relative `$schema`. */
function service() {
  return getLanguageService({
    schemaRequestService: (uri) => Promise.resolve(readFileSync(fileURLToPath(uri), "utf8")),
    workspaceContext: { resolveRelativePath: (path, base) => new URL(path, base).toString() },
    clientCapabilities: {
      textDocument: { completion: { completionItem: { documentationFormat: ["markdown", "plaintext"] } } },
    },
  });
}

/** A document at examples/NAME (so that `../schemas/...` resolves) with the text given. */
function document(name, text) {
  const uri = pathToFileURL(resolve(ROOT, "examples", name)).toString();
  return TextDocument.create(uri, "json", 1, text);
}

const feedback = JSON.parse(readFileSync(resolve(ROOT, "examples/feedback.json"), "utf8"));
const rules = JSON.parse(readFileSync(resolve(ROOT, "schemas/feedback.schema.json"), "utf8"));

test("completion offers the feedback categories with their English and Swedish labels", async () => {
  const ls = service();
  const text = JSON.stringify({ ...feedback, category: "" }, null, 2);
  const doc = document("editor-completion.json", text);
  const at = text.indexOf('"category": "') + '"category": "'.length;
  const list = await ls.doComplete(doc, doc.positionAt(at), ls.parseJSONDocument(doc));
  const labels = new Map(list.items.map((item) => [item.label, item]));
  const codes = rules.$defs.FeedbackCategory.enum;
  for (const code of codes) {
    assert.ok(labels.has(`"${code}"`), `completion lacks ${code}: ${[...labels.keys()]}`);
  }
  const praise = labels.get('"praise"');
  const doc_ = typeof praise.documentation === "string" ? praise.documentation : praise.documentation.value;
  assert.equal(doc_, "**Praise** (sv: *Beröm*)");
});

for (const [field, value, def, code] of [
  ["concerns_unit", "Barn & Skola", "Id", "id.format"],
  ["submitted_at", "2026-11-28 09:30", "Timestamp", "timestamp.invalid"],
]) {
  test(`${field}: a value that fails the pattern gets the ${code} message, not the regex`, async () => {
    const ls = service();
    const text = JSON.stringify({ ...feedback, [field]: value }, null, 2);
    const doc = document("editor-diagnostics.json", text);
    const diagnostics = await ls.doValidation(doc, ls.parseJSONDocument(doc));
    const messages = diagnostics.map((d) => d.message);
    const expected = rules.$defs[def].patternErrorMessage;
    assert.ok(expected.endsWith(`[${code}]`), expected);
    const line = doc.positionAt(text.indexOf(JSON.stringify(value))).line;
    assert.ok(
      diagnostics.some((d) => d.message === expected && d.range.start.line === line),
      `got ${JSON.stringify(messages)}`,
    );
    assert.ok(!messages.some((m) => m.includes("does not match the pattern")), messages.join("\n"));
  });
}

test("the valid example has no diagnostics", async () => {
  const ls = service();
  const text = readFileSync(resolve(ROOT, "examples/feedback.json"), "utf8");
  const doc = document("feedback.json", text);
  const diagnostics = await ls.doValidation(doc, ls.parseJSONDocument(doc));
  assert.deepEqual(diagnostics.map((d) => d.message), []);
});

test("hover shows the type's title, its description and the value's labels", async () => {
  const ls = service();
  const text = readFileSync(resolve(ROOT, "examples/feedback.json"), "utf8");
  const doc = document("feedback.json", text);
  const hover = await ls.doHover(doc, doc.positionAt(text.indexOf('"channel"') + 2), ls.parseJSONDocument(doc));
  const contents = hover.contents.join("\n");
  const channel = rules.$defs.Channel;
  assert.ok(contents.startsWith(`${channel.title}\n\n${channel.markdownDescription}`), contents);
  assert.ok(contents.includes("`web`: **Web form** (sv: *Webbformulär*)"), contents);
});
