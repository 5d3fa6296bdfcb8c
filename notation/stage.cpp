#include "notation/stage.hpp"

#include <numbers>
#include <algorithm>
#include <cmath>
#include <numeric>

#include <glm/gtc/matrix_transform.hpp>

#include "notation/mesh_import.hpp"
#include "notation/timeline.hpp"

namespace cs {

namespace {


glm::vec3 to_vec3(const Vec3& v) { return glm::vec3(float(v[0]), float(v[1]), float(v[2])); }
glm::dvec3 to_dvec3(const Vec3& v) { return glm::dvec3(v[0], v[1], v[2]); }

// Ranks of ids in sorted order: a key that does not depend on file order.
template <class T> std::vector<std::uint64_t> id_ranks(const std::vector<T>& list) {
  std::vector<std::size_t> idx(list.size());
  std::iota(idx.begin(), idx.end(), 0);
  std::stable_sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) { return list[a].id < list[b].id; });
  std::vector<std::uint64_t> rank(list.size());
  for (std::size_t r = 0; r < idx.size(); ++r) rank[idx[r]] = r;
  return rank;
}

std::uint64_t order_key(std::uint64_t category, std::uint64_t rank, std::uint64_t local) {
  return (category << 60) | ((rank & 0xFFFFF) << 40) | (local & 0xFFFFFFFFFF);
}

void finish_shape(Shape& s) {
  s.to_canonical = glm::inverse(s.to_world);
  const glm::vec3 c0(s.to_world[0]), c1(s.to_world[1]), c2(s.to_world[2]);
  s.bound_center = glm::vec3(s.to_world[3]);
  const float l0 = glm::length(c0), l1 = glm::length(c1), l2 = glm::length(c2);
  switch (s.kind) {
    case ShapeKind::ellipsoid: s.bound_radius = std::max({l0, l1, l2}); break;
    case ShapeKind::capsule: s.bound_radius = l1 * (s.h + 1) + std::max(l0, l2); break;
    default: s.bound_radius = std::sqrt(l0 * l0 + l1 * l1 + l2 * l2); break;
  }
}

// The shape of a performer at `count` (see stage.hpp, "Timeline").
PoseState pose_at(const Document& doc, const Mannequin& m, const std::string& id, double count) {
  struct Key { double start; const Pose* pose; };
  std::vector<std::size_t> order(doc.choreography.beats.size());
  std::iota(order.begin(), order.end(), 0);
  const auto& beats = doc.choreography.beats;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return beats[a].start_count < beats[b].start_count; });
  std::vector<Key> keys;
  for (std::size_t bi : order)
    for (const Pose& p : beats[bi].poses)
      if (p.performer == id) keys.push_back({beats[bi].start_count, &p});
  if (keys.empty()) return rest_pose(m);
  if (count <= keys.front().start) return pose_state(*keys.front().pose);
  for (std::size_t k = 0; k + 1 < keys.size(); ++k) {
    const double s0 = keys[k].start, s1 = keys[k + 1].start;
    if (count >= s1) continue;
    // E: the end of the last beat that starts before s1.
    double e = s0;
    for (std::size_t bi : order)
      if (beats[bi].start_count < s1) e = std::max(e, std::min(beats[bi].end_count(), s1));
    if (e <= s0) e = s1;
    const double u = std::clamp((count - s0) / (e - s0), 0.0, 1.0);
    return interpolate(pose_state(*keys[k].pose), pose_state(*keys[k + 1].pose), static_cast<float>(u));
  }
  return pose_state(*keys.back().pose);
}

StageCamera camera_at(const Document& doc, std::size_t index, double count) {
  const Camera& cam = doc.cameras[index];
  const CameraMove k = camera_key_at(doc, index, count);
  StageCamera sc;
  sc.index = static_cast<int>(index);
  sc.id = cam.id;
  sc.focal_mm = k.focal_mm.value_or(cam.focal_mm);
  sc.basis = look_at(to_dvec3(k.position), to_dvec3(k.target), cam.roll_deg);
  sc.lens = lens_frame(cam, sc.focal_mm);
  return sc;
}

}  // namespace

