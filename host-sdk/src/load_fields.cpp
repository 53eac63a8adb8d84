// Reads the `fields` (and checkout `fields`) lists of a catalog-item YAML into FieldDefs.
#include "load_fields.hpp"

#include <algorithm>
#include <cctype>

#include "field_references.hpp"
#include "load_bindings.hpp"
#include "regex_syntax.hpp"

namespace servicedesk::forms {
namespace {

constexpr std::string_view kTypeNames[] = {"text",  "multiline_text", "choice",
                                           "phone", "person",         "directory_account",
                                           "rows",  "date",           "checkbox"};
constexpr std::string_view kReserved[] = {"and",  "or",    "not",   "in",
                                          "true", "false", "empty", "visible"};

bool valid_id(const std::string& id) {
  if (id.empty() || !std::islower(static_cast<unsigned char>(id[0]))) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return std::islower(static_cast<unsigned char>(c)) ||
           std::isdigit(static_cast<unsigned char>(c)) || c == '_';
  });
}

std::optional<FieldType> parse_type(const std::string& name) {
  for (std::size_t i = 0; i < std::size(kTypeNames); ++i) {
    if (kTypeNames[i] == name) return static_cast<FieldType>(i);
  }
  return std::nullopt;
}

void load_choices(const Entry& entry, FieldDef& field, const ListContext& context,
                  Reporter& reporter) {
  if (!expect_list(entry.value, "the choices of '" + field.id + "'", reporter)) return;
  Resolver resolver = make_resolver(context, field.id, false);
  for (const YAML::Node& node : entry.value) {
    if (!expect_map(node, "a choice such as {value: add, label: Add}", reporter)) continue;
    check_keys(node, {"value", "label", "visible_when"}, "a choice", reporter);
    ChoiceDef choice;
    auto value = required_text(node, "value", "a choice", reporter);
    if (!value) continue;
    choice.value = *value;
    for (const ChoiceDef& earlier : field.choices) {
      if (earlier.value == choice.value) {
        reporter.at(find(node, "value")->value,
                    "duplicate choice value '" + choice.value + "' in '" + field.id + "'");
      }
    }
    choice.label = choice.value;
    if (auto label = find(node, "label"))
      choice.label = read_text(*label, reporter).value_or(choice.value);
    if (auto when = find(node, "visible_when"))
      choice.visible_when = load_condition(*when, resolver, reporter);
    field.choices.push_back(std::move(choice));
  }
  if (field.choices.empty() && entry.value.IsSequence()) {
    reporter.at(entry.value,
                "'choices' of '" + field.id + "' is empty; expected at least one {value, label}");
  }
}

/// A field rule sees only the validated answers above it: reading a field declared below
/// (or the field itself) would see nothing, so it is a load error.
void check_reads_above(const Bound<FieldRuleFn>& bound, const FieldDef& field,
                       const ListContext& context, Reporter& reporter) {
  if (bound.reads == nullptr) return;
  const bool in_rows = context.row != nullptr || !context.rows_field.empty();
  constexpr std::string_view kRow = "row.";
  // A `field` parameter is a read too: a column's rule names another column of its row.
  std::vector<FieldRead> reads = *bound.reads;
  for (const FieldParam& param : bound.field_params)
    reads.push_back({(in_rows ? "row." : "") + param.field, {}});
  for (const FieldRead& read : reads) {
    const bool column = read.field.rfind(kRow, 0) == 0;
    if (column && !in_rows) continue;
    const std::string id = column ? read.field.substr(kRow.size()) : read.field;
    const std::vector<std::string>& below = column ? context.row_below : context.form_below;
    const bool is_self = column == in_rows && id == field.id;
    const bool is_rows = !column && in_rows && id == context.rows_field;
    if (!is_self && !is_rows && std::find(below.begin(), below.end(), id) == below.end()) continue;
    reporter.at(bound.use_mark, "field rule '" + bound.name + "' reads '" + read.field +
                                    "', which is not above '" + field.id +
                                    "'; a field rule sees only the answers above it (declare "
                                    "the field higher, or check both in a form rule)");
  }
}

