// cli.hpp — the command line's shared pieces. Each `cmd_NAME.cpp` adds one
// subcommand; main.cpp lists them. A subcommand's parse step stores its options
// and leaves a runner; main runs it and returns its exit code.
#pragma once

#include <functional>
#include <string>

#include <nlohmann/json_fwd.hpp>

namespace CLI { class App; }
namespace cs { struct LoadResult; }

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

// The problems of a load as JSON: [{"line", "column"} or {"path"}, "message"].
nlohmann::ordered_json problems_json(const LoadResult& r);


}  // namespace cs::cli
