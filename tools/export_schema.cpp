// Exports the rules of snapcheck's tables in the formats other tools read
// (SPEC §12, docs/schema.md): per table, a JSON Schema (draft 2020-12) of the
// request per profile and an OpenAPI 3.1 document, and the parameter
// reference in Markdown. Everything comes from the constexpr tables.
//
// Usage: export_schema ROOT   (writes ROOT/schema/, ROOT/docs/parameters.md
// and ROOT/tests/data/schema/; tools/export_schema.sh runs it)
#include <snapcheck/snapcheck.hpp>
#include <snapcheck/version.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "../tests/tables/public_cloud.hpp"
#include "export/json.hpp"
#include "export/patterns.hpp"
#include "export/reference.hpp"
#include "export/schema.hpp"

namespace export_tool {
namespace {

// What a table's exports say about it beyond its rows.
struct table_info {
  std::string stem;         // file names: schema/<stem>.documented.schema.json, ...
  std::string title;        // "CreateSnapshot"
  std::string source_file;  // the header of the table
  std::string path;         // the OpenAPI path of the operation
  std::string description;  // of the operation
};

bool write_file(const std::filesystem::path& p, const std::string& text) {
  std::filesystem::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out << text;
  out.close();
  if (!out) {
    std::cerr << "export_schema: cannot write " << p << '\n';
    return false;
  }
  return true;
}

// The api_codes a table can report, in table order, each once.
template <class S>
std::vector<std::string> api_codes_of() {
  std::vector<std::string> out;
  const auto add = [&](sc::string_view c) {
    if (c.empty()) return;
    for (const auto& o : out)
      if (o == str(c)) return;
    out.push_back(str(c));
  };
  add(S::codes.missing);
  add(S::codes.parameter);
  for (const sc::field& f : S::fields) {
    add(f.api_code);
    for (const auto& r : f.rules)
      if (r.kind != sc::rule_kind::none) add(r.api_code);
  }
  return out;
}

json ref(const std::string& name) {
  json r = json::object();
  r.set("$ref", json::string("#/components/schemas/" + name));
  return r;
}
json typed(const char* type, const char* description = nullptr) {
  json j = json::object();
  j.set("type", json::string(type));
  if (description) j.set("description", json::string(description));
  return j;
}

// The OpenAPI 3.1 document of the operation: the form body with the
// documented profile's schema (the hardened one beside it) and the responses
// of SPEC §7.
template <class S>
json openapi(const table_info& t, const schema_options& o) {
  schema_options embedded = o;
  embedded.for_openapi = true;
  const std::string request = t.title + "Request";
  json schemas = json::object();
  schemas.set(request, request_schema<S>(sc::profile::documented, t.title, t.source_file, embedded));
  schemas.set(request + "Hardened", request_schema<S>(sc::profile::hardened, t.title, t.source_file, embedded));

  json success = typed("object", "The page's success body; other members are allowed.");
  success.set("required", json::strings({"RequestID"}));
  json success_props = json::object();
  json id = typed("string", "The request's id (profile hardened: 1 to 64 characters of 0-9, A-F, a-f and '-').");
  id.set("minLength", json::integer(1));
  success_props.set("RequestID", id);
  success.set("properties", success_props);
  schemas.set("Success", success);

  json page = typed("object", "A failure in the API page's shape: the api_code and message of the first error (or, with none, the first warning).");
  page.set("required", json::strings({"resultCode", "resultMsg", "result"}));
  json page_props = json::object();
  json result_code = typed("integer");
  result_code.set("const", json::integer(-1));
  page_props.set("resultCode", result_code);
  page_props.set("resultMsg", typed("string", "\"<api_code>: <message>\""));
  page_props.set("result", typed("null"));
  page.set("properties", page_props);
  schemas.set("PageFailure", page);

  const std::vector<std::string> codes = api_codes_of<S>();
  json api_code = typed("string");
  api_code.set("enum", json::strings(codes));
  json pub = typed("object", "A failure in the public API's shape: the first error.");
  pub.set("required", json::strings({"RequestId", "HostId", "Code", "Message"}));
  json pub_props = json::object();
  pub_props.set("RequestId", typed("string"));
  pub_props.set("HostId", typed("string"));
  pub_props.set("Code", api_code);
  pub_props.set("Message", typed("string"));
  pub.set("properties", pub_props);
  schemas.set("PublicFailure", pub);

  std::vector<std::string> code_names;
  for (std::size_t i = 0; i < sc::code_count; ++i) code_names.push_back(str(sc::to_string(static_cast<sc::code>(i))));
  json violation = typed("object", "One violation, as the command-line tool prints it (SPEC §8).");
  violation.set("required", json::strings({"field", "code", "severity", "api_code", "message"}));
  json v_props = json::object();
  v_props.set("field", typed("string"));
  json code = typed("string");
  code.set("enum", json::strings(code_names));
  v_props.set("code", code);
  json severity = typed("string");
  severity.set("enum", json::strings({"error", "warning"}));
  v_props.set("severity", severity);
  v_props.set("api_code", api_code);
  v_props.set("message", typed("string"));
  for (const char* n : {"at", "length", "limit"}) {
    json i = typed("integer");
    i.set("minimum", json::integer(0));
    v_props.set(n, i);
  }
  v_props.set("suggestion", typed("string"));
  violation.set("properties", v_props);
  schemas.set("Violation", violation);

  json problem = typed("object", "RFC 9457 problem details holding every violation.");
  problem.set("required", json::strings({"type", "title", "status", "detail", "errors"}));
  json p_props = json::object();
  p_props.set("type", typed("string"));
  p_props.set("title", typed("string"));
  json status = typed("integer");
  status.set("const", json::integer(400));
  p_props.set("status", status);
  p_props.set("detail", typed("string"));
  p_props.set("instance", typed("string"));
  p_props.set("truncated", typed("boolean"));
  json errors = typed("array");
  errors.set("items", ref("Violation"));
  p_props.set("errors", errors);
  problem.set("properties", p_props);
  schemas.set("ProblemDetails", problem);

  json form = json::object();
  form.set("schema", ref(request));
  json body_content = json::object();
  body_content.set("application/x-www-form-urlencoded", form);
  json body = json::object();
  body.set("required", json::boolean(true));
  body.set("description", json::string("The parameters as a form body (profile documented; components.schemas." + request +
                                       "Hardened is profile hardened)."));
  body.set("content", body_content);

  const auto response = [](const char* description, json content) {
    json r = json::object();
    r.set("description", json::string(description));
    r.set("content", std::move(content));
    return r;
  };
  json ok_media = json::object();
  ok_media.set("schema", ref("Success"));
  json ok_content = json::object();
  ok_content.set("application/json", ok_media);
  json one_of = json::array();
  one_of.push(ref("PageFailure"));
  one_of.push(ref("PublicFailure"));
  json fail_schema = json::object();
  fail_schema.set("oneOf", one_of);
  json fail_media = json::object();
  fail_media.set("schema", fail_schema);
  json problem_media = json::object();
  problem_media.set("schema", ref("ProblemDetails"));
  json fail_content = json::object();
  fail_content.set("application/json", fail_media);
  fail_content.set("application/problem+json", problem_media);
  json responses = json::object();
  responses.set("200", response("The request is valid (warnings allowed).", ok_content));
  responses.set("400", response("The request is not valid: every validation failure.", fail_content));

  json post = json::object();
  post.set("operationId", json::string(t.title));
  post.set("summary", json::string(t.title));
  post.set("description", json::string(t.description));
  post.set("requestBody", body);
  post.set("responses", responses);
  json item = json::object();
  item.set("post", post);
  json paths = json::object();
  paths.set(t.path, item);

  json info = json::object();
  info.set("title", json::string(t.title));
  info.set("version", json::string(SNAPCHECK_VERSION_STRING));
  info.set("description", json::string("GENERATED by tools/export_schema.sh from " + t.source_file +
                                       " (snapcheck " SNAPCHECK_VERSION_STRING "); do not edit. See docs/schema.md."));
  json components = json::object();
  components.set("schemas", schemas);
  json doc = json::object();
  doc.set("openapi", json::string("3.1.0"));
  doc.set("info", info);
  doc.set("paths", paths);
  doc.set("components", components);
  return doc;
}

template <class S>
bool export_table(const std::filesystem::path& dir, const table_info& t, bool with_openapi,
                  const std::filesystem::path& reference) {
  schema_options o;
  const auto examples = find_examples<S>();
  for (const auto& e : examples) o.examples.push_back(e.valid.value);
  bool ok = true;
  for (const sc::profile p : profiles)
    ok = write_file(dir / (t.stem + "." + profile_name(p) + ".schema.json"),
                    request_schema<S>(p, t.title, t.source_file, o).dump()) && ok;
  if (with_openapi) ok = write_file(dir / (t.stem + ".openapi.json"), openapi<S>(t, o).dump()) && ok;
  if (!reference.empty())
    ok = write_file(reference, parameter_reference<S>(t.title, t.source_file, t.stem, examples)) && ok;
  return ok;
}

}  // namespace
}  // namespace export_tool