void load_rules(const Entry& entry, FieldDef& field, const HandlerCatalog& handlers,
                Reporter& reporter, const ListContext& context) {
  if (!expect_list(entry.value, "the rules of '" + field.id + "' such as [{use: name}]", reporter))
    return;
  for (const YAML::Node& node : entry.value) {
    Bound<FieldRuleFn> bound = bind<FieldRuleFn>(node, handlers, reporter);
    check_reads_above(bound, field, context, reporter);
    if (context.reads != nullptr && bound.reads != nullptr) {
      context.reads->push_back({HandlerKind<FieldRuleFn>::name, bound.name, bound.reads,
                                bound.use_mark, context.rows_field, bound.field_params});
    }
    if (bound.handler)
      field.rules.push_back(
          {std::move(bound.name), std::move(bound.plugin), std::move(bound.handler)});
  }
}

void load_pattern(const YAML::Node& map, FieldDef& field, Reporter& reporter) {
  auto pattern = find(map, "pattern");
  auto message = find(map, "pattern_message");
  if (message) field.pattern_message = read_text(*message, reporter).value_or("");
  if (!pattern) {
    if (message)
      reporter.at(message->key, "'pattern_message' without 'pattern'; expected both or neither");
    return;
  }
  auto text = read_text(*pattern, reporter);
  if (!text) return;
  if (auto refusal = unsupported_regex_syntax(*text)) {
    YAML::Mark at = pattern->value.Mark();
    at.column = content_column(pattern->value) + static_cast<int>(refusal->offset);
    reporter.at(at, "in 'pattern': " + refusal->reason);
    return;
  }
  try {
    field.pattern.emplace(*text, std::regex::ECMAScript | std::regex::optimize);
    field.pattern_text = *text;
  } catch (const std::regex_error& e) {
    reporter.at(pattern->value,
                "invalid regular expression in 'pattern' (" + std::string(e.what()) +
                    "); expected an ECMAScript regular expression such as '^[0-9]{4}$'");
  }
  if (field.pattern_message.empty())
    field.pattern_message = "This answer is not in the expected format.";
}

std::vector<FieldDef> load_list(const YAML::Node& list, std::string_view what,
                                const HandlerCatalog& handlers, Reporter& reporter,
                                ListContext& context, bool columns);

std::optional<DateBound> load_date_bound(const Entry& entry, Reporter& reporter) {
  auto text = read_text(entry, reporter);
  if (!text) return std::nullopt;
  auto bound = parse_date_bound(*text);
  if (!bound) {
    reporter.at(entry.value, "'" + entry.key.Scalar() + "' is '" + *text +
                                 "'; expected a date such as 2026-03-14, 'today', or days from "
                                 "today such as '+14d' or '-1d'");
  }
  return bound;
}

/// A date field's `min` and `max`; when both are absolute, or both relative, min <= max.
void load_date_bounds(const YAML::Node& map, FieldDef& field, Reporter& reporter) {
  auto min = find(map, "min");
  auto max = find(map, "max");
  if (min) field.min_date = load_date_bound(*min, reporter);
  if (max) field.max_date = load_date_bound(*max, reporter);
  if (!field.min_date || !field.max_date || field.min_date->relative != field.max_date->relative)
    return;
  const std::chrono::sys_days any_day{};
  if (field.min_date->resolve(any_day) > field.max_date->resolve(any_day)) {
    reporter.at(max->value, "'min' (" + field.min_date->text + ") is after 'max' (" +
                                field.max_date->text + "); expected min <= max");
  }
}

