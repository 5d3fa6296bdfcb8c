// test_findings.cpp — the catalogue of finding codes (findings.hpp), and the
// README's table of checks held to it.
#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "notation/findings.hpp"

using namespace cs;

TEST_CASE("findings: the catalogue names each code once, with a stable id, in enum order") {
  std::set<std::string_view> ids;
  std::size_t i = 0;
  for (const FindingInfo& f : finding_catalogue()) {
    CAPTURE(f.id);
    CHECK(ids.insert(f.id).second);
    CHECK(static_cast<std::size_t>(f.code) == i++);
    CHECK(finding_code(f.id) == f.code);
    CHECK(&finding_info(f.code) == &f);
    CHECK(f.id.find('.') != std::string_view::npos);
    CHECK_FALSE(f.when.empty());
    CHECK(f.when.find('|') == std::string_view::npos);  // it goes in a markdown table
  }
  CHECK(i == kFindingCodeCount);
  CHECK(finding_info(FindingCode::contact_refused).id == "contact.refused");
  CHECK(finding_info(FindingCode::contact_garment_missing).id == "contact.garment_missing");
  CHECK(finding_info(FindingCode::contact_refused).severity == Severity::error);
  CHECK(finding_info(FindingCode::masking_fragile).severity == Severity::warning);
  CHECK(finding_info(FindingCode::eyeline_lens).severity == Severity::info);
  CHECK(finding_info(FindingCode::pose_refused_contact).severity == Severity::error);
  CHECK_FALSE(finding_code("contact.refuse"));
  CHECK(new_finding(FindingCode::contact_ask).severity == Severity::warning);
}

// The README's table of checks is the catalogue's, row for row. When this
// fails, paste the output of `closedset check --list-codes --format md` over the
// table in README.md ("The checks").
TEST_CASE("findings: the README's table of checks is the catalogue's") {
  std::ifstream in(std::string(CLOSEDSET_EXAMPLES_DIR) + "/../../README.md");
  REQUIRE(in);
  std::string line, table;
  bool inside = false;
  while (std::getline(in, line)) {
    if (line == "| code | severity | when |") inside = true;
    if (inside && !line.starts_with("|")) break;
    if (inside) table += line + "\n";
  }
  CHECK(table == finding_table_markdown());
}
