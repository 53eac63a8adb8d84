// FormRepository: loading a folder, hot reload of edits and new files, refused edits.
#include <fstream>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "catalog/form_repository.hpp"
#include "scratch.hpp"  // tests/support/cpp
#include "test_catalog.hpp"

namespace servicedesk::forms_test {
namespace {

std::string item_yaml(const std::string& id, const std::string& label) {
  return "id: " + id + "\nname: Item " + id +
         "\ncategory: Tests\nfields:\n  - { id: note, type: text, label: " + label + " }\n";
}

void write(const std::filesystem::path& file, const std::string& text) {
  std::ofstream(file, std::ios::trunc) << text;
  // Make the edit visible even on file systems with coarse modification times.
  std::filesystem::last_write_time(
      file, std::filesystem::last_write_time(file) + std::chrono::seconds(1));
}

std::string label_of(const std::shared_ptr<const Form>& form) {
  return form ? form->client_json()["fields"][0]["label"].get<std::string>() : "(none)";
}

class FormRepositoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // What the plugins registered: each item with its form file.
    catalog_.add_item({"item-a", "a.yaml", "forms-test"});
    catalog_.add_item({"item-b", "b.yaml", "forms-test"});
    catalog_.add_item({"item-new", "new.yaml", "forms-test"});
  }
  test::TempDir scratch_;
  const std::filesystem::path folder_ = scratch_.path();
  TestCatalog catalog_;
};

TEST_F(FormRepositoryTest, LoadsEveryYamlFileOfTheFolder) {
  write(folder_ / "a.yaml", item_yaml("item-a", "First"));
  write(folder_ / "b.yaml", item_yaml("item-b", "Second"));
  write(folder_ / "notes.txt", "not a form");
  host::FormRepository repository(folder_, catalog_);
  EXPECT_EQ(repository.load_all(), 0u);
  EXPECT_EQ(repository.forms().size(), 2u);
  EXPECT_EQ(label_of(repository.find("item-b")), "Second");
  EXPECT_EQ(repository.find("nothing"), nullptr);
  EXPECT_EQ(repository.status().size(), 2u);
}

TEST_F(FormRepositoryTest, ValidEditTakesEffectAndInFlightRequestsKeepTheOldForm) {
  write(folder_ / "a.yaml", item_yaml("item-a", "First"));
  host::FormRepository repository(folder_, catalog_);
  repository.load_all();
  std::shared_ptr<const Form> in_flight = repository.find("item-a");
  write(folder_ / "a.yaml", item_yaml("item-a", "Edited"));
  EXPECT_EQ(repository.reload_changed(), 1u);
  EXPECT_EQ(label_of(repository.find("item-a")), "Edited");
  EXPECT_EQ(label_of(in_flight), "First");
  EXPECT_EQ(repository.reload_changed(), 0u);  // nothing changed since
}

TEST_F(FormRepositoryTest, InvalidEditKeepsTheLastGoodVersionAndExposesItsErrors) {
  write(folder_ / "a.yaml", item_yaml("item-a", "First"));
  host::FormRepository repository(folder_, catalog_);
  repository.load_all();
  write(folder_ / "a.yaml",
        "id: item-a\nname: Item\ncategory: Tests\nfields:\n  - { id: note, type: txt }\n");
  repository.reload_changed();  // it may be half-written: not reported yet
  EXPECT_TRUE(repository.status()[0].ok);
  repository.reload_changed();  // still broken, unchanged: reported
  EXPECT_EQ(label_of(repository.find("item-a")), "First");
  const auto status = repository.status();
  ASSERT_EQ(status.size(), 1u);
  EXPECT_FALSE(status[0].ok);
  EXPECT_TRUE(status[0].live);
  ASSERT_FALSE(status[0].diagnostics.empty());
  EXPECT_EQ(status[0].diagnostics[0].line, 5);
  EXPECT_NE(status[0].diagnostics[0].message.find("unknown field type 'txt'"), std::string::npos);
  // Fixing the file clears the errors.
  write(folder_ / "a.yaml", item_yaml("item-a", "Fixed"));
  repository.reload_changed();
  EXPECT_EQ(label_of(repository.find("item-a")), "Fixed");
  EXPECT_TRUE(repository.status()[0].ok);
  EXPECT_TRUE(repository.status()[0].diagnostics.empty());
}

TEST_F(FormRepositoryTest, AddedFileAppearsAndRemovedFileDisappears) {
  host::FormRepository repository(folder_, catalog_);
  repository.load_all();
  EXPECT_TRUE(repository.forms().empty());
  write(folder_ / "new.yaml", item_yaml("item-new", "New"));
  EXPECT_EQ(repository.reload_changed(), 1u);
  EXPECT_EQ(label_of(repository.find("item-new")), "New");
  std::filesystem::remove(folder_ / "new.yaml");
  repository.reload_changed();
  EXPECT_EQ(repository.find("item-new"), nullptr);
}

