// Directory search over HTTP: several clients typing names and usernames.
#include "timed_clients.hpp"

namespace servicedesk::bench {
namespace {

/// What people type into the search box, keystroke by keystroke, URL-encoded.
const std::vector<std::string>& typed_queries() {
  static const std::vector<std::string> queries = [] {
    std::vector<std::string> out;
    for (std::string text : {"Titan, Tuffy", "tuffytitan", "Smith, Maria", "Garcia", "Nguyen, A",
                             "Hire, Nova", "newhire", "Johnson", "Kim, J", "Lopez"}) {
      for (std::size_t length = 1; length <= text.size(); ++length) {
        out.push_back(httplib::detail::encode_query_param(text.substr(0, length)));
      }
    }
    return out;
  }();
  return queries;
}

}  // namespace

LoadFigures run_search_load(int port, int clients, const std::string& user_prefix,
                            std::chrono::seconds duration) {
  return run_timed_clients(
      port, clients, user_prefix, duration,
      [next = std::vector<std::size_t>(static_cast<std::size_t>(clients))](ApiClient& api,
                                                                           int client) mutable {
        const auto& queries = typed_queries();
        auto& position = next[static_cast<std::size_t>(client)];
        const auto& query = queries[(position++ + 7u * client) % queries.size()];
        return api.get("/api/directory/search?kind=any&q=" + query).status == 200;
      });
}

}  // namespace servicedesk::bench
