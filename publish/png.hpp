// png.hpp — a still as PNG bytes (libpng), for `closedset render` and the sheets.
//
// Bytes, not a file: the caller writes them atomically (write_file_atomic), so
// a failed render never leaves half a picture. No time or software chunk is
// written, so the same still gives the same bytes.
#pragma once

#include <string>

namespace cs {

struct StillImage;

// The PNG encoding of an RGB still; "" with `error` set when libpng fails.
std::string encode_png(const StillImage& still, std::string& error);

}  // namespace cs
