// GET /api/directory/search?q=&kind=person|administrative|any
#include "http/json_io.hpp"
#include "http/routes.hpp"

namespace servicedesk::host {
namespace {

/// Appends `"text"` when it is printable ASCII with nothing to escape but `"` and `\`.
/// Plain runs are copied whole: this writes every answer of the hottest route.
bool append_plain_string(std::string& out, std::string_view text) {
  out.push_back('"');
  std::size_t run_start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= 0x20 && c <= 0x7e && c != '"' && c != '\\') continue;
    if (c < 0x20 || c > 0x7e) return false;
    out.append(text, run_start, i - run_start);
    out.push_back('\\');
    run_start = i;  // the quote or backslash itself starts the next run
  }
  out.append(text, run_start, text.size() - run_start);
  out.push_back('"');
  return true;
}

/// `{"results":[...]}` with the members in the JSON library's order; false when a value
/// needs more than the plain path can write.
bool write_search_answer(const std::vector<const DirectoryEntry*>& entries, std::string& out) {
  out.reserve(32 + entries.size() * 128);
  out = "{\"results\":[";
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const DirectoryEntry& entry = *entries[i];
    if (i) out.push_back(',');
    out += "{\"department\":";
    if (!append_plain_string(out, entry.department)) return false;
    out += ",\"display_name\":";
    if (!append_plain_string(out, entry.display_name)) return false;
    out += ",\"kind\":";
    if (!append_plain_string(out, to_string(entry.kind))) return false;
    out += ",\"username\":";
    if (!append_plain_string(out, entry.username)) return false;
    out.push_back('}');
  }
  out += "]}";
  return true;
}

}  // namespace

void add_directory_routes(Router& router) {
  ApiContext& context = router.context();
  router.get("/api/directory/search", Access::session, [&context](Call& call) {
    const std::string query = call.req.get_param_value("q");
    const std::string kind_text =
        call.req.has_param("kind") ? call.req.get_param_value("kind") : "any";
    KindFilter kind;
    if (kind_text == "any") {
      kind = KindFilter::any;
    } else if (kind_text == "person") {
      kind = KindFilter::person;
    } else if (kind_text == "administrative") {
      kind = KindFilter::administrative;
    } else {
      send_error(call.res, 400, "\"kind\" must be person, administrative or any.");
      return;
    }
    if (query.size() > 200) {
      send_error(call.res, 400, "\"q\" is too long.");
      return;
    }
    const auto entries = context.directory.search(query, kind, 20);
    // The hottest answer (one per keystroke): written straight into one buffer when every
    // value is plain ASCII; anything else goes through the JSON library.
    std::string body;
    if (write_search_answer(entries, body)) {
      call.res.status = 200;
      call.res.set_content(std::move(body), "application/json; charset=utf-8");
      return;
    }
    nlohmann::json results = nlohmann::json::array();
    for (const DirectoryEntry* entry : entries) {
      results.push_back({{"username", entry->username},
                         {"display_name", entry->display_name},
                         {"kind", std::string(to_string(entry->kind))},
                         {"department", entry->department}});
    }
    send_json(call.res, 200, {{"results", std::move(results)}});
  });
}

}  // namespace servicedesk::host
