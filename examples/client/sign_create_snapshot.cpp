// A complete client: a typed CreateSnapshot request, checked before it
// leaves, then signed as Alibaba Cloud's RPC signature v1 asks and printed
// as the request the classic SDK sends for the same inputs.
//
//   sign_create_snapshot [ACCESS_KEY_ID SECRET TIMESTAMP NONCE]
//
// Without arguments it uses a fixed test key, timestamp and nonce, so the
// output is the same on every run (tests/client_signature_test.py checks it
// against an independent computation). Prints, one per line: the canonical
// query, the string to sign, the signature, and the request (method, path,
// and its form body with the Signature added). Exit 1 when the request is
// invalid (its violations go to standard error).
//
// Signing (docs/client.md): CanonicalizedQuery = every parameter but
// Signature, sorted byte-wise by encoded name, enc(name)=enc(value) joined
// by '&' (snapcheck::encode with param_order::sorted);
// StringToSign = "POST&" + enc("/") + "&" + enc(CanonicalizedQuery);
// Signature = Base64(HMAC-SHA1(SECRET + "&", StringToSign)).
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cstdio>
#include <string>

#include <snapcheck/strings.hpp>

namespace {

// Percent-encodes one text as §10 says (the same encoder as the body's).
std::string enc(std::string_view s) {
  std::string out(snapcheck::encoded_size(s), '\0');
  snapcheck::encode_component(s, out.data(), out.size());
  return out;
}

// Base64(HMAC-SHA1(key, text)).
std::string hmac_sha1_base64(const std::string& key, const std::string& text) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int mac_size = 0;
  HMAC(EVP_sha1(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(text.data()),
       text.size(), mac, &mac_size);
  unsigned char b64[4 * ((EVP_MAX_MD_SIZE + 2) / 3) + 1];
  const int n = EVP_EncodeBlock(b64, mac, static_cast<int>(mac_size));
  return std::string(reinterpret_cast<const char*>(b64), static_cast<std::size_t>(n));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 1 && argc != 5) {
    std::fprintf(stderr, "usage: %s [ACCESS_KEY_ID SECRET TIMESTAMP NONCE]\n", argv[0]);
    return 2;
  }
  const std::string access_key_id = argc == 5 ? argv[1] : "testid";
  const std::string secret = argc == 5 ? argv[2] : "testsecret";
  const std::string timestamp = argc == 5 ? argv[3] : "2026-12-04T12:00:00Z";
  const std::string nonce = argc == 5 ? argv[4] : "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf";

  // The request: typed, every name checked by the compiler against the table.
  snapcheck::create_snapshot_request r;
  r.region_id("cn-hangzhou").disk_id("d-bp1abc").snapshot_name("nightly:\xE5\xA4\x87\xE4\xBB\xBD");  // "nightly:备份"
  r.description("Nightly backup (storage team)").retention_days("30");
  if (!r.add_tag("team", "storage ops") || !r.add_tag("env", "")) return 1;

  // Checked before it leaves.
  const snapcheck::result checked = snapcheck::validate(r);
  for (const auto& v : checked.violations()) std::fprintf(stderr, "%s\n", snapcheck::message(v).c_str());
  if (!checked.ok()) return 1;

  // The RPC common parameters, merged in: the canonical query is signed.
  const snapcheck::param common[] = {
      {"Action", "CreateSnapshot"},     {"Version", "2014-05-26"},     {"Format", "JSON"},
      {"AccessKeyId", access_key_id},   {"SignatureMethod", "HMAC-SHA1"}, {"SignatureVersion", "1.0"},
      {"SignatureNonce", nonce},        {"Timestamp", timestamp}};
  const std::string canonical = snapcheck::encode(r, {snapcheck::param_order::sorted, common});
  const std::string string_to_sign = "POST&" + enc("/") + "&" + enc(canonical);
  const std::string signature = hmac_sha1_base64(secret + "&", string_to_sign);

  std::printf("%s\n%s\n%s\n", canonical.c_str(), string_to_sign.c_str(), signature.c_str());
  std::printf("POST /apsara/route/Ecs/CreateSnapshot %s&Signature=%s\n", canonical.c_str(), enc(signature).c_str());
  return 0;
}