void load_rows(const YAML::Node& map, FieldDef& field, const HandlerCatalog& handlers,
               Reporter& reporter, const ListContext& outer) {
  auto columns = find(map, "columns");
  if (!columns) {
    reporter.at(map, "missing 'columns' in rows field '" + field.id +
                         "'; expected a list of column fields");
  } else {
    ListContext inner;
    inner.form = outer.form;
    inner.form_count = outer.form_count;
    inner.form_below = outer.form_below;
    inner.rows_field = field.id;
    inner.reads = outer.reads;
    field.columns = load_list(columns->value, "the columns of '" + field.id + "'", handlers,
                              reporter, inner, true);
  }
  if (auto min = find(map, "min_rows")) {
    field.min_rows = read_integer(*min, reporter);
    if (field.min_rows && *field.min_rows < 0) {
      reporter.at(min->value, "'min_rows' is negative; expected 0 or more");
      field.min_rows.reset();
    }
  }
  if (auto max = find(map, "max_rows")) {
    field.max_rows = read_integer(*max, reporter);
    if (field.max_rows && *field.max_rows < 1) {
      reporter.at(max->value, "'max_rows' must be at least 1");
      field.max_rows.reset();
    } else if (field.min_rows && field.max_rows && *field.min_rows > *field.max_rows) {
      reporter.at(max->value, "'min_rows' (" + std::to_string(*field.min_rows) +
                                  ") is greater than 'max_rows' (" +
                                  std::to_string(*field.max_rows) +
                                  "); expected min_rows <= max_rows");
    }
  }
  if (auto unique = find(map, "unique")) {
    if (expect_list(unique->value, "the column ids in 'unique'", reporter)) {
      for (const YAML::Node& name : unique->value) {
        if (!name.IsScalar()) {
          reporter.at(name, "expected a column id in 'unique', found " + describe(name));
          continue;
        }
        auto it = std::find_if(field.columns.begin(), field.columns.end(),
                               [&](const FieldDef& column) { return column.id == name.Scalar(); });
        if (it == field.columns.end()) {
          std::vector<std::string_view> ids;
          for (const FieldDef& column : field.columns) ids.push_back(column.id);
          reporter.at(name, "'unique' names unknown column '" + name.Scalar() + "' of '" +
                                field.id + "'; expected " +
                                (ids.empty() ? std::string("a column id") : join_choices(ids)));
          continue;
        }
        field.unique_columns.push_back(static_cast<std::uint16_t>(it - field.columns.begin()));
      }
    }
  }
  field.add_label = "Add";
  if (auto add = find(map, "add_label"))
    field.add_label = read_text(*add, reporter).value_or("Add");
}

/// Everything of a field after its id, type and keys: texts, flags, conditions, pattern,
/// choices, rules or rows.
void load_field_details(const YAML::Node& map, FieldDef& field, const HandlerCatalog& handlers,
                        Reporter& reporter, const ListContext& context, bool textual) {
  field.label = label_from_id(field.id);
  if (auto label = find(map, "label"))
    field.label = read_text(*label, reporter).value_or(field.label);
  if (auto help = find(map, "help")) field.help = read_text(*help, reporter, true).value_or("");
  if (auto mandatory = find(map, "mandatory"))
    field.mandatory = read_bool(*mandatory, reporter).value_or(false);
  if (auto read_only = find(map, "read_only"))
    field.read_only = read_bool(*read_only, reporter).value_or(false);
  Resolver visible_resolver = make_resolver(context, field.id, false);
  Resolver self_resolver = make_resolver(context, field.id, true);
  if (auto when = find(map, "visible_when"))
    field.visible_when = load_condition(*when, visible_resolver, reporter);
  if (auto when = find(map, "mandatory_when"))
    field.mandatory_when = load_condition(*when, self_resolver, reporter);
  if (auto when = find(map, "read_only_when"))
    field.read_only_when = load_condition(*when, self_resolver, reporter);
  if (textual) load_pattern(map, field, reporter);
  if (field.type == FieldType::date) load_date_bounds(map, field, reporter);
  if (field.type == FieldType::choice) {
    if (auto choices = find(map, "choices"))
      load_choices(*choices, field, context, reporter);
    else
      reporter.at(map, "missing 'choices' in choice field '" + field.id +
                           "'; expected a list of {value, label}");
  }
  if (field.type != FieldType::rows) {
    if (auto rules = find(map, "rules")) load_rules(*rules, field, handlers, reporter, context);
  } else {
    load_rows(map, field, handlers, reporter, context);
  }
}

