// png.cpp — libpng writing into memory (see png.hpp).
#include "publish/png.hpp"

#include <csetjmp>

#include <png.h>

#include "notation/still.hpp"

namespace cs {

namespace {

void append(png_structp png, png_bytep data, png_size_t n) {
  auto* out = static_cast<std::string*>(png_get_io_ptr(png));
  out->append(reinterpret_cast<const char*>(data), n);
}

void flush_nothing(png_structp) {}

}  // namespace

std::string encode_png(const StillImage& still, std::string& error) {
  if (still.width <= 0 || still.height <= 0 ||
      still.rgb.size() != std::size_t(still.width) * std::size_t(still.height) * 3) {
    error = "the still has no pixels";
    return {};
  }
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  if (!png || !info) {
    png_destroy_write_struct(&png, nullptr);
    error = "libpng could not start";
    return {};
  }
  std::string out;
  // libpng reports errors by longjmp back here; the frames it unwinds are its own (C), and `out` lives in this one.
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    error = "libpng failed while encoding";
    return {};
  }
  png_set_write_fn(png, &out, append, flush_nothing);
  png_set_IHDR(png, info, png_uint_32(still.width), png_uint_32(still.height), 8, PNG_COLOR_TYPE_RGB,
               PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_write_info(png, info);
  for (int y = 0; y < still.height; ++y)
    png_write_row(png, const_cast<png_bytep>(still.rgb.data() + std::size_t(y) * std::size_t(still.width) * 3));
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  return out;
}

}  // namespace cs
