// Declares to ajv the keywords beyond JSON Schema 2020-12 that kommun-intl's schemas carry (the
// library's own `x-` keywords and the annotations editors read), and the two number formats the
// generator writes, so that ajv's strict mode accepts the schemas without being turned off:
//
//   npx ajv-cli validate --spec=draft2020 -c ajv-formats -c ./schemas/ajv-keywords.cjs \
//     -s schemas/feedback.schema.json -d examples/feedback.json
//
// The list is the core's `schema::editor::EXTRA_KEYWORDS` (a Rust test compares the two).
const KEYWORDS = [
  "x-rules",
  "x-labels",
  "x-aliases",
  "x-personal-data",
  "markdownDescription",
  "enumDescriptions",
  "markdownEnumDescriptions",
  "patternErrorMessage",
];

module.exports = (ajv) => {
  for (const keyword of KEYWORDS) {
    ajv.addKeyword({ keyword, schemaType: ["string", "boolean", "array", "object"] });
  }
  ajv.addFormat("uint32", {
    type: "number",
    validate: (n) => Number.isInteger(n) && n >= 0 && n <= 4294967295,
  });
  ajv.addFormat("double", { type: "number", validate: (n) => Number.isFinite(n) });
  return ajv;
};