TEST_F(FormRepositoryTest, EditedMailBodyIsReloadedAndCheckedToo) {
  write(folder_ / "a.txt", "Hello {recipient.name}");
  write(folder_ / "a.yaml", item_yaml("item-a", "First") +
                                "notifications:\n  - { on: submitted, to: [opened_by], subject: "
                                "Hi, body_file: a.txt }\n");
  host::FormRepository repository(folder_, catalog_);
  EXPECT_EQ(repository.load_all(), 0u);
  EXPECT_EQ(repository.reload_changed(), 0u);
  write(folder_ / "a.txt", "Bye {recipient.name}");
  EXPECT_EQ(repository.reload_changed(), 1u);
  EXPECT_EQ(repository.find("item-a")->notifications()[0].body_template, "Bye {recipient.name}");
  write(folder_ / "a.txt", "Bye {recipient.nam}");
  repository.reload_changed();
  repository.reload_changed();  // reported once it stays broken
  EXPECT_EQ(repository.find("item-a")->notifications()[0].body_template, "Bye {recipient.name}");
  ASSERT_FALSE(repository.status()[0].ok);
  EXPECT_EQ(repository.status()[0].diagnostics[0].file, (folder_ / "a.txt").string());
}

TEST_F(FormRepositoryTest, FileCaughtHalfWrittenIsNotReportedAsBroken) {
  write(folder_ / "a.yaml", item_yaml("item-a", "First"));
  host::FormRepository repository(folder_, catalog_);
  repository.load_all();
  const std::string whole = item_yaml("item-a", "Complete");
  // A copy or an editor caught in the middle of writing: cut inside the field list.
  write(folder_ / "a.yaml", whole.substr(0, whole.find("type:")));
  EXPECT_EQ(repository.reload_changed(), 0u);
  EXPECT_TRUE(repository.status()[0].ok) << "a half-written file is not reported";
  EXPECT_EQ(label_of(repository.find("item-a")), "First");
  write(folder_ / "a.yaml", whole);
  EXPECT_EQ(repository.reload_changed(), 1u);
  EXPECT_EQ(label_of(repository.find("item-a")), "Complete");
  EXPECT_TRUE(repository.status()[0].ok);
  EXPECT_TRUE(repository.status()[0].diagnostics.empty());
}

TEST_F(FormRepositoryTest, TestsFilesBesideTheFormsAreNotForms) {
  write(folder_ / "a.yaml", item_yaml("item-a", "First"));
  write(folder_ / "a.tests.yaml", "cases: []\n");
  host::FormRepository repository(folder_, catalog_);
  EXPECT_EQ(repository.load_all(), 0u);
  ASSERT_EQ(repository.status().size(), 1u);
  EXPECT_EQ(repository.status()[0].file.filename(), "a.yaml");
}

TEST_F(FormRepositoryTest, SecondFileWithTheSameItemIdIsRefused) {
  write(folder_ / "a.yaml", item_yaml("item-a", "First"));
  write(folder_ / "b.yaml", item_yaml("item-a", "Copy"));
  host::FormRepository repository(folder_, catalog_);
  EXPECT_EQ(repository.load_all(), 1u);
  EXPECT_EQ(label_of(repository.find("item-a")), "First");
  const auto status = repository.status();
  ASSERT_EQ(status.size(), 2u);
  EXPECT_FALSE(status[1].ok);
  ASSERT_EQ(status[1].diagnostics.size(), 1u);
  EXPECT_EQ(status[1].diagnostics[0].to_string(),
            (folder_ / "b.yaml").string() +
                ":1:5: item 'item-a' is registered by plugin 'forms-test' with the form file "
                "'a.yaml'; expected this form in that file");
}

TEST_F(FormRepositoryTest, FileWhoseItemNoPluginRegisteredIsNotServed) {
  write(folder_ / "a.yaml", item_yaml("item-a", "First"));
  write(folder_ / "stray.yaml", item_yaml("item-stray", "Stray"));
  host::FormRepository repository(folder_, catalog_);
  EXPECT_EQ(repository.load_all(), 1u);
  EXPECT_EQ(repository.find("item-stray"), nullptr);
  EXPECT_EQ(repository.forms().size(), 1u);
  const auto status = repository.status();
  ASSERT_EQ(status.size(), 2u);
  ASSERT_EQ(status[1].diagnostics.size(), 1u);
  EXPECT_EQ(
      status[1].diagnostics[0].to_string(),
      (folder_ / "stray.yaml").string() +
          ":1:5: item id 'item-stray' is not registered by any loaded plugin; expected the "
          "id of a plugin's item (see `servicedesk-host plugins`), or `yaml_only: true` for an "
          "item served from its YAML alone");
}

