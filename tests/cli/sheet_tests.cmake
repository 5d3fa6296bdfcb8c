# sheet_tests.cmake — `closedset sheet` and `closedset render`: every audience in
# every format from a scene whose every private field holds a unique marker
# (tests/data/sheet_markers.json: PRIV<who><what>X7F3A, no spaces or hyphens,
# so a line break cannot hide one), each file read back as text (pdftotext for
# PDFs) and searched for the markers its audience may and may not see; the
# PDF's structure (pages, fonts embedded, metadata, outline), reproducible
# bytes, the CSV's form; bad arguments (exit 2, nothing written).
include(${CMAKE_CURRENT_LIST_DIR}/cli_common.cmake)

set(bedroom ${EXAMPLES}/bedroom.closedset.json)
set(marked ${DATA}/sheet_markers.json)
set(date 2026-01-15)
find_program(PDFTOTEXT pdftotext)
find_program(PDFINFO pdfinfo)
find_program(PDFFONTS pdffonts)
find_program(PDFTOHTML pdftohtml)
if(NOT PDFTOTEXT OR NOT PDFINFO OR NOT PDFFONTS)
  message(SEND_ERROR "[sheet] poppler-utils (pdftotext, pdfinfo, pdffonts) is needed: ./dev deps installs it")
  return()
endif()

run_case("marked scene is valid" 0 ARGS validate ${marked})
run_case("sheet --help" 0 ARGS sheet --help STDOUT "performer:ID" "--date")
run_case("render --help" 0 ARGS render --help STDOUT "--overlay" "--camera")

# The text of a written sheet, whitespace removed (markers hold none).
function(sheet_text file out_var)
  if(file MATCHES "\\.pdf$")
    execute_process(COMMAND ${PDFTOTEXT} -enc UTF-8 ${file} - OUTPUT_VARIABLE text RESULT_VARIABLE code)
    if(NOT code EQUAL 0)
      message(SEND_ERROR "[sheet] pdftotext could not read ${file}")
    endif()
  else()
    file(READ ${file} text)
  endif()
  string(REGEX REPLACE "[ \t\r\n]" "" text "${text}")
  set(${out_var} "${text}" PARENT_SCOPE)
endfunction()

function(forbid text file)
  foreach(pattern IN LISTS ARGN)
    string(REGEX MATCH "${pattern}" hit "${text}")
    if(hit)
      message(SEND_ERROR "[privacy] ${file} holds ${hit}")
    endif()
  endforeach()
endfunction()

