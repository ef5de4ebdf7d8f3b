// Validates OpenAPI documents with @apidevtools/swagger-parser (structure
// against the OpenAPI 3.1 schema, then every $ref resolved). Prints
// "valid PATH" per document; exits 1 at the first invalid one.
import SwaggerParser from "@apidevtools/swagger-parser";

let status = 0;
for (const path of process.argv.slice(2)) {
  try {
    const api = await SwaggerParser.validate(path);
    const ops = Object.keys(api.paths).length;
    console.log(`valid ${path}: OpenAPI ${api.openapi}, ${ops} path(s), ${Object.keys(api.components.schemas).length} schemas`);
  } catch (e) {
    console.log(`INVALID ${path}: ${e.message}`);
    status = 1;
  }
}
process.exit(status);
