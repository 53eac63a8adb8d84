// Ledger files: the YAML seed an administrator writes, the JSON file the plugin keeps.
#include "ledger_io.hpp"

#include <fstream>
#include <sstream>
#include <system_error>

#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>
#include "phone_format.hpp"

namespace servicedesk::duo {

namespace {

/// Thrown inside this file only; becomes LedgerRead::error.
struct YamlProblem {
  YAML::Mark mark;
  std::string message;
};

std::vector<std::string> phones_from(const YAML::Node& node) {
  if (!node.IsSequence()) throw YamlProblem{node.Mark(), "expected a list of E.164 phones"};
  std::vector<std::string> phones;
  for (const YAML::Node& item : node) {
    if (!item.IsScalar() || !is_e164(item.Scalar())) {
      throw YamlProblem{item.Mark(), "expected an E.164 phone such as \"+17145550101\""};
    }
    phones.push_back(item.Scalar());
  }
  return phones;
}

std::string located(const std::filesystem::path& file, const YAML::Mark& mark,
                    const std::string& message) {
  std::ostringstream out;
  out << file.string() << ':' << mark.line + 1 << ':' << mark.column + 1 << ": " << message;
  return out.str();
}

}  // namespace

LedgerRead read_ledger_yaml(const std::filesystem::path& file) {
  try {
    const YAML::Node root = YAML::LoadFile(file.string());
    const YAML::Node accounts = root["accounts"];
    if (!root.IsMap() || !accounts.IsMap()) {
      throw YamlProblem{root.Mark(), "expected a map with an `accounts` map"};
    }
    LedgerSnapshot snapshot;
    for (const auto& entry : accounts) {
      const std::string account = entry.first.Scalar();
      const YAML::Node& body = entry.second;
      if (!body.IsMap()) {
        throw YamlProblem{body.Mark(), "expected `phones: [...]` or `members: {...}`"};
      }
      AccountPhones& phones = snapshot.accounts[account];
      for (const auto& field : body) {
        const std::string key = field.first.Scalar();
        if (key == "phones") {
          phones[account] = phones_from(field.second);
        } else if (key == "members") {
          if (!field.second.IsMap()) {
            throw YamlProblem{field.second.Mark(), "expected members as `username: [phones]`"};
          }
          for (const auto& member : field.second) {
            phones[member.first.Scalar()] = phones_from(member.second);
          }
        } else {
          throw YamlProblem{field.first.Mark(),
                            "unknown key `" + key + "`; expected `phones` or `members`"};
        }
      }
    }
    return {std::move(snapshot), {}};
  } catch (const YAML::BadFile&) {
    return {std::nullopt, file.string() + ": cannot be read"};
  } catch (const YamlProblem& problem) {
    return {std::nullopt, located(file, problem.mark, problem.message)};
  } catch (const YAML::Exception& e) {
    return {std::nullopt, located(file, e.mark, e.msg)};
  }
}

LedgerRead read_ledger_json(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) return {std::nullopt, file.string() + ": cannot be read"};
  try {
    const nlohmann::json root = nlohmann::json::parse(in);
    LedgerSnapshot snapshot;
    for (const auto& [account, members] : root.at("accounts").items()) {
      AccountPhones& phones = snapshot.accounts[account];
      for (const auto& [user, list] : members.items()) {
        auto& target = phones[user];
        for (const auto& phone : list) {
          const auto& text = phone.get_ref<const std::string&>();
          if (!is_e164(text)) return {std::nullopt, file.string() + ": a phone is not E.164"};
          target.push_back(text);
        }
      }
    }
    if (const auto applied = root.find("applied"); applied != root.end()) {
      snapshot.applied = applied->get<std::vector<std::string>>();
    }
    return {std::move(snapshot), {}};
  } catch (const nlohmann::json::exception& e) {
    return {std::nullopt, file.string() + ": " + e.what()};
  }
}

std::string write_ledger_json(const std::filesystem::path& file, const LedgerSnapshot& snapshot) {
  nlohmann::json root = {
      {"version", 1}, {"accounts", nlohmann::json::object()}, {"applied", snapshot.applied}};
  for (const auto& [account, members] : snapshot.accounts) {
    nlohmann::json& out = root["accounts"][account];
    out = nlohmann::json::object();
    for (const auto& [user, phones] : members) out[user] = phones;
  }
  std::filesystem::path temporary = file;
  temporary += ".tmp";
  {
    std::ofstream out(temporary, std::ios::trunc);
    out << root.dump(2) << '\n';
    out.flush();
    if (!out) return temporary.string() + ": cannot be written";
  }
  std::error_code error;
  // Full phone numbers: readable by the host's own user only, whatever the umask.
  std::filesystem::permissions(
      temporary, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
      std::filesystem::perm_options::replace, error);
  std::filesystem::rename(temporary, file, error);
  if (error) return file.string() + ": cannot be replaced: " + error.message();
  return {};
}

}  // namespace servicedesk::duo
