// load_form_file: YAML text -> schema check -> semantic checks -> a compiled Form.
#include <algorithm>
#include <fstream>
#include <sstream>

#include "field_reads.hpp"
#include "form_model.hpp"
#include "load_bindings.hpp"
#include "load_fields.hpp"
#include "load_form_parts.hpp"
#include "utf8_check.hpp"
#include "yaml_syntax_hint.hpp"

namespace servicedesk {
namespace forms {
namespace {

void load_header(const YAML::Node& root, ItemHeader& header, Reporter& reporter) {
  auto id = required_text(root, "id", "the item", reporter);
  if (id) {
    header.id = *id;
    const YAML::Mark mark = find(root, "id")->value.Mark();
    header.id_line = mark.line + 1;
    header.id_column = mark.column + 1;
    const bool ok = std::all_of(header.id.begin(), header.id.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
    if (!ok || header.id.front() == '-') {
      reporter.at(
          find(root, "id")->value,
          "item id '" + header.id +
              "': expected lower-case letters, digits, '-' and '_' such as 'duo-account-updates'");
    }
  }
  header.name = required_text(root, "name", "the item", reporter).value_or("");
  header.category = required_text(root, "category", "the item", reporter).value_or("");
  if (auto description = find(root, "description")) {
    header.description = read_text(*description, reporter, true).value_or("");
  }
  if (auto available = find(root, "available_for")) {
    if (expect_map(available->value, "'available_for' such as {roles: [ditc]}", reporter)) {
      check_keys(available->value, {"roles"}, "'available_for'", reporter);
      if (auto roles = find(available->value, "roles")) {
        header.roles = read_text_list(*roles, reporter).value_or(std::vector<std::string>{});
      }
    }
  }
}

void load_checkout(const YAML::Node& node, CompiledForm& form, const HandlerCatalog& handlers,
                   Reporter& reporter) {
  if (!expect_map(node, "'checkout' with 'guards' and 'fields'", reporter)) return;
  check_keys(node, {"guards", "fields"}, "'checkout'", reporter);
  if (auto guards = find(node, "guards")) {
    if (expect_list(guards->value,
                    "a list of checkout guards such as [{use: alone_in_cart, message: ...}]",
                    reporter)) {
      for (const YAML::Node& binding : guards->value) {
        Bound<CheckoutGuardFn> bound =
            bind<CheckoutGuardFn>(binding, handlers, reporter, {"message"});
        if (!bound.handler) continue;
        GuardBinding guard;
        guard.name = bound.name;
        guard.plugin = bound.plugin;
        guard.message = "This item cannot be ordered together with the other items in your cart.";
        if (auto message = find(binding, "message"))
          guard.message = read_text(*message, reporter).value_or(guard.message);
        guard.guard = std::move(bound.handler);
        form.guards_.push_back(std::move(guard));
      }
    }
  }
  if (auto fields = find(node, "fields")) {
    form.checkout_fields_ =
        load_field_list(fields->value, "the checkout fields", handlers, reporter);
  }
}

/// Binds the item-level handlers: validators, summary, fulfilment. Each records what it reads.
void load_item_handlers(const YAML::Node& root, CompiledForm& form, const HandlerCatalog& handlers,
                        Reporter& reporter, std::vector<ReadCheck>& reads) {
  auto record = [&reads](const auto& bound, const char* kind) {
    if (bound.reads != nullptr)
      reads.push_back({kind, bound.name, bound.reads, bound.use_mark, {}, bound.field_params});
  };
  if (auto validators = find(root, "validators")) {
    if (expect_list(validators->value, "a list of form rules such as [{use: name}]", reporter)) {
      for (const YAML::Node& binding : validators->value) {
        Bound<FormRuleFn> bound = bind<FormRuleFn>(binding, handlers, reporter);
        record(bound, HandlerKind<FormRuleFn>::name);
        if (!bound.handler) continue;
        // A live run waits for the fields it reads, `field` parameters included.
        std::vector<FieldRead> waits_for = *bound.reads;
        for (const FieldParam& param : bound.field_params) waits_for.push_back({param.field, {}});
        form.validators_.push_back({std::move(bound.name), std::move(bound.plugin),
                                    std::move(bound.handler), std::move(waits_for), bound.cost});
      }
    }
  }
  if (auto summary = find(root, "summary")) {
    Bound<SummarizerFn> bound = bind<SummarizerFn>(summary->value, handlers, reporter);
    record(bound, HandlerKind<SummarizerFn>::name);
    form.summarizer_origin_ = {bound.name, bound.plugin};
    form.summarizer_ = std::move(bound.handler);
  }
  if (auto fulfilment = find(root, "fulfilment")) {
    Bound<FulfilmentFn> bound = bind<FulfilmentFn>(fulfilment->value, handlers, reporter);
    record(bound, HandlerKind<FulfilmentFn>::name);
    form.fulfilment_origin_ = {bound.name, bound.plugin};
    form.fulfilment_ = std::move(bound.handler);
  }
}

void load_item(const YAML::Node& root, const std::filesystem::path& file, CompiledForm& form,
               const HandlerCatalog& handlers, Reporter& reporter) {
  if (!expect_map(root, "a catalog item with id, name, category and fields", reporter)) return;
  check_keys(root,
             {"id", "name", "category", "description", "available_for", "checkout", "fields",
              "validators", "summary", "fulfilment", "notifications"},
             "the item", reporter);
  load_header(root, form.header_, reporter);
  form.header_.source_file = file;
  std::vector<ReadCheck> reads;
  if (auto fields = find(root, "fields")) {
    form.fields_ = load_field_list(fields->value, "'fields'", handlers, reporter, &reads);
  } else {
    reporter.at(root, "missing 'fields' in the item; expected a list of fields");
  }
  if (auto checkout = find(root, "checkout"))
    load_checkout(checkout->value, form, handlers, reporter);
  load_item_handlers(root, form, handlers, reporter, reads);
  // Handlers read the item's answers: what they declared must be among its fields.
  check_reads(reads, form.fields_, reporter);
  if (auto notifications = find(root, "notifications")) {
    form.notifications_ = load_notifications(notifications->value, file.parent_path(), reporter);
  }
}

/// Schema findings fill in what the loader's own, more specific messages did not cover.
void merge(std::vector<Diagnostic>& loader, std::vector<Diagnostic>& schema) {
  for (Diagnostic& diagnostic : schema) {
    const bool covered = std::any_of(loader.begin(), loader.end(), [&](const Diagnostic& d) {
      return d.file == diagnostic.file && d.line == diagnostic.line;
    });
    if (!covered) loader.push_back(std::move(diagnostic));
  }
  std::stable_sort(loader.begin(), loader.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.file != b.file) return a.file < b.file;
    if (a.line != b.line) return a.line < b.line;
    return a.column < b.column;
  });
}

/// The 0-based line and column of byte `offset`, as a YAML mark.
YAML::Mark mark_of_offset(std::string_view text, std::size_t offset) {
  YAML::Mark mark;
  const std::size_t line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  mark.pos = static_cast<int>(offset);
  mark.line = static_cast<int>(std::count(text.begin(), text.begin() + offset, '\n'));
  mark.column = static_cast<int>(
      line_start == std::string_view::npos || offset == 0 ? offset : offset - line_start - 1);
  return mark;
}

std::string hex_byte(char byte) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  const auto value = static_cast<unsigned char>(byte);
  return std::string("0x") + kDigits[value >> 4] + kDigits[value & 0x0F];
}

}  // namespace
}  // namespace forms

