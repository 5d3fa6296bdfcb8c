// test_audience.cpp — the privacy filter: every confidential field of the
// bedroom example holds a unique marker (private_markers.hpp), and each
// audience's view, written out whole, holds only the markers it may see.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>

#include "notation/audience.hpp"
#include "notation/consent.hpp"
#include "notation/format.hpp"

#include "tests/core/private_markers.hpp"

using namespace cs;

namespace {

Document marked_bedroom(std::vector<std::string>& markers) {
  const LoadResult r = load_scene_file(std::filesystem::path(CLOSEDSET_EXAMPLES_DIR) / "bedroom.closedset.json");
  REQUIRE(r.ok());
  Document doc = *r.document;
  markers = privacy_test::mark_confidential_text(doc);
  return doc;
}

// Everything a view holds, as text: the redacted document and every derived line.
std::string view_text(const AudienceView& v) {
  std::string s = save_scene_text(v.doc);
  for (const ContactTerms& t : v.contact_terms) s += t.sentence() + "\n";
  for (const Finding& f : v.findings) s += f.message + f.suggestion + f.other + "\n";
  for (const std::string& l : v.left_out) s += l + "\n";
  return s;
}

bool holds(const std::string& text, const std::string& marker) { return text.find(marker) != std::string::npos; }

bool starts(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

// The markers of `performer`'s body-map lines that govern a contact with `partner`.
std::set<std::string> governing_markers(const Document& doc, const std::string& performer, const std::string& partner) {
  std::set<std::string> out;
  const Performer& p = *doc.performer(performer);
  for (const Beat& b : doc.choreography.beats)
    for (const Contact& c : b.contacts) {
      Governing g;
      if (c.receiver == performer && c.giver == partner) g = govern(p, Direction::receive, c.region, partner, c.kind, c.layer);
      else if (c.giver == performer && c.receiver == partner) g = govern(p, Direction::give, c.region, partner, c.kind, c.layer);
      else continue;
      for (const Boundary* line : g.lines) out.insert(line->conditions);
    }
  return out;
}

AudienceOptions fast() {
  AudienceOptions o;
  o.samples_per_count = 1;
  return o;
}

}  // namespace

TEST_CASE("audience: a performer sees their own body map and rider, of a partner only the lines between them") {
  std::vector<std::string> markers;
  const Document doc = marked_bedroom(markers);
  REQUIRE(doc.performers.size() == 2);
  for (const char* me : {"ana", "ben"}) {
    const std::string partner = std::string(me) == "ana" ? "ben" : "ana";
    const AudienceView v = audience_view(doc, Audience{AudienceKind::performer, me}, fast());
    const std::string text = view_text(v);
    const std::set<std::string> partner_governing = governing_markers(doc, partner, me);
    int partner_seen = 0, partner_withheld = 0;
    for (const std::string& m : markers) {
      CAPTURE(me);
      CAPTURE(m);
      const std::string mine = std::string(privacy_test::kMarkerPrefix) + me + "-";
      const std::string theirs = std::string(privacy_test::kMarkerPrefix) + partner + "-";
      if (starts(m, mine + "note") || starts(m, theirs + "note")) CHECK_FALSE(holds(text, m));  // IC only
      else if (starts(m, mine)) CHECK(holds(text, m));       // own boundaries, rider, name
      else if (starts(m, theirs + "rider")) CHECK_FALSE(holds(text, m));
      else if (starts(m, theirs + "boundary")) {
        const bool allowed = partner_governing.count(m) > 0;
        CHECK(holds(text, m) == allowed);
        ++(allowed ? partner_seen : partner_withheld);
      } else if (m.find("-camnotes-") != std::string::npos || starts(m, theirs + "actor")) {
        // Camera notes and the cast's names are not private from the cast.
      } else {
        CHECK_FALSE(holds(text, m));  // takes and deviations
      }
    }
    // The example has both kinds, so the test can tell them apart.
    CHECK(partner_seen > 0);
    CHECK(partner_withheld > 0);
    const Performer& other = *v.doc.performer(partner);
    CHECK(other.exposure.empty());
    CHECK(other.tiers.empty());
    CHECK(v.doc.takes.empty());
  }
}

TEST_CASE("audience: a performer's contacts carry their agreed terms, with the governing lines' conditions") {
  std::vector<std::string> markers;
  const Document doc = marked_bedroom(markers);
  const AudienceView v = audience_view(doc, Audience{AudienceKind::performer, "ana"}, fast());
  REQUIRE_FALSE(v.contact_terms.empty());
  std::size_t contacts = 0;
  for (const Beat& b : v.doc.choreography.beats) {
    for (const Contact& c : b.contacts) CHECK((c.giver == "ana" || c.receiver == "ana"));
    contacts += b.contacts.size();
  }
  CHECK(contacts == v.contact_terms.size());
  // Every line in the marked scene has conditions, so every agreed contact says them.
  for (const ContactTerms& t : v.contact_terms) {
    const Contact& c = v.doc.beat(t.beat)->contacts.at(t.contact);
    CAPTURE(t.beat);
    if (t.words == AgreementWords::not_agreed) continue;
    CHECK(t.words != AgreementWords::agreed);  // conditions always make it conditional, or more cautious
    CHECK(holds(t.sentence(), t.words == AgreementWords::agreed_with_conditions ? "agreed, with conditions: PRIVATE-"
                                                                                 : "conditions: PRIVATE-"));
    // Only the lines of the two people in this contact.
    const std::string other = c.giver == "ana" ? c.receiver : c.giver;
    for (const std::string& cond : t.conditions)
      CHECK((starts(cond, "PRIVATE-ana-boundary") || starts(cond, "PRIVATE-" + other + "-boundary")));
  }
}

TEST_CASE("audience: director, costume and AD see nobody's body map, rider, conditions or notes") {
  std::vector<std::string> markers;
  const Document doc = marked_bedroom(markers);
  for (AudienceKind kind : {AudienceKind::director, AudienceKind::costume, AudienceKind::ad}) {
    const AudienceView v = audience_view(doc, Audience{kind, ""}, fast());
    const std::string text = view_text(v);
    CAPTURE(audience_id(v.audience));
    for (const std::string& m : markers) {
      CAPTURE(m);
      const bool shareable = m.find("-camnotes-") != std::string::npos || m.find("-actor-") != std::string::npos;
      CHECK(holds(text, m) == shareable);
    }
    for (const Performer& p : v.doc.performers) {
      CHECK(p.boundaries.empty());
      CHECK(p.exposure.empty());
      CHECK(p.tiers.empty());
    }
    CHECK(v.checked);
  }
}

TEST_CASE("audience: the director's findings are reworded, the checks' own sentences quote conditions") {
  std::vector<std::string> markers;
  const Document doc = marked_bedroom(markers);
  const AudienceView v = audience_view(doc, Audience{AudienceKind::director, ""}, fast());
  REQUIRE_FALSE(v.findings.empty());
  for (const Finding& f : v.findings) {
    CHECK_FALSE(f.message.empty());
    CHECK(f.suggestion.empty());
  }
  // The AD knows which beats need a check-in, and with whom.
  const AudienceView ad = audience_view(doc, Audience{AudienceKind::ad, ""}, fast());
  for (const CheckIn& c : ad.check_ins) {
    CHECK(doc.beat(c.beat) != nullptr);
    CHECK_FALSE(c.performers.empty());
  }
  // One agreement per beat × camera × performer.
  CHECK(v.camera_agreements.size() == doc.choreography.beats.size() * doc.cameras.size() * doc.performers.size());
}

TEST_CASE("audience: the director is told 'not agreed from this view' where bare skin reads against a rider") {
  const LoadResult r = load_scene_file(std::filesystem::path(CLOSEDSET_EXAMPLES_DIR) / "bedroom.closedset.json");
  REQUIRE(r.ok());
  Document doc = *r.document;
  // Nobody agrees to any exposure from any view, and every garment is off: skin reads somewhere.
  for (Performer& p : doc.performers) p.exposure.clear();
  for (Garment& g : doc.garments) g.worn = false;
  for (Beat& b : doc.choreography.beats) b.garment_changes.clear();
  const AudienceView v = audience_view(doc, Audience{AudienceKind::director, ""}, fast());
  int not_agreed = 0;
  for (const CameraAgreement& a : v.camera_agreements)
    if (!a.agreed) {
      ++not_agreed;
      CHECK_FALSE(a.not_agreed.empty());
    }
  CHECK(not_agreed > 0);
  const bool said = std::any_of(v.findings.begin(), v.findings.end(), [](const Finding& f) {
    return f.code == FindingCode::exposure_refused && f.message.find("not agreed from this view") != std::string::npos;
  });
  CHECK(said);
}

TEST_CASE("audience: interchange holds no confidential field at all, not even actors' names or camera notes") {
  std::vector<std::string> markers;
  const Document doc = marked_bedroom(markers);
  const AudienceView v = audience_view(doc, Audience{AudienceKind::interchange, ""}, fast());
  const std::string text = view_text(v);
  for (const std::string& m : markers) {
    CAPTURE(m);
    CHECK_FALSE(holds(text, m));
  }
  for (const Finding& f : v.findings) CHECK(f.message.empty());
}

TEST_CASE("audience: parse names an audience or says why not") {
  std::vector<std::string> markers;
  const Document doc = marked_bedroom(markers);
  std::string why;
  CHECK(parse_audience(doc, "performer:ana", why) == Audience{AudienceKind::performer, "ana"});
  CHECK(parse_audience(doc, "director", why) == Audience{AudienceKind::director, ""});
  CHECK_FALSE(parse_audience(doc, "performer:zoe", why));
  CHECK(why == "no performer 'zoe' in the scene (performers: ana and ben)");
  CHECK_FALSE(parse_audience(doc, "producer", why));
  CHECK(holds(why, "not an audience"));
}

TEST_CASE("audience: continuity sees the take log and deviation notes, but no body map, rider, private note, or a consent deviation's note") {
  std::vector<std::string> markers;
  Document doc = marked_bedroom(markers);
  REQUIRE_FALSE(doc.takes.empty());
  Deviation consent;
  consent.beat = doc.choreography.beats[0].id;
  consent.kind = DeviationKind::consent;
  consent.note = "PRIVATE-consent-deviation-7f3a";
  doc.takes[0].deviations.push_back(consent);
  const AudienceView v = audience_view(doc, Audience{AudienceKind::continuity, ""}, fast());
  const std::string text = view_text(v);
  for (const std::string& m : markers) {
    CAPTURE(m);
    const bool shareable = m.find("-camnotes-") != std::string::npos || m.find("-actor-") != std::string::npos ||
                           m.find("-take") != std::string::npos || m.find("-deviation-") != std::string::npos;
    CHECK(holds(text, m) == shareable);
  }
  CHECK_FALSE(holds(text, consent.note));
  // The consent deviation itself is listed: the log is complete.
  REQUIRE(v.doc.takes[0].deviations.size() == doc.takes[0].deviations.size());
  CHECK(v.doc.takes[0].deviations.back().kind == DeviationKind::consent);
  for (const Performer& p : v.doc.performers) {
    CHECK(p.boundaries.empty());
    CHECK(p.exposure.empty());
    CHECK(p.tiers.empty());
    CHECK(p.private_note.empty());
  }
  std::string why;
  CHECK(parse_audience(doc, "continuity", why) == Audience{AudienceKind::continuity, ""});
}
