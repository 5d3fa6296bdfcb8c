// cli.hpp — the command line's shared pieces. Each `cmd_NAME.cpp` adds one
// subcommand; main.cpp lists them. A subcommand's parse step stores its options
// and leaves a runner; main runs it and returns its exit code.
#pragma once

#include <cstdio>
#include <functional>
#include <list>
#include <string>
#include <string_view>
#include <type_traits>

#include "notation/format.hpp"

#include <nlohmann/json_fwd.hpp>

#include "notation/printable.hpp"

namespace CLI { class App; }

namespace cs::cli {

// Exit codes, the same for every subcommand (README, "The command line").
enum Exit : int { kOk = 0, kFindings = 1, kBadInput = 2, kInternal = 3 };

using Runner = std::function<int()>;

void add_new(CLI::App& app, Runner& run);
void add_validate(CLI::App& app, Runner& run);
void add_masking(CLI::App& app, Runner& run);
void add_fmt(CLI::App& app, Runner& run);
void add_check(CLI::App& app, Runner& run);
void add_diff(CLI::App& app, Runner& run);
void add_export(CLI::App& app, Runner& run);
void add_render(CLI::App& app, Runner& run);
void add_sheet(CLI::App& app, Runner& run);

// For a subcommand that writes OUT: "" when OUT's folder exists (or OUT names
// none), else "cannot write OUT: folder F does not exist" (cmd_export.cpp).
std::string output_folder_problem(const std::string& out);
void add_seal(CLI::App& app, Runner& run);  // seal and unseal

// [SECTION] Text output
// Every line of text the command line prints goes out through say(): printf
// formatting, where each string argument is first made printable
// (notation/printable.hpp), so a title, label, name or condition from a scene
// can never drive the terminal. The format's own newlines and tabs are kept; a
// string argument's are shown (^J), unless it is wrapped in lines() because it is
// text of ours laid out over several lines. JSON goes out exact, through std::cout.
struct Lines {
  std::string_view text;
};
inline Lines lines(std::string_view text) { return {text}; }

void say_formatted(std::FILE* to, const char* format, ...);

namespace detail {
template <class T> auto shown_arg(const T& v, std::list<std::string>& store) {
  if constexpr (std::is_same_v<T, Lines>) return store.emplace_back(printable(v.text, Breaks::keep)).c_str();
  else if constexpr (std::is_convertible_v<const T&, std::string_view>)
    return store.emplace_back(printable(std::string_view(v), Breaks::show)).c_str();
  else {
    static_assert(std::is_arithmetic_v<T>, "say(): pass strings, string views, lines() or numbers");
    return v;
  }
}
}  // namespace detail

template <class... A> void say(std::FILE* to, const char* format, const A&... args) {
  std::list<std::string> store;  // keeps each shown argument alive through the call
  say_formatted(to, format, detail::shown_arg(args, store)...);
}
// Every subcommand that opens a scene opens it through OpenedScene and takes
// --passphrase-file for a sealed one (scene_open.cpp). A sealed scene opened
// without it is refused by the loader with a message that names the option; an
// unreadable passphrase file or a wrong passphrase is an error in `load` too.
void add_passphrase_option(CLI::App* sub, std::string& passphrase_file);

class OpenedScene {
 public:
  // Loads FILE: a plain scene as it is, a sealed one with the first line of
  // passphrase_file. With `for_rewrite`, `text` keeps the file's text as read
  // (decrypted for a sealed scene) and `passphrase` a sealed scene's
  // passphrase, so that the scene can be compared and written back sealed.
  OpenedScene(const std::string& file, const std::string& passphrase_file, bool for_rewrite = false);
  ~OpenedScene();  // wipes text and passphrase
  OpenedScene(const OpenedScene&) = delete;
  OpenedScene& operator=(const OpenedScene&) = delete;

  LoadResult load;
  bool sealed = false;     // the file begins like a sealed scene (whether or not it opened)
  std::string text;        // for_rewrite only
  std::string passphrase;  // for_rewrite and sealed only
};

// The problems of a load as JSON: [{"line", "column"} or {"path"}, "message"].
nlohmann::ordered_json problems_json(const LoadResult& r);


}  // namespace cs::cli
