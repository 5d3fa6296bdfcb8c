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

# The pause word: the one agreed, or "not agreed yet" and a warning, never a word nobody chose.
run_case("check names the agreed pause word" 0 ARGS check ${EXAMPLES}/bedroom.closedset.json
  STDOUT "Pause word: \"hold\"")
# A barrier that shows on a sliver of the frame is "under 0.01%", never "0.00%" as if nothing showed.
run_case("check words a tiny share" 0 ARGS check ${EXAMPLES}/bedroom.closedset.json
  STDOUT "(a barrier; under 0.01% of the frame)" "0 errors, 3 warnings, 3 info" NOT_STDOUT "0.00%" "up to under")
file(READ ${EXAMPLES}/bedroom.closedset.json scene)
string(REPLACE "\"pause_word\": \"hold\"" "\"pause_word\": \"\"" scene "${scene}")
file(WRITE ${WORK}/no_pause_word.closedset.json "${scene}")
run_case("check without a pause word says not agreed yet, and warns" 0 ARGS check ${WORK}/no_pause_word.closedset.json
  STDOUT "Pause word: not agreed yet" "safety.pause_word")

# Adaptive space on request: the first line says how many windows were recounted finer.
run_case("check --fine-space recounts small regions finer" 0 ARGS check ${EXAMPLES}/bedroom.closedset.json --fine-space
  STDOUT "of small regions recounted 4x finer" "0 errors")
run_case("check without --fine-space does not say it recounted" 0 ARGS check ${EXAMPLES}/bedroom.closedset.json
  NOT_STDOUT "recounted 4x finer")