CameraMove camera_key_at(const Document& doc, std::size_t index, double count) {
  const Camera& cam = doc.cameras.at(index);
  struct Key { double count; glm::dvec3 position, target; double focal; };
  std::vector<Key> keys{{doc.first_count(), to_dvec3(cam.position), to_dvec3(cam.target), cam.focal_mm}};
  std::vector<const CameraMove*> moves;
  for (const CameraMove& m : cam.moves) moves.push_back(&m);
  std::stable_sort(moves.begin(), moves.end(), [](const CameraMove* a, const CameraMove* b) { return a->count < b->count; });
  for (const CameraMove* m : moves)
    keys.push_back({m->count, to_dvec3(m->position), to_dvec3(m->target), m->focal_mm.value_or(keys.back().focal)});
  std::stable_sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) { return a.count < b.count; });
  Key k = keys.front();
  if (count > keys.front().count) {
    k = keys.back();
    for (std::size_t i = 0; i + 1 < keys.size(); ++i) {
      if (count >= keys[i + 1].count) continue;
      const double span = keys[i + 1].count - keys[i].count;
      const double u = span > 0 ? (count - keys[i].count) / span : 1.0;
      k.position = glm::mix(keys[i].position, keys[i + 1].position, u);
      k.target = glm::mix(keys[i].target, keys[i + 1].target, u);
      k.focal = keys[i].focal + (keys[i + 1].focal - keys[i].focal) * u;
      break;
    }
  }
  CameraMove out;
  out.count = count;
  out.position = {k.position.x, k.position.y, k.position.z};
  out.target = {k.target.x, k.target.y, k.target.z};
  out.focal_mm = k.focal;
  return out;
}

// Props: rotation applied Y, then X, then Z (document.hpp).
glm::mat4 prop_placement(const Prop& p) {
  const float k = std::numbers::pi_v<float> / 180.0f;
  glm::mat4 r = glm::translate(glm::mat4(1.0f), to_vec3(p.position));
  r = glm::rotate(r, float(p.rotation[2]) * k, glm::vec3(0, 0, 1));
  r = glm::rotate(r, float(p.rotation[0]) * k, glm::vec3(1, 0, 0));
  r = glm::rotate(r, float(p.rotation[1]) * k, glm::vec3(0, 1, 0));
  return r;
}

float garment_offset_m(GarmentKind kind) {
  switch (kind) {
    case GarmentKind::strapless_thong: case GarmentKind::pouch: case GarmentKind::genital_cover:
    case GarmentKind::gaff: case GarmentKind::nipple_covers: case GarmentKind::merkin: case GarmentKind::tape:
      return 0.002f;
    case GarmentKind::nude_briefs: case GarmentKind::nude_shorts: case GarmentKind::body_stocking:
    case GarmentKind::underwear: case GarmentKind::bra:
      return 0.004f;
    case GarmentKind::shirt: case GarmentKind::trousers: return 0.010f;
    case GarmentKind::robe: return 0.025f;
    case GarmentKind::other: return 0.006f;
  }
  return 0.006f;
}

bool Stage::label_at(const Shape& s, const glm::vec3& p, Label& out) const {
  out = s.label;
  if (s.part == BodyPart::none) return true;
  const Region r = body_region(s.part, region_coords(s, p));
  if (s.covers != 0 && !(s.covers & region_bit(r))) return false;
  out.region = r;
  const std::int16_t g = performers[static_cast<std::size_t>(s.label.performer)].covering[static_cast<std::size_t>(r)];
  if (g >= 0) out.garment = g;
  return true;
}

