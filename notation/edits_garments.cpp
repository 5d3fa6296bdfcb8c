// edits_garments.cpp — garments and props (edits_garments.hpp).
#include "notation/edits_garments.hpp"

#include "notation/edits_lists.hpp"

namespace cs {

Edited add_garment(const Document& doc, Garment garment, std::string* id) {
  if (garment.id.empty()) garment.id = next_numbered_id(ids_of(doc.garments), "g", 1);
  return edit_lists::add(doc, &Document::garments, std::move(garment), id);
}

Edited set_garment(const Document& doc, const std::string& id, Garment garment) {
  return edit_lists::set(doc, &Document::garments, id, std::move(garment), ItemKind::garment, "garment");
}

Edited remove_garment(const Document& doc, const std::string& id) {
  return edit_lists::remove(doc, &Document::garments, id, ItemKind::garment, "garment");
}

Edited add_prop(const Document& doc, Prop prop, std::string* id) {
  if (prop.id.empty()) prop.id = next_numbered_id(ids_of(doc.props), "prop", 1);
  return edit_lists::add(doc, &Document::props, std::move(prop), id);
}

Edited set_prop(const Document& doc, const std::string& id, Prop prop) {
  return edit_lists::set(doc, &Document::props, id, std::move(prop), ItemKind::prop, "prop");
}

Edited remove_prop(const Document& doc, const std::string& id) {
  return edit_lists::remove(doc, &Document::props, id, ItemKind::prop, "prop");
}

}  // namespace cs