int main(int argc, char** argv) {
  using namespace export_tool;
  if (argc != 2) {
    std::cerr << "usage: export_schema ROOT\n"
                 "writes ROOT/schema/*.json, ROOT/docs/parameters.md, ROOT/schema/ecs_create_snapshot.parameters.md\n"
                 "and ROOT/tests/data/schema/rule_kinds.*.schema.json\n";
    return 2;
  }
  const std::filesystem::path root = argv[1];
  bool ok = export_table<sc::apis::create_snapshot>(
      root / "schema",
      {"create_snapshot", "CreateSnapshot", "include/snapcheck/apis/create_snapshot.hpp", "/apsara/route/Ecs/CreateSnapshot",
       "Creates a snapshot of a cloud disk (Apsara Stack ECS). All parameters are in the body."},
      true, root / "docs" / "parameters.md");
  ok = export_table<tables::ecs_create_snapshot>(
           root / "schema",
           {"ecs_create_snapshot", "EcsCreateSnapshot", "tests/tables/public_cloud.hpp", "/",
            "CreateSnapshot of the public-cloud ECS API (version 2014-05-26), an RPC call: Action=CreateSnapshot and the "
            "common parameters travel with these."},
           true, root / "schema" / "ecs_create_snapshot.parameters.md") &&
       ok;
  ok = export_table<tables::rule_kinds>(root / "tests" / "data" / "schema",
                                        {"rule_kinds", "RuleKinds", "tests/tables/public_cloud.hpp", "/", "A made-up table of every rule kind."},
                                        false, {}) &&
       ok;
  return ok ? 0 : 1;
}