TEST_F(FormRepositoryTest, DescribesEachRegisteredItemsForm) {
  write(folder_ / "a.yaml", item_yaml("item-a", "First"));
  write(folder_ / "b.yaml", "id: item-b\nname: B\n");
  host::FormRepository repository(folder_, catalog_);
  repository.load_all();
  EXPECT_EQ(repository.describe(*catalog_.item("item-a")), "Item item-a in Tests");
  EXPECT_NE(repository.describe(*catalog_.item("item-b")).find("form refused"), std::string::npos);
  EXPECT_EQ(repository.describe(*catalog_.item("item-new")),
            "form missing: expected " + (folder_ / "new.yaml").string());
}

TEST_F(FormRepositoryTest, WatcherPicksUpAnEditWithinTwoSeconds) {
  write(folder_ / "a.yaml", item_yaml("item-a", "First"));
  host::FormRepository repository(folder_, catalog_);
  repository.load_all();
  repository.start_watching(std::chrono::milliseconds(50));
  std::atomic<bool> reading{true};
  std::size_t reads = 0;
  std::thread reader([&] {
    while (reading) {
      if (repository.find("item-a")) ++reads;
    }
  });
  write(folder_ / "a.yaml", item_yaml("item-a", "Watched"));
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
  while (label_of(repository.find("item-a")) != "Watched" &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  reading = false;
  reader.join();
  repository.stop();
  EXPECT_EQ(label_of(repository.find("item-a")), "Watched");
  EXPECT_GT(reads, 0u);
}

TEST_F(FormRepositoryTest, DraftsAreKeyedApartAndNeverReplaceTheLiveForm) {
  write(folder_ / "a.yaml", item_yaml("item-a", "Live"));
  std::filesystem::create_directories(folder_ / "drafts");
  write(folder_ / "drafts" / "a.yaml", item_yaml("item-a", "Draft"));
  write(folder_ / "drafts" / "new.yaml", item_yaml("item-new", "Only a draft"));
  host::FormRepository repository(folder_, catalog_);
  EXPECT_EQ(repository.load_all(), 0u);
  EXPECT_EQ(label_of(repository.find("item-a")), "Live");
  EXPECT_EQ(label_of(repository.find_draft("item-a")), "Draft");
  EXPECT_EQ(repository.find("item-new"), nullptr);
  EXPECT_EQ(label_of(repository.find_draft("item-new")), "Only a draft");
  EXPECT_EQ(repository.forms().size(), 1u);
  EXPECT_EQ(repository.drafts().size(), 2u);
  std::size_t drafts = 0;
  for (const auto& status : repository.status()) drafts += status.draft ? 1 : 0;
  EXPECT_EQ(drafts, 2u);
}

TEST_F(FormRepositoryTest, PublishingADraftIsMovingItsFileUpOneFolder) {
  write(folder_ / "a.yaml", item_yaml("item-a", "Live"));
  std::filesystem::create_directories(folder_ / "drafts");
  write(folder_ / "drafts" / "new.yaml", item_yaml("item-new", "Soon"));
  write(folder_ / "drafts" / "a.yaml", item_yaml("item-a", "Next"));
  host::FormRepository repository(folder_, catalog_);
  repository.load_all();
  std::filesystem::rename(folder_ / "drafts" / "new.yaml", folder_ / "new.yaml");
  std::filesystem::rename(folder_ / "drafts" / "a.yaml", folder_ / "a.yaml");
  EXPECT_GT(repository.reload_changed(), 0u);
  EXPECT_EQ(label_of(repository.find("item-new")), "Soon");
  EXPECT_EQ(label_of(repository.find("item-a")), "Next");
  EXPECT_TRUE(repository.drafts().empty());
}

TEST_F(FormRepositoryTest, ADraftsFolderGivenAsACatalogFolderServesItsFormsLive) {
  std::filesystem::create_directories(folder_ / "drafts");
  write(folder_ / "drafts" / "a.yaml", item_yaml("item-a", "Draft"));
  host::FormRepository repository(folder_ / "drafts", catalog_);  // `test catalog/drafts`
  repository.load_all();
  EXPECT_EQ(label_of(repository.find("item-a")), "Draft");
  EXPECT_TRUE(repository.drafts().empty());
}

}  // namespace
}  // namespace servicedesk::forms_test