Stage evaluate(const Document& doc, double count, const PropMeshes* meshes) {
  Stage st;
  st.count = count;

  st.garment_worn = garments_worn_at(doc, count);

  const auto perf_rank = id_ranks(doc.performers);
  const auto garment_rank = id_ranks(doc.garments);
  const auto prop_rank = id_ranks(doc.props);

  // Performers: pose, FK, garments, shapes.
  for (std::size_t i = 0; i < doc.performers.size(); ++i) {
    const Performer& perf = doc.performers[i];
    StagePerformer sp;
    sp.index = static_cast<int>(i);
    sp.mannequin = make_mannequin(perf.height_m > 0 ? perf.height_m : 1.70, perf.build);
    sp.pose = pose_at(doc, sp.mannequin, perf.id, count);
    sp.joints = forward_kinematics(sp.mannequin, sp.pose);
    sp.covering.fill(-1);
    std::vector<std::size_t> worn;
    for (std::size_t g = 0; g < doc.garments.size(); ++g) {
      if (!st.garment_worn[g] || doc.garments[g].wearer != perf.id) continue;
      worn.push_back(g);
      const float off = garment_offset_m(doc.garments[g].kind);
      for (Region r : doc.garments[g].covers) {
        std::int16_t& cur = sp.covering[static_cast<std::size_t>(r)];
        if (cur < 0) { cur = static_cast<std::int16_t>(g); continue; }
        const Garment& other = doc.garments[static_cast<std::size_t>(cur)];
        const float other_off = garment_offset_m(other.kind);
        if (off > other_off || (off == other_off && doc.garments[g].id < other.id)) cur = static_cast<std::int16_t>(g);
      }
    }
    for (std::size_t k = 0; k < sp.mannequin.parts.size(); ++k) {
      const BodyPrimitive& bp = sp.mannequin.parts[k];
      const glm::mat4 joint = sp.joints[static_cast<std::size_t>(bp.joint)].matrix();
      auto make = [&](float off) {
        Shape s;
        s.kind = bp.kind;
        s.part = bp.part;
        const glm::vec3 radii = bp.radii + glm::vec3(off);
        s.to_world = glm::scale(glm::translate(joint, bp.center), radii);
        s.h = bp.kind == ShapeKind::capsule ? bp.half_length / radii.y : 0.0f;
        s.label.performer = static_cast<std::int16_t>(i);
        s.label.region = body_region(bp.part, glm::vec3(0, 0, 1));
        finish_shape(s);
        return s;
      };
      Shape skin = make(0);
      skin.order = order_key(0, perf_rank[i], k);
      st.shapes.push_back(skin);
      const std::uint64_t regions = part_regions(bp.part);
      for (std::size_t g : worn) {
        std::uint64_t covers = 0;
        for (Region r : doc.garments[g].covers) covers |= region_bit(r);
        if (!(covers & regions)) continue;
        Shape shell = make(garment_offset_m(doc.garments[g].kind));
        shell.covers = covers & regions;
        shell.label.garment = static_cast<std::int16_t>(g);
        shell.order = order_key(1, garment_rank[g], k);
        st.shapes.push_back(shell);
      }
    }
    st.performers.push_back(std::move(sp));
  }

  // Props.
  for (std::size_t i = 0; i < doc.props.size(); ++i) {
    const Prop& p = doc.props[i];
    const glm::mat4 tr = prop_placement(p);
    Label label;
    label.prop = static_cast<std::int16_t>(i);
    if (p.shape == PropShape::mesh) {
      const MeshData* mesh = nullptr;
      if (meshes && i < meshes->meshes.size() && meshes->meshes[i]) mesh = &*meshes->meshes[i];
      if (!mesh) {
        st.warnings.push_back("prop '" + p.id + "': its mesh is not loaded, so it is left out");
        continue;
      }
      const glm::mat4 m = glm::scale(tr, to_vec3(p.size));
      std::vector<glm::vec3> world(mesh->positions.size());
      for (std::size_t v = 0; v < world.size(); ++v) world[v] = glm::vec3(m * glm::vec4(mesh->positions[v], 1.0f));
      for (std::size_t t = 0; t + 2 < mesh->indices.size(); t += 3) {
        StageTriangle tri;
        tri.a = world[mesh->indices[t]];
        tri.b = world[mesh->indices[t + 1]];
        tri.c = world[mesh->indices[t + 2]];
        tri.label = label;
        tri.order = order_key(3, prop_rank[i], t / 3);
        st.triangles.push_back(tri);
      }
      continue;
    }
    Shape s;
    s.kind = p.shape == PropShape::box ? ShapeKind::box
             : p.shape == PropShape::cylinder ? ShapeKind::cylinder : ShapeKind::ellipsoid;
    s.to_world = glm::scale(tr, to_vec3(p.size) * 0.5f);
    s.label = label;
    s.order = order_key(2, prop_rank[i], 0);
    finish_shape(s);
    st.shapes.push_back(s);
  }

  for (std::size_t c = 0; c < doc.cameras.size(); ++c) st.cameras.push_back(camera_at(doc, c, count));
  return st;
}

