// The fake Duo Admin API as a child process.
#include "fake_duo.hpp"

#include <regex>
#include <stdexcept>
#include <vector>

#include "child_process.hpp"
#include "scratch.hpp"

namespace servicedesk::test {

FakeDuo::FakeDuo(const std::filesystem::path& folder, std::string api_host, std::string ikey,
                 std::string skey_env, int port) {
  std::filesystem::create_directories(folder);
  const std::filesystem::path output = folder / "fake_duo.out";
  std::error_code ec;
  const auto offset = std::filesystem::exists(output) ? std::filesystem::file_size(output, ec) : 0;
  std::vector<std::string> args{"/usr/bin/python3",
                                SERVICEDESK_TEST_SUPPORT_DIR "/fake_duo/fake_duo.py",
                                "--port",
                                std::to_string(port),
                                "--host",
                                std::move(api_host),
                                "--ikey",
                                std::move(ikey),
                                "--skey-env",
                                std::move(skey_env),
                                "--state",
                                (folder / "state.json").string(),
                                "--log",
                                (folder / "calls.jsonl").string()};
  if (std::filesystem::exists(folder / "seed.json")) {
    args.push_back("--seed");
    args.push_back((folder / "seed.json").string());
  }
  pid_ = child::spawn(args, output);
  const std::regex ready(R"(ready on (\d+))");
  const bool started = eventually(
      [&] {
        const std::string text = read_file(output);
        std::smatch match;
        const std::string fresh = text.substr(std::min<std::size_t>(offset, text.size()));
        if (!std::regex_search(fresh, match, ready)) return false;
        port_ = std::stoi(match[1].str());
        return true;
      },
      15.0);
  if (!started) {
    stop();
    throw std::runtime_error("fake_duo.py did not start: " + read_file(output));
  }
}

FakeDuo::~FakeDuo() {
  stop();
}

void FakeDuo::stop() {
  child::terminate(pid_);
  pid_ = -1;
}

}  // namespace servicedesk::test
