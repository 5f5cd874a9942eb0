// ajv 8 (draft 2020-12) as an oracle, asked once per batch by the Python tests.
// argv[2]: the folder holding node_modules (installed by `npm ci` from the lock file).
// stdin: {"schemas": [schema, ...], "cases": [{"schema": i, "ref": "Shape", "data": v}]}
// stdout: {"meta": [errors|null per schema], "compiled": [count per schema],
//          "compileErrors": [[message, ...] per schema],
//          "results": [{"valid": bool, "errors": [...]}, ...]}
"use strict";
const path = require("path");
const Ajv2020 = require(path.join(process.argv[2], "node_modules", "ajv", "dist", "2020")).default;

const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
// ajv's default strictness (unknown keywords refused: ours are declared below).
const ajv = new Ajv2020({ allErrors: true, unicodeRegExp: true, allowUnionTypes: true, verbose: true });
ajv.addVocabulary(["x-codegen", "x-sensitive", "x-left-out"]);

const meta = [];
const compiled = [];
const compileErrors = [];
const ids = [];
for (const schema of input.schemas) {
  meta.push(ajv.validateSchema(schema) ? null : ajv.errors);
  ids.push(schema.$id);
  let count = 0;
  const failures = [];
  try {
    ajv.addSchema(schema);
    for (const name of Object.keys(schema.$defs)) {
      try {
        ajv.getSchema(`${schema.$id}#/$defs/${name}`);
        count += 1;
      } catch (error) {
        failures.push(`${name}: ${error.message}`);
      }
    }
  } catch (error) {
    failures.push(`(schema): ${error.message}`);
  }
  compiled.push(count);
  compileErrors.push(failures);
}
const results = (input.cases || []).map(({ schema, ref, data }) => {
  const validate = ajv.getSchema(`${ids[schema]}#/$defs/${ref}`);
  const valid = validate(data);
  const errors = (validate.errors || []).map((e) => ({
    instancePath: e.instancePath,
    keyword: e.keyword,
    params: e.params,
    schemaPath: e.schemaPath,
    propertyName: e.propertyName === undefined ? null : e.propertyName,
    // verbose: the pattern and the string, for the python-jsonschema comparison
    pattern: e.keyword === "pattern" ? e.schema : null,
    data: e.keyword === "pattern" ? e.data : null,
    parentSchema: { properties: e.parentSchema && e.parentSchema.properties ? {} : undefined },
  }));
  return { valid, errors };
});
process.stdout.write(JSON.stringify({ meta, compiled, compileErrors, results }));
