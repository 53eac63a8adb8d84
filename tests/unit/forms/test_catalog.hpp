// Test doubles for the form tests: a handler catalog linked in directly and a demo directory.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "servicedesk/directory.hpp"
#include "servicedesk/handler_catalog.hpp"

namespace servicedesk::forms_test {

/// Handlers with simple, checkable behaviour, registered under the names tests use:
/// field rules `digits_only` (normalizes "12 34" to "1234"; optional integer `length`),
/// `no_prefix` (required string_list `prefixes`; refuses an empty list in its factory),
/// `upper` (normalizes to upper case); form rule `not_requester` (refuses `account` equal
/// to the requester); guard `alone_in_cart`; summarizer `echo_summary`; fulfilment
/// `always_ok`. Also stand-ins with the DUO plugin's and example plugin's names and
/// parameters (contracts.md) so the shipped YAML files load.
class TestCatalog final : public HandlerCatalog {
 public:
  TestCatalog();
  const RegisteredHandler<FieldRuleFn>* field_rule(std::string_view name) const override;
  const RegisteredHandler<FormRuleFn>* form_rule(std::string_view name) const override;
  const RegisteredHandler<CheckoutGuardFn>* checkout_guard(std::string_view name) const override;
  const RegisteredHandler<SummarizerFn>* summarizer(std::string_view name) const override;
  const RegisteredHandler<FulfilmentFn>* fulfilment(std::string_view name) const override;

 private:
  template <class Fn>
  using Map = std::map<std::string, RegisteredHandler<Fn>, std::less<>>;
  Map<FieldRuleFn> field_rules_;
  Map<FormRuleFn> form_rules_;
  Map<CheckoutGuardFn> guards_;
  Map<SummarizerFn> summarizers_;
  Map<FulfilmentFn> fulfilments_;
};

/// The demo directory of DESIGN.md.
class DemoDirectory final : public Directory {
 public:
  DemoDirectory();
  std::vector<const DirectoryEntry*> search(std::string_view query, KindFilter kind,
                                            std::size_t limit) const override;
  const DirectoryEntry* find(std::string_view username) const override;

 private:
  std::vector<DirectoryEntry> entries_;
};

/// tests/data/forms/<relative>.
std::filesystem::path data_path(const std::string& relative);

/// A fresh empty folder under the system temp dir, removed by the caller.
std::filesystem::path make_temp_dir(const std::string& tag);

}  // namespace servicedesk::forms_test
