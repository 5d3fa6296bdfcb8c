// cli_text.cpp — the command line's text output (cli.hpp, "Text output").
#include <cstdarg>
#include <cstdio>

#include "app/cli.hpp"

namespace cs::cli {

void say_formatted(std::FILE* to, const char* format, ...) {
  std::va_list args;
  va_start(args, format);
  std::vfprintf(to, format, args);
  va_end(args);
}

}  // namespace cs::cli
