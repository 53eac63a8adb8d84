// `servicedesk-host test`: runs every case of the `*.tests.yaml` files against the live forms.
#pragma once

#include <filesystem>
#include <ostream>
#include <vector>

#include "catalog/form_repository.hpp"
#include "directory/live_directory.hpp"
#include "usecases/item_source.hpp"

namespace servicedesk::host {

/// The tests files among `paths`: a file as given (`X.yaml` means its `X.tests.yaml`), each
/// folder's `*.tests.yaml` sorted. A folder without any, or a missing file, is a problem.
std::vector<std::filesystem::path> find_tests_files(const std::vector<std::filesystem::path>& paths,
                                                    std::vector<Diagnostic>& problems);

/// Runs every case of `files` against the forms of `forms` (loaded from the files' folders,
/// refused forms included in its status), people and roles from `directory`, and `items` for
/// the other items of a case's cart. Prints `file:line: case 'name': expected ..., got ...`
/// per broken expectation and `N passed, M failed` last. Returns 0 when every case passed.
int run_form_tests(const std::vector<std::filesystem::path>& files, const FormRepository& forms,
                   const ItemSource& items, const LiveDirectory& directory, std::ostream& out);

}  // namespace servicedesk::host
