// Checks what bound handlers read against the form's fields, at the binding's `use:` line.
#include "field_reads.hpp"

#include <algorithm>

namespace servicedesk::forms {
namespace {

const FieldDef* field_named(const std::vector<FieldDef>& fields, std::string_view id) {
  auto it = std::find_if(fields.begin(), fields.end(),
                         [&](const FieldDef& field) { return field.id == id; });
  return it == fields.end() ? nullptr : &*it;
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

/// The problem with one declared read, or "".
std::string problem(const ReadCheck& check, const FieldRead& read,
                    const std::vector<FieldDef>& fields) {
  const std::string who = check.kind + " '" + check.handler + "'";
  constexpr std::string_view kRow = "row.";
  if (read.field.rfind(kRow, 0) == 0) {
    if (check.rows_field.empty()) return {};  // bound outside rows: there is no row
    const std::string column = read.field.substr(kRow.size());
    const FieldDef* rows = field_named(fields, check.rows_field);
    if (rows == nullptr || field_named(rows->columns, column) != nullptr) return {};
    return who + " reads column '" + column + "' of the row, which rows field '" +
           check.rows_field + "' does not have; expected a column '" + column + "'";
  }
  const FieldDef* field = field_named(fields, read.field);
  const std::string expected = read.columns.empty() ? "a field '" + read.field + "'"
                                                    : "a rows field '" + read.field +
                                                          "' with columns " + joined(read.columns);
  if (field == nullptr) {
    return who + " reads field '" + read.field + "', which this form does not have; expected " +
           expected;
  }
  if (read.columns.empty()) return {};
  if (field->type != FieldType::rows) {
    return who + " reads '" + read.field + "' as rows, but it is a " +
           std::string(to_string(field->type)) + " field; expected " + expected;
  }
  for (const auto& column : read.columns) {
    if (field_named(field->columns, column) == nullptr) {
      return who + " reads column '" + column + "' of '" + read.field +
             "', which the form does not have; expected " + expected;
    }
  }
  return {};
}

/// The problem with one `field` parameter, or "": a field of the form, or a column of the
/// rows field the rule is bound in.
std::string field_param_problem(const ReadCheck& check, const FieldParam& param,
                                const std::vector<FieldDef>& fields) {
  const FieldDef* named = field_named(fields, param.field);
  if (named == nullptr && !check.rows_field.empty()) {
    const FieldDef* rows = field_named(fields, check.rows_field);
    if (rows != nullptr) named = field_named(rows->columns, param.field);
  }
  if (named != nullptr) {
    if (!param.date || named->type == FieldType::date) return {};
    std::vector<std::string> dates;
    for (const FieldDef& field : fields)
      if (field.type == FieldType::date) dates.push_back(field.id);
    return "parameter '" + param.param + "' of " + check.kind + " '" + check.handler + "' names '" +
           param.field + "', a " + std::string(to_string(named->type)) +
           " field; expected a date field" +
           (dates.empty() ? std::string(" (this form has none)") : " such as " + joined(dates));
  }
  std::vector<std::string> ids;
  for (const FieldDef& field : fields) ids.push_back(field.id);
  return "parameter '" + param.param + "' of " + check.kind + " '" + check.handler +
         "' names field '" + param.field + "', which this form does not have; expected one of " +
         joined(ids);
}

}  // namespace

void check_reads(const std::vector<ReadCheck>& checks, const std::vector<FieldDef>& fields,
                 Reporter& reporter) {
  for (const ReadCheck& check : checks) {
    static const std::vector<FieldRead> kNone;
    for (const FieldRead& read : check.reads != nullptr ? *check.reads : kNone) {
      std::string why = problem(check, read, fields);
      if (!why.empty()) reporter.at(check.use_mark, why);
    }
    for (const FieldParam& param : check.field_params) {
      std::string why = field_param_problem(check, param, fields);
      if (!why.empty()) reporter.at(param.mark, why);
    }
  }
}

}  // namespace servicedesk::forms
