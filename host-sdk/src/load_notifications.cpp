// Reads `notifications`: events, recipients, subject and body templates with checked placeholders.
#include <algorithm>
#include <fstream>
#include <sstream>

#include "load_form_parts.hpp"
#include "placeholders.hpp"

namespace servicedesk::forms {
namespace {

constexpr std::string_view kPlaceholders[] = {
    "request.number", "item.number",          "item.name",
    "item.summary",   "opened_by.name",       "requested_for.name",
    "recipient.name", "special_instructions", "reason"};

PlaceholderSet mail_placeholders(const std::vector<std::string>& field_ids) {
  return {{std::begin(kPlaceholders), std::end(kPlaceholders)}, field_ids};
}
constexpr std::string_view kEvents[] = {"submitted", "fulfilled", "rejected"};
constexpr std::string_view kRecipients[] = {"opened_by", "requested_for"};

template <std::size_t N>
bool one_of(const std::string_view (&names)[N], std::string_view name) {
  for (std::string_view candidate : names) {
    if (candidate == name) return true;
  }
  return false;
}

template <std::size_t N>
std::string expected(const std::string_view (&names)[N]) {
  return join_choices(std::vector<std::string_view>(std::begin(names), std::end(names)));
}

/// Reads `to`: a list of known recipients.
void load_recipients(const YAML::Node& node, NotificationSpec& spec, Reporter& reporter) {
  if (auto to = find(node, "to")) {
    if (to->value.IsScalar()) {
      reporter.at(
          to->value,
          "expected a list of recipients for 'to' such as [opened_by, requested_for], found " +
              describe(to->value));
    } else if (auto names = read_text_list(*to, reporter)) {
      std::size_t index = 0;
      for (const std::string& name : *names) {
        if (!one_of(kRecipients, name)) {
          reporter.at(to->value[index], "unknown notification recipient '" + name + "'; expected " +
                                            expected(kRecipients));
        }
        ++index;
      }
      spec.recipients = *names;
      if (names->empty()) reporter.at(to->value, "'to' is empty; expected at least one recipient");
    }
  } else {
    reporter.at(node,
                "missing 'to' in a notification; expected a list of " + expected(kRecipients));
  }
}

/// Reads `subject` and checks its placeholders.
void load_subject(const YAML::Node& node, NotificationSpec& spec, const PlaceholderSet& allowed,
                  Reporter& reporter) {
  if (auto subject = find(node, "subject")) {
    if (auto text = read_text(*subject, reporter)) {
      spec.subject_template = *text;
      check_placeholders(*text, allowed, [&](std::size_t offset, std::string_view name) {
        YAML::Mark mark = subject->value.Mark();
        mark.column = content_column(subject->value) + static_cast<int>(offset);
        reporter.at(mark, "unknown placeholder {" + std::string(name) +
                              "} in 'subject'; expected " + allowed.expected());
      });
    }
  } else {
    reporter.at(node, "missing 'subject' in a notification");
  }
}

/// Reads the text of `body_file` (next to the YAML; for a YAML in a `drafts/` folder, else in
/// the folder above) and checks its placeholders, reporting them at their line and column in
/// that file.
void load_body(const YAML::Node& node, const std::filesystem::path& folder, NotificationSpec& spec,
               const PlaceholderSet& allowed, Reporter& reporter) {
  if (auto body = find(node, "body_file")) {
    if (auto name = read_text(*body, reporter)) {
      std::filesystem::path path = folder / *name;
      // A draft (catalog folder's `drafts/`, see host FormRepository) may use the mail bodies of
      // the catalog folder it will be published to.
      std::error_code ec;
      if (!std::filesystem::exists(path, ec) && folder.filename() == "drafts" &&
          std::filesystem::is_regular_file(folder.parent_path() / *name, ec))
        path = folder.parent_path() / *name;
      std::ifstream in(path, std::ios::binary);
      if (!in || std::filesystem::is_directory(path)) {
        reporter.at(body->value,
                    "body_file '" + *name +
                        "' not found; expected a text file in the folder of this YAML file");
      } else {
        std::ostringstream text;
        text << in.rdbuf();
        spec.body_template = text.str();
        const std::string& content = spec.body_template;
        check_placeholders(content, allowed, [&](std::size_t offset, std::string_view placeholder) {
          const std::size_t line_start = content.rfind('\n', offset == 0 ? 0 : offset - 1);
          const int line = 1 + static_cast<int>(std::count(
                                   content.begin(),
                                   content.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
          const int column =
              static_cast<int>(line_start == std::string::npos ? offset + 1 : offset - line_start);
          reporter.at_file(path.string(), line, column,
                           "unknown placeholder {" + std::string(placeholder) + "}; expected " +
                               allowed.expected());
        });
      }
    }
  } else {
    reporter.at(node,
                "missing 'body_file' in a notification; expected the name of a text file next to "
                "this YAML file");
  }
}

}  // namespace

std::vector<NotificationSpec> load_notifications(const YAML::Node& list,
                                                 const std::filesystem::path& folder,
                                                 const std::vector<std::string>& field_ids,
                                                 Reporter& reporter) {
  const PlaceholderSet allowed = mail_placeholders(field_ids);
  std::vector<NotificationSpec> out;
  if (!expect_list(list, "a list of notifications", reporter)) return out;
  for (const YAML::Node& node : list) {
    if (!expect_map(node, "a notification with 'on', 'to', 'subject' and 'body_file'", reporter))
      continue;
    check_keys(node, {"on", "to", "subject", "body_file"}, "a notification", reporter);
    NotificationSpec spec;
    const std::size_t before = reporter.count();
    if (auto on = required_text(node, "on", "a notification", reporter)) {
      spec.on = *on;
      if (!one_of(kEvents, spec.on)) {
        reporter.at(find(node, "on")->value,
                    "unknown notification event '" + spec.on + "'; expected " + expected(kEvents));
      }
    }
    load_recipients(node, spec, reporter);
    load_subject(node, spec, allowed, reporter);
    load_body(node, folder, spec, allowed, reporter);
    if (reporter.count() == before) out.push_back(std::move(spec));
  }
  return out;
}

}  // namespace servicedesk::forms