set(ana_lines 22)   # body-map lines of each performer in the marked scene
set(ben_lines 18)
set(ana_rider 4)
foreach(fmt pdf html md csv)
  # Performer: their own lines and rider; of a partner only lines between them; no notes, no takes.
  foreach(me ana ben)
    if(me STREQUAL "ana")
      set(other ben)
    else()
      set(other ana)
    endif()
    set(out ${WORK}/${me}.${fmt})
    run_case("performer:${me} as .${fmt}" 0 ARGS sheet ${marked} --for performer:${me} -o ${out} --date ${date}
      STDOUT "Beat sheet for")
    sheet_text(${out} text)
    forbid("${text}" ${out} "PRIV${other}RIDER[0-9]+X7F3A" "PRIV[a-z]+NOTEX7F3A" "PRIVTAKE[0-9]+X7F3A"
      "PRIVDEVIATION[a-z0-9]+X7F3A")
    string(REGEX MATCHALL "PRIV${other}BOUNDARY[0-9]+X7F3A" partner_lines "${text}")
    list(REMOVE_DUPLICATES partner_lines)
    list(LENGTH partner_lines n_partner)
    if(NOT fmt STREQUAL "csv")
      # Every one of their own lines and rider lines is on their sheet.
      string(REGEX MATCHALL "PRIV${me}BOUNDARY[0-9]+X7F3A" own "${text}")
      list(REMOVE_DUPLICATES own)
      list(LENGTH own n_own)
      if(NOT n_own EQUAL ${${me}_lines})
        message(SEND_ERROR "[sheet] ${out}: ${n_own} of ${me}'s ${${me}_lines} body-map lines")
      endif()
      if(n_partner EQUAL 0 OR NOT n_partner LESS ${${other}_lines})
        message(SEND_ERROR "[privacy] ${out}: ${n_partner} of ${other}'s ${${other}_lines} lines (expected only those between them, some)")
      endif()
    endif()
  endforeach()
  string(REGEX MATCHALL "PRIVanaRIDER[0-9]+X7F3A" rider "${text}")
  # Director, costume, AD: nobody's body map, rider, note or take.
  foreach(who director costume ad)
    set(out ${WORK}/${who}.${fmt})
    run_case("${who} as .${fmt}" 0 ARGS sheet ${marked} --for ${who} -o ${out} --date ${date} --still-width 160)
    sheet_text(${out} text)
    forbid("${text}" ${out} "PRIV[a-z]+BOUNDARY[0-9]+X7F3A" "PRIV[a-z]+RIDER[0-9]+X7F3A" "PRIV[a-z]+NOTEX7F3A"
      "PRIVTAKE[0-9]+X7F3A" "PRIVDEVIATION[a-z0-9]+X7F3A")
  endforeach()
  # Continuity: the take log and deviation notes, but no body map, rider or
  # private note, and not what a consent deviation's note says.
  set(out ${WORK}/continuity.${fmt})
  run_case("continuity as .${fmt}" 0 ARGS sheet ${marked} --for continuity -o ${out} --date ${date} --still-width 160
    STDOUT "Continuity sheet for")
  sheet_text(${out} text)
  forbid("${text}" ${out} "PRIV[a-z]+BOUNDARY[0-9]+X7F3A" "PRIV[a-z]+RIDER[0-9]+X7F3A" "PRIV[a-z]+NOTEX7F3A"
    "PRIVDEVIATIONconsent[a-z0-9]+X7F3A")
  # Every format, the CSV too (it is the take log): the take notes, a deviation's note, and the consent deviation marked.
  set(wants PRIVTAKE1X7F3A PRIVTAKE2X7F3A PRIVDEVIATIONb04X7F3A "CONSENT:seetheIC")
  if(fmt STREQUAL "csv")
    list(APPEND wants "b02CONSENT:seetheIC")
  else()  # the sheet opens on the consent deviation, which take and beat, not what happened
    list(APPEND wants "CONSENT:1consentdeviationlogged" "Take2oncameraA,version3:aCONSENTdeviationinb02")
  endif()
  foreach(want IN LISTS wants)
    string(FIND "${text}" "${want}" at)
    if(at EQUAL -1)
      message(SEND_ERROR "[sheet] ${out} lacks ${want}: the take log is the continuity sheet's own")
    endif()
  endforeach()
endforeach()
sheet_text(${WORK}/ana.pdf ana_text)
string(REGEX MATCHALL "PRIVanaRIDER[0-9]+X7F3A" rider "${ana_text}")
list(REMOVE_DUPLICATES rider)
list(LENGTH rider n_rider)
if(NOT n_rider EQUAL ana_rider)
  message(SEND_ERROR "[sheet] ana.pdf shows ${n_rider} of her ${ana_rider} rider lines")
endif()
message(STATUS "ok: privacy of 4 formats × 6 audiences")

# The PDF: pages, fonts embedded, metadata, outline camera → beat, reproducible.
execute_process(COMMAND ${PDFINFO} ${WORK}/director.pdf OUTPUT_VARIABLE info)
foreach(want "Title:.*Masking sheet: The Morning After" "Creator:.*ClosedSet" "Pages:[ ]+[1-9]" "CreationDate:.*2026"
             "Keywords:.*camera A")
  if(NOT info MATCHES "${want}")
    message(SEND_ERROR "[pdf] pdfinfo director.pdf lacks ${want}:\n${info}")
  endif()
endforeach()
foreach(f ana director costume ad)
  execute_process(COMMAND ${PDFFONTS} ${WORK}/${f}.pdf OUTPUT_VARIABLE fonts)
  if(NOT fonts MATCHES "DejaVu" OR fonts MATCHES " no +(yes|no) +(yes|no) +[0-9]+ +0")
    message(SEND_ERROR "[pdf] ${f}.pdf: fonts not all embedded:\n${fonts}")
  endif()
  string(REGEX MATCHALL "\n[^\n]+" rows "${fonts}")
  foreach(row IN LISTS rows)
    if(row MATCHES "^\n[A-Z]+\\+" AND NOT row MATCHES " yes +yes +(yes|no) ")
      message(SEND_ERROR "[pdf] ${f}.pdf: a font is not embedded: ${row}")
    endif()
  endforeach()
endforeach()
if(PDFTOHTML)
  execute_process(COMMAND ${PDFTOHTML} -xml -i -stdout ${WORK}/director.pdf OUTPUT_VARIABLE xml)
  foreach(want "<outline>" ">Camera A (" ">A · b01 Sit<" ">B · b01 Sit<")
    string(FIND "${xml}" "${want}" at)
    if(at EQUAL -1)
      message(SEND_ERROR "[pdf] director.pdf outline lacks ${want}")
    endif()
  endforeach()