FormLoadResult load_form_text(std::string_view text, const std::filesystem::path& file,
                              const HandlerCatalog& handlers) {
  forms::Reporter reporter(file.string());
  FormLoadResult result;
  if (const auto bad = forms::first_invalid_utf8(text)) {
    // YAML files are UTF-8; the schema check would misread anything else.
    reporter.at(forms::mark_of_offset(text, *bad), "the file is not valid UTF-8 here (byte " +
                                                       forms::hex_byte(text[*bad]) +
                                                       "); save it as UTF-8");
    result.diagnostics = std::move(reporter.diagnostics());
    return result;
  }
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    reporter.at(e.mark,
                "YAML syntax error: " + e.msg + forms::yaml_syntax_hint(e.msg, text, e.mark.line));
    result.diagnostics = std::move(reporter.diagnostics());
    return result;
  }
  auto form = std::make_shared<forms::CompiledForm>();
  forms::Reporter schema_reporter(file.string());
  try {
    forms::check_schema(root, schema_reporter);
    forms::load_item(root, file, *form, handlers, reporter);
  } catch (const std::exception& e) {
    // A loader bug must not take the host down; report it against the file.
    reporter.at(YAML::Mark(), std::string("could not load this file: ") + e.what());
  }
  forms::merge(reporter.diagnostics(), schema_reporter.diagnostics());
  if (reporter.count() != 0) {
    result.diagnostics = std::move(reporter.diagnostics());
    return result;
  }
  form->build_client_json();
  result.form = std::move(form);
  return result;
}

FormLoadResult load_form_file(const std::filesystem::path& file, const HandlerCatalog& handlers) {
  std::ifstream in(file, std::ios::binary);
  if (!in || std::filesystem::is_directory(file)) {
    FormLoadResult result;
    result.diagnostics.push_back(
        {file.string(), 1, 1, "cannot read this file; expected a readable YAML file"});
    return result;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return load_form_text(text.str(), file, handlers);
}

}  // namespace servicedesk
