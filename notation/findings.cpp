// findings.cpp — findings.hpp: the catalogue built from CS_FINDING_CODES.
#include "notation/findings.hpp"

namespace cs {

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::info: return "info";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "?";
}

const std::array<FindingInfo, kFindingCodeCount>& finding_catalogue() {
  static const std::array<FindingInfo, kFindingCodeCount> catalogue = {{
#define CS_FINDING_INFO(family, name, severity, when) \
  {FindingCode::family##_##name, #family "." #name, Severity::severity, when},
      CS_FINDING_CODES(CS_FINDING_INFO)
#undef CS_FINDING_INFO
  }};
  return catalogue;
}

const FindingInfo& finding_info(FindingCode code) { return finding_catalogue()[static_cast<std::size_t>(code)]; }

std::optional<FindingCode> finding_code(std::string_view id) {
  for (const FindingInfo& f : finding_catalogue())
    if (f.id == id) return f.code;
  return std::nullopt;
}

std::string finding_table_markdown() {
  std::string out = "| code | severity | when |\n|---|---|---|\n";
  for (const FindingInfo& f : finding_catalogue()) {
    out += "| `";
    out += f.id;
    out += "` | ";
    out += severity_name(f.severity);
    out += " | ";
    out += f.when;
    out += " |\n";
  }
  return out;
}

Finding new_finding(FindingCode code) {
  Finding f;
  f.code = code;
  f.severity = finding_info(code).severity;
  return f;
}

}  // namespace cs
