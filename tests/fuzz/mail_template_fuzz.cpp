// libFuzzer target: mail template rendering with the placeholders mail texts use.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "servicedesk/forms/form.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::map<std::string, std::string> values = {
      {"request_number", "REQ0000001"},     {"item_number", "RITM0000001"},
      {"item_name", "DUO Account updates"}, {"summary", "Add +1 ***-***-0188 to Hire, Nova"},
      {"requested_for", "Hire, Nova"},      {"reason", "{summary} {reason}"}};
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::string rendered = servicedesk::render_template(text, values);
  // Every placeholder is replaced once: the output never grows beyond the values' size.
  if (rendered.size() > size * 40 + 64) __builtin_trap();
  return 0;
}
