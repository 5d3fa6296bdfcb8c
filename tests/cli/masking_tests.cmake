# masking_tests.cmake — `closedset masking`: which beat a count is in.
include(${CMAKE_CURRENT_LIST_DIR}/cli_common.cmake)

# Two beats with a gap (counts 3 to 5) between them: a gap holds the last shape,
# so a count in it belongs to the beat before, as the editor shows it.
file(WRITE ${WORK}/gap.json [=[
{ "format": "closedset-scene", "version": 1,
  "safety": { "pause_word": "hold", "response": "What do you need?" },
  "performers": [ { "id": "ana", "character": "Ana", "height_m": 1.7 } ],
  "cameras": [ { "id": "A", "sensor": "super35", "fit": "horizontal", "focal_mm": 35, "aspect": 1.78,
                 "position": [0, 1.2, 4], "target": [0, 1, 0] } ],
  "choreography": { "tempo_bpm": 60, "beats": [
    { "id": "b01", "start_count": 1, "length_counts": 2,
      "poses": { "ana": { "root": { "position": [0, 0.9, 0], "rotation": [0, 0, 0] } } } },
    { "id": "b02", "start_count": 5, "length_counts": 2 } ] } }
]=])
run_case("masking --at in a gap names the beat before it" 0 ARGS masking ${WORK}/gap.json --at 4 STDOUT "at count 4, beat b01")
run_case("masking --at in a gap, as json" 0 ARGS masking ${WORK}/gap.json --at 4 --format json STDOUT "\"beat\": \"b01\"")
run_case("masking --at a beat's start names that beat" 0 ARGS masking ${WORK}/gap.json --at 5 STDOUT "at count 5, beat b02")
