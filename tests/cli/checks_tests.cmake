# checks_tests.cmake — `closedset check`: the catalogue of codes, and what the
# checks say on the bundled examples.
include(${CMAKE_CURRENT_LIST_DIR}/cli_common.cmake)

run_case("check --list-codes as the README's table" 0 ARGS check --list-codes --format md
  STDOUT "| code | severity | when |" "| `contact.refused` | error |" "| `eyeline.lens` | info |")
run_case("check --list-codes as json" 0 ARGS check --list-codes --format json
  STDOUT "\"code\": \"masking.fragile\"" "\"severity\": \"warning\"")
run_case("check --list-codes takes no file" 2 ARGS check --list-codes ${EXAMPLES}/bedroom.closedset.json
  STDERR "--list-codes takes no FILE")
run_case("check needs a file" 2 ARGS check STDERR "FILE is required")
run_case("check --format md is only for the list" 2 ARGS check --format md ${EXAMPLES}/bedroom.closedset.json
  STDERR "only for --list-codes")
