// Static file lookup with path checks and content types.
#include "http/static_files.hpp"

#include <fstream>
#include <sstream>
#include <string_view>

namespace servicedesk::host {
namespace {

constexpr std::uintmax_t kMaxFileBytes = 8 * 1024 * 1024;

const char* content_type(const std::filesystem::path& file) {
  const std::string ext = file.extension().string();
  if (ext == ".html") return "text/html";
  if (ext == ".js" || ext == ".mjs") return "text/javascript";
  if (ext == ".css") return "text/css";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".json") return "application/json";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".txt") return "text/plain";
  return "application/octet-stream";
}

/// The path below the folder, or empty when it leaves it or names something odd.
std::filesystem::path relative_file(std::string_view path) {
  if (path.empty() || path.front() != '/') return {};
  std::filesystem::path relative;
  std::size_t pos = 1;
  while (pos <= path.size()) {
    std::size_t end = path.find('/', pos);
    if (end == std::string_view::npos) end = path.size();
    const std::string_view segment = path.substr(pos, end - pos);
    if (segment == ".." || segment == "." || segment.find('\0') != std::string_view::npos ||
        segment.find('\\') != std::string_view::npos)
      return {};
    if (!segment.empty()) relative /= std::string(segment);
    pos = end + 1;
  }
  if (path.back() == '/') relative /= "index.html";
  return relative;
}

}  // namespace

StaticFiles::StaticFiles(std::filesystem::path folder) : folder_(std::move(folder)) {
  std::error_code ec;
  usable_ = !folder_.empty() && std::filesystem::is_directory(folder_, ec);
}

bool StaticFiles::serve(const Request& req, Response& res) const {
  if (!usable_ || (req.method != "GET" && req.method != "HEAD")) return false;
  const std::filesystem::path relative = relative_file(req.path);
  if (relative.empty()) return false;
  const std::filesystem::path file = folder_ / relative;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) return false;
  const auto size = std::filesystem::file_size(file, ec);
  if (ec || size > kMaxFileBytes) return false;
  std::ifstream in(file, std::ios::binary);
  if (!in) return false;
  std::ostringstream content;
  content << in.rdbuf();
  res.status = 200;
  res.set_content(content.str(), content_type(file));
  return true;
}

}  // namespace servicedesk::host
