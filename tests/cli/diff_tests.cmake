# diff_tests.cmake — `closedset diff`: two files, or two versions of one; exit 0 same, 1 changed, 2 bad input.
include(${CMAKE_CURRENT_LIST_DIR}/cli_common.cmake)

set(ex ${EXAMPLES}/bedroom.closedset.json)
run_case("diff --help" 0 ARGS diff --help STDOUT "--from" "closedset-diff/1")
run_case("diff of a file with itself: nothing changed" 0 ARGS diff ${ex} ${ex} STDOUT "No change.")
file(READ ${ex} text)
string(REPLACE "\"focal_mm\": 32" "\"focal_mm\": 40" changed "${text}")
string(REPLACE "\"label\": \"Under the sheet\"" "\"label\": \"Under the sheet, revised\"" changed "${changed}")
file(WRITE ${WORK}/changed.closedset.json "${changed}")
run_case("diff lists what changed, beat by beat" 1 ARGS diff ${ex} ${WORK}/changed.closedset.json
  STDOUT "camera_changed" "32 → 40 mm" "beat_relabelled" "exposure_changed")
run_case("diff --no-exposure compares the notation only" 1 ARGS diff --no-exposure ${ex} ${WORK}/changed.closedset.json
  NOT_STDOUT "exposure_changed")
run_case("diff as json" 1 ARGS diff --format json ${ex} ${WORK}/changed.closedset.json
  STDOUT "\"format\": \"closedset-diff\"" "\"kind\": \"camera_changed\"" "\"performers\": [")
run_case("diff one file needs --from" 2 ARGS diff ${ex} STDERR "--from")
run_case("diff --from a version never issued" 2 ARGS diff ${ex} --from 2 STDERR "has no version 2")
run_case("diff --from with two files" 2 ARGS diff ${ex} ${ex} --from 1 STDERR "two versions of one file")
run_case("diff of a file that does not load" 2 ARGS diff ${DATA}/bad_several.json ${ex} STDERR "not valid")
