// Test doubles for the form tests: a handler catalog linked in directly and a demo directory.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "demo_directory.hpp"
#include "servicedesk/directory.hpp"
#include "servicedesk/forms/handler_catalog.hpp"

namespace servicedesk::forms_test {

/// Handlers with simple, checkable behaviour, registered under the names tests use:
/// field rules `digits_only` (normalizes "12 34" to "1234"; optional integer `length`),
/// `no_prefix` (required string_list `prefixes`; refuses an empty list in its factory),
/// `upper` (normalizes to upper case); form rule `not_requester` (refuses `account` equal
/// to the requester), `reads_members` (declares it reads rows field `members` with column
/// `user`); guard `alone_in_cart`; summarizer `echo_summary`; fulfilment `always_ok`. Also
/// stand-ins with the DUO plugin's and example plugin's names and parameters so the
/// shipped YAML files load. The one item registered is the golden form's `accounts`.
class TestCatalog final : public HandlerCatalog {
 public:
  TestCatalog();

 private:
  template <class Fn>
  void keep(RegisteredHandler<Fn> handler) {
    table<Fn>().add(std::move(handler));
  }
};

/// The one demo directory of the test support library.
using DemoDirectory = servicedesk::testing::DemoDirectory;

/// tests/data/forms/<relative>.
std::filesystem::path data_path(const std::string& relative);

/// A fresh empty folder under the system temp dir, removed by the caller.
std::filesystem::path make_temp_dir(const std::string& tag);

}  // namespace servicedesk::forms_test
