// The directory a load run uses: 100,000 generated people, the DITCs who order, the demo people.
#include <fstream>
#include <stdexcept>

#include "auth/password_hash.hpp"
#include "directory/people_generator.hpp"
#include "scenarios.hpp"
#include "timed_clients.hpp"

namespace servicedesk::bench {

void write_load_directory(const std::filesystem::path& file, std::size_t people, int ditcs,
                          const std::string& ditc_prefix) {
  // The DITCs who log in share one hash of "demo" (hashing each would only slow the set-up);
  // the hash holds commas (m=65536,t=2,p=1), so it is quoted.
  const std::string hash = host::hash_password("demo");
  if (hash.empty()) throw std::runtime_error("libsodium could not hash the load password");
  std::ofstream out(file);
  out << "username,display_name,kind,department,roles,password_hash\n";
  out << "newhire,\"Hire, Nova\",person,Athletics,,\n";
  out << "tuffytitan,\"Titan, Tuffy\",person,Athletics,,\n";
  out << "athletics-admin,Athletics Administrative Account,administrative,Athletics,,\n";
  for (int d = 0; d < ditcs; ++d) {
    const std::string username = numbered_user(ditc_prefix, d);
    out << username << ",\"Coordinator, Load " << d << "\",person,Information Technology,ditc,\""
        << hash << "\"\n";
  }
  for (const auto& record : host::generate_people(people)) {
    const auto& entry = record.entry;
    out << entry.username << ",\"" << entry.display_name << "\",person," << entry.department
        << ",,\n";
  }
  if (!out) throw std::runtime_error("cannot write " + file.string());
}

}  // namespace servicedesk::bench