// [SECTION] Tessellation

namespace {

struct MeshBuilder {
  const Stage* stage = nullptr;
  StageMesh* out = nullptr;
  ShapeSurface* surface = nullptr;  // set: record canonical triangles only

  // Adds triangle (a, b, c) given in canonical coordinates with canonical normals;
  // `label_point` is where the label is read (the centroid on the surface).
  void tri(const Shape& s, const glm::vec3 (&p)[3], const glm::vec3 (&n)[3], const glm::vec3& label_point) {
    if (surface) {
      surface->corners.insert(surface->corners.end(), {p[0], p[1], p[2]});
      surface->normals.insert(surface->normals.end(), {n[0], n[1], n[2]});
      surface->label_points.push_back(label_point);
      return;
    }
    StageMesh& out = *this->out;
    const Stage& stage = *this->stage;
    Label label;
    if (!stage.label_at(s, label_point, label)) return;
    const glm::mat3 nm = glm::transpose(glm::mat3(s.to_canonical));
    for (int k = 0; k < 3; ++k) {
      out.positions.push_back(glm::vec3(s.to_world * glm::vec4(p[k], 1.0f)));
      out.normals.push_back(glm::normalize(nm * n[k]));
    }
    out.labels.push_back(label);
  }

  // A surface of revolution about canonical Y from a profile of (radius, y, normal in the r-y plane).
  void revolve(const Shape& s, const std::vector<glm::vec3>& profile, int slices, bool sphere_label) {
    auto at = [&](std::size_t i, int j, glm::vec3& pos, glm::vec3& nor) {
      const float phi = 2 * std::numbers::pi_v<float> * float(j) / float(slices);
      const float c = std::cos(phi), sn = std::sin(phi);
      const glm::vec3 pr = profile[i];
      pos = glm::vec3(pr.x * sn, pr.y, pr.x * c);
      nor = glm::vec3(0);
      nor.y = pr.z;
      const float horiz = std::sqrt(std::max(0.0f, 1 - pr.z * pr.z));
      nor.x = horiz * sn;
      nor.z = horiz * c;
    };
    for (std::size_t i = 0; i + 1 < profile.size(); ++i)
      for (int j = 0; j < slices; ++j) {
        glm::vec3 p00, p01, p10, p11, n00, n01, n10, n11;
        at(i, j, p00, n00); at(i, j + 1, p01, n01); at(i + 1, j, p10, n10); at(i + 1, j + 1, p11, n11);
        auto emit = [&](const glm::vec3& a, const glm::vec3& b, const glm::vec3& c,
                        const glm::vec3& na, const glm::vec3& nb, const glm::vec3& nc) {
          if (glm::length(glm::cross(b - a, c - a)) < 1e-9f) return;
          glm::vec3 centroid = (a + b + c) / 3.0f;
          if (sphere_label && glm::length(centroid) > 0) centroid = glm::normalize(centroid);
          const glm::vec3 pts[3] = {a, b, c}, nrm[3] = {na, nb, nc};
          tri(s, pts, nrm, centroid);
        };
        emit(p00, p10, p11, n00, n10, n11);
        emit(p00, p11, p01, n00, n11, n01);
      }
  }
};

// One shape's triangles, in its canonical space, through mb.tri.
void add_shape(MeshBuilder& mb, const Shape& s, int detail) {
  const int slices = 2 * detail;
  std::vector<glm::vec3> profile;  // (radius, y, normal.y)
  switch (s.kind) {
    case ShapeKind::ellipsoid:
      for (int i = 0; i <= detail; ++i) {
        const float th = std::numbers::pi_v<float> * float(i) / float(detail);
        profile.push_back({std::sin(th), std::cos(th), std::cos(th)});
      }
      mb.revolve(s, profile, slices, true);
      break;
    case ShapeKind::capsule: {
      const int half = std::max(2, detail / 2);
      for (int i = 0; i <= half; ++i) {
        const float th = 0.5f * std::numbers::pi_v<float> * float(i) / float(half);
        profile.push_back({std::sin(th), s.h + std::cos(th), std::cos(th)});
      }
      const int segs = std::max(2, detail / 3);
      for (int i = 1; i < segs; ++i) profile.push_back({1.0f, s.h - 2 * s.h * float(i) / float(segs), 0.0f});
      for (int i = 0; i <= half; ++i) {
        const float th = 0.5f * std::numbers::pi_v<float> + 0.5f * std::numbers::pi_v<float> * float(i) / float(half);
        profile.push_back({std::sin(th), -s.h + std::cos(th), std::cos(th)});
      }
      mb.revolve(s, profile, slices, false);
      break;
    }
    case ShapeKind::cylinder: {
      profile = {{0, 1, 1}, {1, 1, 1}, {1, 1, 0}, {1, -1, 0}, {1, -1, -1}, {0, -1, -1}};
      mb.revolve(s, profile, slices, false);
      break;
    }
    case ShapeKind::box: {
      for (int axis = 0; axis < 3; ++axis)
        for (float sign : {-1.0f, 1.0f}) {
          glm::vec3 n(0);
          n[axis] = sign;
          const int u = (axis + 1) % 3, v = (axis + 2) % 3;
          glm::vec3 c[4];
          const float uu[4] = {-1, 1, 1, -1}, vv[4] = {-1, -1, 1, 1};
          for (int k = 0; k < 4; ++k) {
            c[k] = n;
            c[k][u] = uu[k] * sign;
            c[k][v] = vv[k];
          }
          const glm::vec3 t1[3] = {c[0], c[1], c[2]}, t2[3] = {c[0], c[2], c[3]}, nn[3] = {n, n, n};
          mb.tri(s, t1, nn, n);
          mb.tri(s, t2, nn, n);
        }
      break;
    }
    case ShapeKind::triangle: break;
  }
}

}  // namespace

StageMesh tessellate(const Stage& stage, int detail) {
  detail = std::max(detail, 4);
  StageMesh out;
  MeshBuilder mb{&stage, &out, nullptr};
  for (const Shape& s : stage.shapes) add_shape(mb, s, detail);
  for (const StageTriangle& t : stage.triangles) {
    glm::vec3 n = glm::cross(t.b - t.a, t.c - t.a);
    const float len = glm::length(n);
    n = len > 0 ? n / len : glm::vec3(0, 1, 0);
    out.positions.insert(out.positions.end(), {t.a, t.b, t.c});
    out.normals.insert(out.normals.end(), {n, n, n});
    out.labels.push_back(t.label);
  }
  return out;
}

ShapeSurface shape_surface(const Shape& s, int detail) {
  ShapeSurface out;
  MeshBuilder mb{nullptr, nullptr, &out};
  add_shape(mb, s, std::max(detail, 4));
  return out;
}

}  // namespace cs
