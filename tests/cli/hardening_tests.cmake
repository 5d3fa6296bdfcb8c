# hardening_tests.cmake — saving (backups, leftovers, read-only files, hard
# links) through `closedset fmt`, and mesh imports that stay in the scene's
# folder, on the real executable.
include(${CMAKE_CURRENT_LIST_DIR}/cli_common.cmake)

# A scene with one mesh prop naming MESH (written to WORK/NAME/scene.closedset.json).
function(mesh_scene name mesh)
  file(MAKE_DIRECTORY ${WORK}/${name})
  file(WRITE ${WORK}/${name}/scene.closedset.json "{ \"format\": \"closedset-scene\", \"version\": 1,
  \"props\": [ { \"id\": \"statue\", \"shape\": \"mesh\", \"mesh\": \"${mesh}\", \"size\": [1, 1, 1], \"position\": [0, 0, 1] } ],
  \"cameras\": [ { \"id\": \"A\", \"sensor\": \"super35\", \"focal_mm\": 35, \"aspect\": 1.78, \"fit\": \"horizontal\", \"position\": [0, 1.2, 4], \"target\": [0, 1, 0] } ],
  \"choreography\": { \"tempo_bpm\": 60, \"beats\": [ { \"id\": \"b01\", \"start_count\": 1, \"length_counts\": 1 } ] } }\n")
endfunction()

# --- Imports stay in their folder ---------------------------------------------
# A glTF whose buffer climbs out of the folder: refused, naming the buffer.
mesh_scene(climb "statue.gltf")
file(WRITE ${WORK}/climb/statue.gltf [=[{"asset": {"version": "2.0"}, "scene": 0, "scenes": [{"nodes": [0]}],
 "nodes": [{"mesh": 0}], "meshes": [{"primitives": [{"attributes": {"POSITION": 0}}]}],
 "accessors": [{"bufferView": 0, "componentType": 5126, "count": 3, "type": "VEC3", "min": [0,0,0], "max": [1,1,1]}],
 "bufferViews": [{"buffer": 0, "byteLength": 36}],
 "buffers": [{"uri": "../../../../../../../../etc/passwd", "byteLength": 36}]}]=])
run_case("a glTF buffer outside the scene's folder is refused by check" 2 ARGS check ${WORK}/climb/scene.closedset.json
         STDERR "outside the scene's folder;etc/passwd")
run_case("validate agrees with check about a mesh that cannot load" 2 ARGS validate ${WORK}/climb/scene.closedset.json
         STDERR "outside the scene's folder;not valid")
run_case("validate says a missing mesh makes the scene not valid" 2 ARGS validate ${DATA}/mesh_missing.json
         STDERR "absent.glb;not valid")

mesh_scene(absolute "${DATA}/panel.obj")
run_case("an absolute mesh path outside the folder is refused" 2 ARGS check ${WORK}/absolute/scene.closedset.json
         STDERR "lies outside the scene's folder")
mesh_scene(parent "../panel.obj")
file(COPY ${DATA}/panel.obj DESTINATION ${WORK})
run_case("a mesh path that climbs with ../ is refused" 2 ARGS check ${WORK}/parent/scene.closedset.json
         STDERR "lies outside the scene's folder")
mesh_scene(inside "panel.obj")
file(COPY ${DATA}/panel.obj DESTINATION ${WORK}/inside)
run_case("a mesh inside the folder loads" 0 ARGS validate ${WORK}/inside/scene.closedset.json STDOUT "valid")

mesh_scene(device "zero.glb")
file(CREATE_LINK /dev/zero ${WORK}/device/zero.glb SYMBOLIC)
run_case("a link to /dev/zero named .glb is called a device" 2 ARGS check ${WORK}/device/scene.closedset.json
         STDERR "a device")
mesh_scene(folder "statue.obj")
file(MAKE_DIRECTORY ${WORK}/folder/statue.obj)
run_case("a folder named .obj is called a folder" 2 ARGS check ${WORK}/folder/scene.closedset.json STDERR "a folder")

# An OBJ over the vertex limit is refused before Assimp reads it.
mesh_scene(huge "huge.obj")
string(REPEAT "v 0 0 0\n" 1000 thousand)
string(REPEAT "${thousand}" 601 many)
file(WRITE ${WORK}/huge/huge.obj "${many}f 1 2 3\n")
run_case("an OBJ over the vertex limit is refused, counted before import" 2 ARGS check ${WORK}/huge/scene.closedset.json
         STDERR "601000 vertices, over the limit of 600000")

# An FBX whose arrays claim more than they hold is refused before Assimp allocates
# what they claim (binary FBX records: tests/core/test_mesh_fbx.cpp).
mesh_scene(fbx "huge.fbx")
file(WRITE ${WORK}/fbx/huge.fbx "; FBX 7.4.0 project file\nObjects:  {\n\tGeometry: 1, \"Geometry::g\", \"Mesh\" {\n\t\tVertices: *4000000000 {\n\t\t\ta: 0,0,0\n\t\t}\n\t}\n}\n")
run_case("an FBX claiming 4 billion numbers is refused before import, naming the file" 2
         ARGS check ${WORK}/fbx/scene.closedset.json STDERR "huge.fbx: the FBX array 'Vertices' declares 4000000000 numbers")

