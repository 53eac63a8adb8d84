// Encoders for mail headers and bodies: RFC 2047 encoded words, quoted-printable, base64.
#pragma once

#include <string>
#include <string_view>

namespace servicedesk::host::mime {

/// Base64 (RFC 4648) without line breaks.
std::string base64(std::string_view bytes);

/// Quoted-printable (RFC 2045) with CRLF line ends and soft breaks at 76 columns. Input
/// line ends may be LF or CRLF. A leading dot is encoded (=2E) so no line starts with '.'.
std::string quoted_printable(std::string_view text);

/// `text` as-is when it is printable ASCII that fits a header, else a run of
/// "=?UTF-8?B?...?=" words (each at most 75 characters, split between UTF-8 characters)
/// separated by CRLF SP folding. CR and LF are removed first.
std::string header_text(std::string_view text);

/// A display name for an address header: as-is, quoted, or encoded words, as needed.
std::string display_name(std::string_view name);

}  // namespace servicedesk::host::mime