endif()
run_case("the same sheet again" 0 ARGS sheet ${marked} --for director -o ${WORK}/director-again.pdf --date ${date}
  --still-width 160)
file(SHA256 ${WORK}/director.pdf a)
file(SHA256 ${WORK}/director-again.pdf b)
if(NOT a STREQUAL b)
  message(SEND_ERROR "[pdf] the same scene and date gave different bytes")
endif()
run_case("another date" 0 ARGS sheet ${marked} --for director -o ${WORK}/director-later.pdf --date 2026-02-01
  --still-width 160)
file(SHA256 ${WORK}/director-later.pdf c)
if(a STREQUAL c)
  message(SEND_ERROR "[pdf] a different date gave the same bytes")
endif()

# The CSV: a BOM, CRLF, a numeric start_count beside the text label, formula-looking cells escaped.
file(READ ${WORK}/ad.csv csv_hex HEX LIMIT 3)
if(NOT csv_hex STREQUAL "efbbbf")
  message(SEND_ERROR "[csv] ad.csv does not start with a UTF-8 byte-order mark")
endif()
file(READ ${WORK}/ad.csv csv)
file(READ ${WORK}/ad.csv csv_all_hex HEX)
string(REGEX REPLACE "(..)" "\\1 " csv_bytes "${csv_all_hex}")  # byte by byte (file(READ) as text drops CR)
string(REGEX MATCHALL "0d 0a " crlf "${csv_bytes}")
string(REGEX MATCHALL "0a " lf "${csv_bytes}")
list(LENGTH crlf n_crlf)
list(LENGTH lf n_lf)
if(n_crlf LESS 12 OR NOT n_crlf EQUAL n_lf)
  message(SEND_ERROR "[csv] ad.csv: ${n_crlf} CRLF of ${n_lf} line ends")
endif()
foreach(want "beat,start_count,count_label,length_counts" "b01,1,1,")
  string(FIND "${csv}" "${want}" at)
  if(at EQUAL -1)
    message(SEND_ERROR "[csv] ad.csv lacks \"${want}\"")
  endif()
endforeach()
file(READ ${bedroom} scene)
string(REPLACE "\"label\": \"Sit\"" "\"label\": \"=HYPERLINK(1)\"" scene "${scene}")
file(WRITE ${WORK}/formula.json "${scene}")
# The continuity CSV is the take log: one row per take, and a column naming the consent deviations.
file(READ ${WORK}/continuity.csv csv)
string(REGEX MATCHALL "\n" csv_lines "${csv}")  # as text, file(READ) drops the CR of CRLF
list(LENGTH csv_lines n_csv_lines)
if(NOT n_csv_lines EQUAL 3)
  message(SEND_ERROR "[csv] continuity.csv: ${n_csv_lines} lines, expected a header and 2 takes:\n${csv}")
endif()
foreach(want "scene,setup,take,date,camera,lens_mm,status,version,note,deviations,consent_deviations"
             "42,,2,,A," ",circle,3,PRIVTAKE2X7F3A,b04: PRIVDEVIATIONb04X7F3A; b02 CONSENT: see the IC,b02 CONSENT: see the IC")
  string(FIND "${csv}" "${want}" at)
  if(at EQUAL -1)
    message(SEND_ERROR "[csv] continuity.csv lacks \"${want}\":\n${csv}")
  endif()
endforeach()

run_case("a formula-looking label" 0 ARGS sheet ${WORK}/formula.json --for ad -o ${WORK}/formula.csv --date ${date})
file(READ ${WORK}/formula.csv csv)
string(FIND "${csv}" ",'=HYPERLINK(1)," at)
if(at EQUAL -1)
  message(SEND_ERROR "[csv] a cell starting with = was not escaped:\n${csv}")
endif()

# Stills.
run_case("a still" 0 ARGS render ${bedroom} --camera A --at 5 -o ${WORK}/a.png --size 640x360 STDOUT "640x268, camera A")
run_case("a still with the consent overlay" 0 ARGS render ${bedroom} --camera B --at 13 -o ${WORK}/b.png --overlay consent
  STDOUT "overlay consent")
file(READ ${WORK}/a.png magic LIMIT 8 HEX)
if(NOT magic STREQUAL "89504e470d0a1a0a")
  message(SEND_ERROR "[render] a.png is not a PNG")
endif()