std::optional<FieldDef> load_field(const YAML::Node& map, const HandlerCatalog& handlers,
                                   Reporter& reporter, const ListContext& context, bool is_column) {
  FieldDef field;
  auto id = find(map, "id");
  if (!id) {
    reporter.at(map, "missing 'id' in a field; expected a name such as 'request_type'");
    return std::nullopt;
  }
  auto id_text = read_text(*id, reporter);
  if (!id_text) return std::nullopt;
  field.id = *id_text;
  if (!valid_id(field.id)) {
    reporter.at(id->value,
                "field id '" + field.id +
                    "': expected lower-case letters, digits and '_', starting with a letter");
  } else if (std::find(std::begin(kReserved), std::end(kReserved), field.id) !=
             std::end(kReserved)) {
    reporter.at(id->value, "field id '" + field.id +
                               "' is a word of the condition language; choose another id");
  }
  auto type = find(map, "type");
  if (!type) {
    reporter.at(map, "missing 'type' in field '" + field.id + "'; expected " +
                         join_choices({std::begin(kTypeNames), std::end(kTypeNames)}));
    return std::nullopt;
  }
  auto type_text = read_text(*type, reporter);
  if (!type_text) return std::nullopt;
  auto parsed = parse_type(*type_text);
  if (!parsed) {
    reporter.at(type->value, "unknown field type '" + *type_text + "'; expected " +
                                 join_choices({std::begin(kTypeNames), std::end(kTypeNames)}));
    return std::nullopt;
  }
  field.type = *parsed;
  if (is_column && field.type == FieldType::rows) {
    reporter.at(type->value,
                "a column cannot be of type 'rows'; expected one of text, multiline_text, choice, "
                "phone, person, directory_account, date or checkbox");
    return std::nullopt;
  }

  std::vector<std::string_view> allowed = {"id",           "type",           "label",
                                           "help",         "mandatory",      "read_only",
                                           "visible_when", "mandatory_when", "read_only_when"};
  const bool textual = field.type == FieldType::text || field.type == FieldType::multiline_text ||
                       field.type == FieldType::phone;
  if (textual) allowed.insert(allowed.end(), {"pattern", "pattern_message"});
  if (field.type == FieldType::choice) allowed.push_back("choices");
  if (field.type != FieldType::rows && field.type != FieldType::checkbox)
    allowed.push_back("rules");
  if (field.type == FieldType::date) allowed.insert(allowed.end(), {"min", "max"});
  if (field.type == FieldType::rows)
    allowed.insert(allowed.end(), {"columns", "min_rows", "max_rows", "unique", "add_label"});
  check_keys(map, allowed, "a " + std::string(to_string(field.type)) + " field", reporter);

  load_field_details(map, field, handlers, reporter, context, textual);
  return field;
}

std::vector<FieldDef> load_list(const YAML::Node& list, std::string_view what,
                                const HandlerCatalog& handlers, Reporter& reporter,
                                ListContext& context, bool columns) {
  std::vector<FieldDef> fields;
  if (!expect_list(list, what, reporter)) return fields;
  fields.reserve(list.size());
  std::vector<std::string>& below = columns ? context.row_below : context.form_below;
  for (const YAML::Node& node : list) {
    if (auto id = find(node, "id"); id && id->value.IsScalar()) below.push_back(id->value.Scalar());
  }
  for (const YAML::Node& node : list) {
    if (auto id = find(node, "id"); id && id->value.IsScalar()) {
      auto it = std::find(below.begin(), below.end(), id->value.Scalar());
      if (it != below.end()) below.erase(it);
    }
    if (!expect_map(node, "a field with at least 'id' and 'type'", reporter)) continue;
    if (columns) {
      context.row = &fields;
      context.row_count = fields.size();
    } else {
      context.form = &fields;
      context.form_count = fields.size();
    }
    std::optional<FieldDef> field = load_field(node, handlers, reporter, context, columns);
    if (!field) continue;
    auto duplicate = std::find_if(fields.begin(), fields.end(),
                                  [&](const FieldDef& f) { return f.id == field->id; });
    if (duplicate != fields.end()) {
      reporter.at(find(node, "id")->value, "duplicate field id '" + field->id + "' in " +
                                               std::string(what) + "; expected each id once");
      continue;
    }
    fields.push_back(std::move(*field));
  }
  if (fields.size() > 1000)
    reporter.at(list, "too many fields in " + std::string(what) + "; expected at most 1000");
  return fields;
}

}  // namespace

std::string label_from_id(std::string_view id) {
  std::string label(id);
  std::replace(label.begin(), label.end(), '_', ' ');
  if (!label.empty())
    label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
  return label;
}

std::vector<FieldDef> load_field_list(const YAML::Node& list, std::string_view what,
                                      const HandlerCatalog& handlers, Reporter& reporter,
                                      std::vector<ReadCheck>* reads) {
  ListContext context;
  context.reads = reads;
  return load_list(list, what, handlers, reporter, context, false);
}

std::string_view to_string(FieldType type) noexcept {
  return kTypeNames[static_cast<std::size_t>(type)];
}

}  // namespace servicedesk::forms
