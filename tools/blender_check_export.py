# blender_check_export.py — open a `closedset export` glTF in Blender, headless,
# and check what came in against the file itself; optionally keep the result.
#
#   blender --background --factory-startup --python-exit-code 1 \
#       --python tools/blender_check_export.py -- SCENE.glb [--save SCENE.blend] [--real-lens]
#
# Checks (exit status 1 when one fails):
#   - a Blender object for every glTF node (the importer may add helpers, so
#     at least as many), one mesh object per node with a mesh, one camera
#     object per glTF camera;
#   - each camera's vertical field of view (Blender's importer sets angle_y =
#     yfov with a vertical sensor fit) within 0.1° of the file's yfov, which is
#     the delivery frame's vertical field of view;
#   - with an animation: an action was made, and its frame range covers the
#     animation's duration.
# Then it adds the beat markers in the animation's extras as timeline markers
# (at the scene's frame rate), sets the render size to the first camera's
# delivery aspect (Blender's importer ignores aspectRatio), and with
# --real-lens puts each camera back on its real lens from the extras (sensor
# size and fit, focal length): the same field of view, in a DP's terms.
#
# Written against the sources of glTF-Blender-IO 4.2 (the importer in Blender
# 4.2: blender/imp/gltf2_blender_camera.py sets angle_y = yfov with a vertical
# sensor fit and ignores aspectRatio); not run where it was written (no Blender
# there). The tests do not need Blender, and CI does not run this.
import json
import math
import struct
import sys

import bpy


def gltf_json(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:4] == b"glTF":
        length, kind = struct.unpack_from("<II", data, 12)
        assert kind == 0x4E4F534A, "first GLB chunk is not JSON"
        return json.loads(data[20:20 + length])
    return json.loads(data)


def main(argv):
    args = argv[argv.index("--") + 1:] if "--" in argv else []
    if not args:
        print("usage: blender --background --python tools/blender_check_export.py -- FILE.glb [--save OUT.blend] [--real-lens]")
        return 2
    path = args[0]
    save = args[args.index("--save") + 1] if "--save" in args else None
    real_lens = "--real-lens" in args
    g = gltf_json(path)

    bpy.ops.wm.read_factory_settings(use_empty=True)
    bpy.ops.import_scene.gltf(filepath=path)
    scene = bpy.context.scene
    failures = []

    nodes = g.get("nodes", [])
    mesh_nodes = [n for n in nodes if "mesh" in n]
    objects = list(bpy.data.objects)
    meshes = [o for o in objects if o.type == "MESH"]
    cameras = [o for o in objects if o.type == "CAMERA"]
    print(f"{path}: {len(nodes)} nodes, {len(mesh_nodes)} with a mesh, {len(g.get('cameras', []))} cameras; "
          f"Blender: {len(objects)} objects, {len(meshes)} meshes, {len(cameras)} cameras")
    if len(objects) < len(nodes):
        failures.append(f"{len(objects)} objects for {len(nodes)} nodes")
    if len(meshes) != len(mesh_nodes):
        failures.append(f"{len(meshes)} mesh objects for {len(mesh_nodes)} nodes with a mesh")
    if len(cameras) != len(g.get("cameras", [])):
        failures.append(f"{len(cameras)} camera objects for {len(g.get('cameras', []))} cameras")

    by_name = {c["name"]: c for c in g.get("cameras", [])}
    for obj in cameras:
        cam = by_name.get(obj.data.name)
        if cam is None:
            failures.append(f"camera {obj.data.name} is not in the file")
            continue
        want = math.degrees(cam["perspective"]["yfov"])
        got = math.degrees(obj.data.angle_y)
        print(f"  camera {obj.name}: vertical field of view {got:.3f}° (file {want:.3f}°), sensor fit {obj.data.sensor_fit}")
        if abs(got - want) > 0.1:
            failures.append(f"camera {obj.name}: {got:.3f}° vertical, the file says {want:.3f}°")
        lens = cam.get("extras", {})
        if real_lens and "focal_mm" in lens:
            obj.data.lens_unit = "MILLIMETERS"
            obj.data.sensor_width, obj.data.sensor_height = lens["sensor_mm"]
            obj.data.sensor_fit = "HORIZONTAL" if lens["fit"] == "horizontal" else "VERTICAL"
            obj.data.lens = lens["focal_mm"]

    if g.get("cameras"):
        aspect = g["cameras"][0]["perspective"].get("aspectRatio")
        if aspect:
            scene.render.resolution_x = 1920
            scene.render.resolution_y = int(round(1920 / aspect))

    animations = g.get("animations", [])
    if animations:
        if not bpy.data.actions:
            failures.append("the file has an animation and Blender made no action")
        fps = scene.render.fps / scene.render.fps_base
        for m in animations[0].get("extras", {}).get("markers", []):
            scene.timeline_markers.new(m["name"], frame=int(round(m["time_s"] * fps)))
        end = max((a.frame_range[1] for a in bpy.data.actions), default=0)
        accessors = g.get("accessors", [])
        duration = max(accessors[s["input"]]["max"][0] for a in animations for s in a["samplers"])
        print(f"  {len(bpy.data.actions)} actions, last frame {end:g} at {fps:g} fps for {duration:g} s; "
              f"{len(scene.timeline_markers)} beat markers on the timeline")
        if end < duration * fps * 0.99:
            failures.append(f"the actions end at frame {end:g}, before the animation's {duration:g} s")

    if save:
        bpy.ops.wm.save_as_mainfile(filepath=save)
        print(f"  saved {save}")
    for f in failures:
        print("FAIL: " + f)
    print("ok" if not failures else f"{len(failures)} checks failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