# --- Saving --------------------------------------------------------------------
# fmt rewrites a scene that is not canonical; each rewrite keeps one more backup.
file(MAKE_DIRECTORY ${WORK}/save)
set(scene ${WORK}/save/scene.closedset.json)
file(READ ${EXAMPLES}/bedroom.closedset.json canonical)
foreach(i RANGE 1 4)
  string(REPLACE "\n  \"scene\"" "\n      \"scene\"" messy "${canonical}")
  file(WRITE ${scene} "${messy}")
  if(i EQUAL 3)
    # A save killed mid-write left a partial copy: the next save removes it.
    file(WRITE ${WORK}/save/.scene.closedset.json.tmp-Ab12Cd "{\"private_note\": \"partial")
  endif()
  run_case("fmt rewrite ${i}" 0 ARGS fmt ${scene} STDOUT "previous version kept")
endforeach()
foreach(name scene.closedset.json.bak scene.closedset.json.bak.2 scene.closedset.json.bak.3)
  if(NOT EXISTS ${WORK}/save/${name})
    message(SEND_ERROR "[backups] ${name} was not kept")
  endif()
endforeach()
file(GLOB left ${WORK}/save/.scene*)
if(left)
  message(SEND_ERROR "[leftovers] still beside the scene after a save: ${left}")
endif()

# A read-only scene is not rewritten, and fmt says why.
file(WRITE ${scene} "${messy}")
file(CHMOD ${scene} PERMISSIONS OWNER_READ GROUP_READ WORLD_READ)
run_case("fmt refuses a read-only scene" 2 ARGS fmt ${scene} STDERR "read-only (mode 0444)")
file(READ ${scene} after)
if(NOT after STREQUAL messy)
  message(SEND_ERROR "[read-only] the read-only scene was changed")
endif()
file(CHMOD ${scene} PERMISSIONS OWNER_READ OWNER_WRITE)

# A scene with another hard link: saved, and fmt says the other name keeps the old text.
file(CREATE_LINK ${scene} ${WORK}/save/linked.closedset.json)
run_case("fmt says when a hard link keeps the previous version" 0 ARGS fmt ${scene} STDERR "1 other name (hard link)")
file(READ ${WORK}/save/linked.closedset.json linked)
if(NOT linked STREQUAL messy)
  message(SEND_ERROR "[hard link] the other name does not hold the previous version")
endif()

# --- Sealed scenes ---------------------------------------------------------------
file(MAKE_DIRECTORY ${WORK}/sealed)
set(sealed ${WORK}/sealed/scene.closedset.json)
file(COPY_FILE ${EXAMPLES}/bedroom.closedset.json ${sealed})
file(WRITE ${WORK}/sealed/pass.txt "trailer door code 4711\n")
file(WRITE ${WORK}/sealed/wrong.txt "not the passphrase\n")
file(WRITE ${sealed}.bak "plain backup")
run_case("seal a scene with a passphrase file" 0 ARGS seal ${sealed} --passphrase-file ${WORK}/sealed/pass.txt
         STDOUT "sealed;removed the plain backup")
file(READ ${sealed} head LIMIT 8 HEX)
if(NOT head STREQUAL "43535345414c4544")  # "CSSEALED"
  message(SEND_ERROR "[seal] the file does not begin with CSSEALED: ${head}")
endif()
if(EXISTS ${sealed}.bak)
  message(SEND_ERROR "[seal] the plain backup was left beside the sealed scene")
endif()
run_case("a sealed scene read as plain says it is sealed" 2 ARGS validate ${sealed} STDERR "sealed")
run_case("validate a sealed scene with its passphrase" 0 ARGS validate ${sealed} --passphrase-file ${WORK}/sealed/pass.txt
         STDOUT "valid")
run_case("a wrong passphrase is refused" 2 ARGS unseal ${sealed} -o ${WORK}/sealed/out.json
         --passphrase-file ${WORK}/sealed/wrong.txt STDERR "Wrong passphrase;nothing was written")
if(EXISTS ${WORK}/sealed/out.json)
  message(SEND_ERROR "[seal] a wrong passphrase wrote a file")
endif()
run_case("unseal writes a plain copy" 0 ARGS unseal ${sealed} -o ${WORK}/sealed/out.json
         --passphrase-file ${WORK}/sealed/pass.txt STDOUT "plain copy written")
run_case("the plain copy is the scene" 0 ARGS validate ${WORK}/sealed/out.json STDOUT "The Morning After")
run_case("sealing twice is refused" 2 ARGS seal ${sealed} --passphrase-file ${WORK}/sealed/pass.txt STDERR "already sealed")