# A scene without a number or pages: the header leaves them out, never "Scene  · pages  ·".
run_case("a header without scene number or pages" 0 ARGS sheet ${DATA}/export_zoom.json --for ad -o ${WORK}/unnumbered.md
  --date ${date} STDOUT "2 beats")
file(READ ${WORK}/unnumbered.md unnumbered)
string(FIND "${unnumbered}" "Version " at_version)
if(unnumbered MATCHES "Scene +·" OR unnumbered MATCHES "pages +·" OR at_version EQUAL -1)
  message(SEND_ERROR "[sheet] a header printed an empty scene number or pages:\n${unnumbered}")
endif()

# Bad arguments: exit 2, a clear message, nothing written.
file(WRITE ${WORK}/keep.pdf "previous sheet")
run_case("unknown performer" 2 ARGS sheet ${bedroom} --for performer:zoe -o ${WORK}/keep.pdf
  STDERR "no performer 'zoe' in the scene (performers: ana and ben)")
run_case("unknown audience" 2 ARGS sheet ${bedroom} --for producer -o ${WORK}/keep.pdf STDERR "not an audience")
run_case("a performer's id without performer: names the ones to write" 2 ARGS sheet ${bedroom} --for ana -o ${WORK}/keep.pdf
  STDERR "'ana' is not an audience: use performer:ID (here performer:ana or performer:ben), director")
run_case("a folder that does not exist" 2 ARGS sheet ${bedroom} --for director -o ${WORK}/nowhere/out.pdf
  STDERR "does not exist")
file(MAKE_DIRECTORY ${WORK}/a-folder.pdf)
run_case("a path that is a folder" 2 ARGS sheet ${bedroom} --for ad -o ${WORK}/a-folder.pdf STDERR "cannot write")
run_case("an unknown extension" 2 ARGS sheet ${bedroom} --for ad -o ${WORK}/out.docx STDERR "must end in .pdf")
run_case("a bad date" 2 ARGS sheet ${bedroom} --for ad -o ${WORK}/keep.pdf --date 15/01/2026 STDERR "YYYY-MM-DD")
run_case("a date that does not exist" 2 ARGS sheet ${bedroom} --for ad -o ${WORK}/keep.pdf --date 2026-02-30
  STDERR "--date 2026-02-30: give a date that exists")
run_case("29 February of a leap year" 0 ARGS sheet ${bedroom} --for ad -o ${WORK}/leap.md --date 2028-02-29 STDOUT "2028-02-29")
run_case("render: unknown camera" 2 ARGS render ${bedroom} --camera Z --at 5 -o ${WORK}/keep.png
  STDERR "no camera 'Z' (cameras: A and B)")
run_case("render: not a png" 2 ARGS render ${bedroom} --camera A --at 5 -o ${WORK}/out.jpg STDERR "must end in .png")
run_case("render: a count past the scene's last" 2 ARGS render ${bedroom} --camera A --at 99 -o ${WORK}/keep.png
  STDERR "count 99 is past the scene's last count, 29 (its counts run from 1 to 29); nothing was rendered")
run_case("render: a negative count" 2 ARGS render ${bedroom} --camera A --at -1 -o ${WORK}/keep.png
  STDERR "count -1 is before the scene's first count, 1")
run_case("render: --at nan" 2 ARGS render ${bedroom} --camera A --at nan -o ${WORK}/keep.png STDERR "--at needs a count")
run_case("render: --at inf" 2 ARGS render ${bedroom} --camera A --at inf -o ${WORK}/keep.png
  STDERR "infinity is past the scene's last count, 29")
run_case("render: the last count itself" 0 ARGS render ${bedroom} --camera A --at 29 -o ${WORK}/last.png --size 64x36
  STDOUT "at count 29")
run_case("render: a bad overlay" 2 ARGS render ${bedroom} --camera A --at 5 -o ${WORK}/keep.png --overlay heat
  STDERR "use none, masking or consent")
file(READ ${WORK}/keep.pdf kept)
if(NOT kept STREQUAL "previous sheet")
  message(SEND_ERROR "[sheet] a failed sheet changed the file at -o")
endif()
foreach(never ${WORK}/out.docx ${WORK}/out.jpg ${WORK}/keep.png ${WORK}/nowhere)
  if(EXISTS ${never})
    message(SEND_ERROR "[sheet] a failed command wrote ${never}")
  endif()
endforeach()
file(GLOB leftovers ${WORK}/.*tmp-*)
if(leftovers)
  message(SEND_ERROR "[sheet] temporary files left behind: ${leftovers}")
endif()
