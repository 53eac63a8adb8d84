// initdb and postgres as an unprivileged user, readiness by pg_isready, psql for test SQL.
#include "pg_server.hpp"

#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <vector>

#include "scratch.hpp"

namespace servicedesk::test {
namespace {

struct Account {
  uid_t uid = 0;
  gid_t gid = 0;
};

/// The unprivileged user the server runs as (PostgreSQL refuses to run as root).
Account nobody() {
  const passwd* entry = getpwnam("nobody");
  if (entry == nullptr) throw std::runtime_error("no user `nobody` to run PostgreSQL as");
  return {entry->pw_uid, entry->pw_gid};
}

/// fork + drop to `nobody` when root + exec; output appended to `log`.
pid_t spawn_as_nobody(const std::vector<std::string>& args, const std::filesystem::path& log) {
  std::vector<char*> argv;
  for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  const Account account = nobody();
  std::fflush(nullptr);  // or the child would write the parent's buffered output again
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (fd < 0) _exit(126);
    dup2(fd, 1);
    dup2(fd, 2);
    ::close(fd);
    if (geteuid() == 0 &&
        (setgroups(0, nullptr) != 0 || setgid(account.gid) != 0 || setuid(account.uid) != 0))
      _exit(126);
    // After the change of user, or the kernel would clear it.
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}

void chown_to_nobody(const std::filesystem::path& path) {
  const Account account = nobody();
  if (geteuid() == 0 && ::chown(path.c_str(), account.uid, account.gid) != 0)
    throw std::runtime_error("cannot give " + path.string() + " to nobody");
}

/// Lets `nobody` walk down to `path` (temporary folders are made 0700).
void open_path_for_nobody(const std::filesystem::path& path) {
  for (auto at = path; at.has_relative_path() && at != at.root_path(); at = at.parent_path()) {
    struct stat info {};
    if (::stat(at.c_str(), &info) == 0 && (info.st_mode & S_IXOTH) == 0)
      ::chmod(at.c_str(), (info.st_mode & 07777) | S_IXOTH);
  }
}

std::string quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace

std::filesystem::path postgres_bin_dir() {
  const std::filesystem::path dir = "/usr/lib/postgresql/15/bin";
  return std::filesystem::exists(dir / "postgres") ? dir : std::filesystem::path();
}

PgServer::PgServer(const std::filesystem::path& folder, bool fsync)
    : folder_(std::filesystem::absolute(folder)),
      data_(folder_ / "data"),
      port_(free_port()),
      fsync_(fsync) {
  const auto bin = postgres_bin_dir();
  if (bin.empty()) throw std::runtime_error("PostgreSQL 15 is not installed");
  std::filesystem::create_directories(folder_);
  open_path_for_nobody(folder_);
  chown_to_nobody(folder_);
  const auto password_file = folder_ / "password";
  std::ofstream(password_file) << kPassword << "\n";
  chown_to_nobody(password_file);
  const pid_t initdb = spawn_as_nobody(
      {(bin / "initdb").string(), "-D", data_.string(), "-U", "servicedesk", "-A", "scram-sha-256",
       "--pwfile=" + password_file.string(), "-E", "UTF8", "--no-sync"},
      folder_ / "initdb.log");
  int status = 0;
  waitpid(initdb, &status, 0);
  std::filesystem::remove(password_file);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    throw std::runtime_error("initdb failed; see " + (folder_ / "initdb.log").string());
  start();
}

PgServer::~PgServer() {
  stop();
}

std::string PgServer::url(const std::string& database) const {
  return "postgresql://servicedesk@127.0.0.1:" + std::to_string(port_) + "/" + database;
}

void PgServer::start() {
  if (pid_ > 0) return;
  const auto bin = postgres_bin_dir();
  pid_ = spawn_as_nobody(
      {(bin / "postgres").string(), "-D", data_.string(), "-p", std::to_string(port_), "-k",
       folder_.string(), "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=120", "-c",
       "shared_buffers=32MB", "-c", std::string("fsync=") + (fsync_ ? "on" : "off"), "-c",
       std::string("synchronous_commit=") + (fsync_ ? "on" : "off"), "-c",
       "full_page_writes=" + std::string(fsync_ ? "on" : "off")},
      folder_ / "postgres.log");
  const std::string probe = (postgres_bin_dir() / "pg_isready").string() + " -q -h 127.0.0.1 -p " +
                            std::to_string(port_) + " -d postgres";
  // A loaded CI machine running several test binaries at once can take a while.
  if (!eventually([&] { return std::system(probe.c_str()) == 0; }, 60.0))
    throw std::runtime_error("PostgreSQL did not start within 60 s; its log:\n" +
                             read_file(folder_ / "postgres.log"));
}

void PgServer::stop() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGINT);  // fast shutdown: cut connections, checkpoint, exit
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
}

std::string PgServer::sql(const std::string& statement, const std::string& database) {
  const std::string command = "PGPASSWORD=" + std::string(kPassword) + " " +
                              (postgres_bin_dir() / "psql").string() + " -X -q -A -t -v " +
                              "ON_ERROR_STOP=1 -d " + quoted(url(database)) + " -c " +
                              quoted(statement) + " 2>&1";
  std::string output;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) throw std::runtime_error("cannot run psql");
  std::array<char, 4096> buffer{};
  while (std::fgets(buffer.data(), buffer.size(), pipe) != nullptr) output += buffer.data();
  if (::pclose(pipe) != 0) throw std::runtime_error("psql failed: " + statement + ": " + output);
  while (!output.empty() && output.back() == '\n') output.pop_back();
  return output;
}

std::string PgServer::create_database(const std::string& name) {
  sql("CREATE DATABASE " + name);
  return url(name);
}

}  // namespace servicedesk::test
