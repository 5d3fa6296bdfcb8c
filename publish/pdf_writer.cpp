// pdf_writer.cpp — the sheet as PDF with cairo and pango (see sheet_writers.hpp).
//
// Two passes over the same layout code: the first draws into a PDF stream that
// is thrown away and only counts the pages (the footer says "page n of N"),
// the second writes the file. Stills are rendered once, before both. Text is
// laid out by pango at the column's width and drawn line by line, so a
// paragraph that does not fit continues on the next page: nothing is clipped.
//
// [SECTION] Page geometry and fonts
// [SECTION] The page writer
// [SECTION] Blocks: headings, paragraphs, tables, the count score, stills
// [SECTION] The document
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include "notation/audience.hpp"
#include "notation/lens.hpp"
#include "notation/phrasing.hpp"
#include "notation/printable.hpp"
#include "notation/sheet.hpp"
#include "publish/sheet_writers.hpp"

namespace cs {

namespace {

// ---------------------------------------------------------------------------
// [SECTION] Page geometry and fonts

constexpr double kPageW = 595.28, kPageH = 841.89;  // A4 in points
constexpr double kLeft = 50, kRight = 40, kTop = 78, kBottom = 48;
constexpr double kWidth = kPageW - kLeft - kRight;
constexpr double kBarX = 30;                        // the revision bar, in the left margin
constexpr const char* kFont = "DejaVu Sans";

// Text from the scene is made printable first (notation/printable.hpp): pango's
// markup refuses character references to control characters and bytes that are
// not UTF-8, and a sheet's text is never to drive a terminal it is copied into.
std::string escape_markup(const std::string& s) {
  const std::string shown = printable(s, Breaks::keep);
  char* e = g_markup_escape_text(shown.c_str(), -1);
  std::string out(e);
  g_free(e);
  return out;
}

struct Rgb {
  double r, g, b;
};
constexpr Rgb kInk{0.11, 0.12, 0.13}, kGrey{0.38, 0.40, 0.43}, kRule{0.72, 0.74, 0.77}, kRevised{0.79, 0.16, 0.16},
    kLink{0.10, 0.30, 0.62}, kShade{0.93, 0.94, 0.95}, kAlertShade{0.98, 0.89, 0.89}, kAlertInk{0.56, 0.08, 0.08};

void set_colour(cairo_t* cr, Rgb c) { cairo_set_source_rgb(cr, c.r, c.g, c.b); }

// ---------------------------------------------------------------------------
// [SECTION] The page writer

cairo_status_t discard(void*, const unsigned char*, unsigned int) { return CAIRO_STATUS_SUCCESS; }
cairo_status_t append(void* closure, const unsigned char* data, unsigned int n) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), n);
  return CAIRO_STATUS_SUCCESS;
}

class Writer {
 public:
  Writer(const Sheet& sheet, cairo_surface_t* surface, int total_pages, const std::map<std::size_t, cairo_surface_t*>& stills,
         bool final_pass)
      : sheet_(sheet), surface_(surface), cr_(cairo_create(surface)), total_(total_pages), stills_(stills),
        final_(final_pass) {
    start_page();
  }
  ~Writer() { cairo_destroy(cr_); }
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  int pages() const { return page_; }
  void finish() {
    end_revision();
    draw_footer();
    cairo_show_page(cr_);
  }

  // -------------------------------------------------------------------------
  // Layout primitives

  PangoLayout* layout(const std::string& markup, double size, double width, bool bold = false) {
    PangoLayout* l = pango_cairo_create_layout(cr_);
    PangoFontDescription* fd = pango_font_description_from_string(kFont);
    pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
    if (bold) pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
    pango_layout_set_font_description(l, fd);
    pango_font_description_free(fd);
    pango_layout_set_width(l, int(width * PANGO_SCALE));
    pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_markup(l, markup.c_str(), -1);
    // No hyphen is inserted where a long word breaks: a name or an id reads as written.
    PangoAttrList* attrs = pango_attr_list_copy(pango_layout_get_attributes(l));
    if (!attrs) attrs = pango_attr_list_new();
    pango_attr_list_insert(attrs, pango_attr_insert_hyphens_new(FALSE));
    pango_layout_set_attributes(l, attrs);
    pango_attr_list_unref(attrs);
    return l;
  }

  static double height_of(PangoLayout* l) {
    int w = 0, h = 0;
    pango_layout_get_size(l, &w, &h);
    return double(h) / PANGO_SCALE;
  }

  double space_left() const { return kPageH - kBottom - y_; }
  void need(double h) {
    if (h > space_left() && y_ > kTop + 1) new_page();
  }
  void gap(double h) { y_ = std::min(y_ + h, kPageH - kBottom); }

  // Draws a laid-out paragraph at x, line by line, continuing on new pages.
  void flow(PangoLayout* l, double x, Rgb colour = kInk) {
    PangoLayoutIter* it = pango_layout_get_iter(l);
    double top_of_layout = y_;  // where the layout's line 0 would sit on this page
    do {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(it, nullptr, &logical);
      const double line_top = double(logical.y) / PANGO_SCALE, line_h = double(logical.height) / PANGO_SCALE;
      if (top_of_layout + line_top + line_h > kPageH - kBottom) {
        new_page();
        top_of_layout = y_ - line_top;
      }
      const double baseline = top_of_layout + double(pango_layout_iter_get_baseline(it)) / PANGO_SCALE;
      set_colour(cr_, colour);
      cairo_move_to(cr_, x + double(logical.x) / PANGO_SCALE, baseline);
      pango_cairo_show_layout_line(cr_, pango_layout_iter_get_line_readonly(it));
      y_ = top_of_layout + line_top + line_h;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    g_object_unref(l);
  }

  void paragraph(const std::string& markup, double size = 9.5, double indent = 0, Rgb colour = kInk) {
    flow(layout(markup, size, kWidth - indent), kLeft + indent, colour);
    gap(3);
  }

  // -------------------------------------------------------------------------
  // Revision bars: open while a revised section or row is drawn; split at page breaks.

  void begin_revision() {
    if (!rev_open_) {
      rev_open_ = true;
      rev_top_ = y_;
    }
  }
  void end_revision() {
    if (!rev_open_) return;
    rev_open_ = false;
    draw_bar(rev_top_, y_);
  }
  void draw_bar(double top, double bottom) {
    if (bottom <= top) return;
    set_colour(cr_, kRevised);
    cairo_rectangle(cr_, kBarX, top, 4, bottom - top);
    cairo_fill(cr_);
  }

  // -------------------------------------------------------------------------
  // Pages

  void new_page() {
    const bool rev = rev_open_;
    if (rev) draw_bar(rev_top_, y_);
    draw_footer();
    cairo_show_page(cr_);
    start_page();
    if (rev) rev_top_ = y_;
  }

  void start_page() {
    ++page_;
    y_ = kTop;
    const SheetHeader& h = sheet_.header;
    PangoLayout* t = layout("<b>" + escape_markup(h.kind) + "</b>  " + escape_markup(h.scene_title), 12, kWidth);
    set_colour(cr_, kInk);
    cairo_move_to(cr_, kLeft, 22);
    pango_cairo_show_layout(cr_, t);
    g_object_unref(t);
    const std::string line = header_line(h, false);  // notation/sheet.hpp: what is not set is left out
    PangoLayout* m = layout(escape_markup(line) + "\n<b>For: " + escape_markup(h.for_words) + "</b>", 8, kWidth);
    set_colour(cr_, kGrey);
    cairo_move_to(cr_, kLeft, 40);
    pango_cairo_show_layout(cr_, m);
    g_object_unref(m);
    set_colour(cr_, kRule);
    cairo_set_line_width(cr_, 0.8);
    cairo_move_to(cr_, kLeft, 68);
    cairo_line_to(cr_, kPageW - kRight, 68);
    cairo_stroke(cr_);
  }

  void draw_footer() {
    const std::string text = "For: " + sheet_.header.for_words + " · confidential to them";
    PangoLayout* l = layout(escape_markup(text), 7.5, kWidth * 0.7);
    set_colour(cr_, kGrey);
    cairo_move_to(cr_, kLeft, kPageH - 30);
    pango_cairo_show_layout(cr_, l);
    g_object_unref(l);
    PangoLayout* n = layout(escape_markup("page " + std::to_string(page_) + " of " + std::to_string(std::max(total_, page_))),
                            7.5, 120);
    pango_layout_set_alignment(n, PANGO_ALIGN_RIGHT);
    cairo_move_to(cr_, kPageW - kRight - 120, kPageH - 30);
    pango_cairo_show_layout(cr_, n);
    g_object_unref(n);
  }

  // -------------------------------------------------------------------------
  // [SECTION] Blocks: headings, paragraphs, tables, the count score, stills

  void heading(const SheetSection& s, int& outline_parent) {
    const double size = s.level == 1 ? 14 : 11.5;
    PangoLayout* l = layout(escape_markup(s.title) +
                                (s.revised ? "  <span foreground=\"#c92a2a\" size=\"small\">revised since version " +
                                                 std::to_string(sheet_.header.revised_since) + "</span>"
                                           : ""),
                            size, kWidth, true);
    need(height_of(l) + 40);  // keep a heading with what follows it
    if (s.level == 1) gap(6);
    if (s.revised) begin_revision();
    const std::string dest = "name='" + s.anchor + "'";
    cairo_tag_begin(cr_, CAIRO_TAG_DEST, dest.c_str());
    if (s.alert) {
      g_object_unref(l);  // on red, white, inset: a consent deviation
      alert_box(escape_markup(s.title), size, true);
    } else {
      flow(l, kLeft);
    }
    cairo_tag_end(cr_, CAIRO_TAG_DEST);
    if (s.level == 1 && !s.alert) {
      set_colour(cr_, kRule);
      cairo_set_line_width(cr_, 0.6);
      cairo_move_to(cr_, kLeft, y_ + 1);
      cairo_line_to(cr_, kPageW - kRight, y_ + 1);
      cairo_stroke(cr_);
    }
    gap(5);
    if (final_) {
      const std::string link = "dest='" + s.anchor + "'";
      const int parent = s.level == 1 ? CAIRO_PDF_OUTLINE_ROOT : outline_parent;
      const int id = cairo_pdf_surface_add_outline(surface_, parent, s.title.c_str(), link.c_str(),
                                                   cairo_pdf_outline_flags_t(0));
      if (s.level == 1) outline_parent = id;
    }
  }

  // A block of white text on red, the width of the text column (one block
  // per call; consecutive calls join into one red panel).
  void alert_box(const std::string& markup, double size, bool bold) {
    const double pad = 5;
    PangoLayout* l = layout(markup, size, kWidth - 2 * pad, bold);
    const double h = height_of(l) + 2 * pad;
    need(h);
    set_colour(cr_, kRevised);
    cairo_rectangle(cr_, kLeft, y_, kWidth, h);
    cairo_fill(cr_);
    cairo_set_source_rgb(cr_, 1, 1, 1);
    cairo_move_to(cr_, kLeft + pad, y_ + pad);
    pango_cairo_show_layout(cr_, l);
    g_object_unref(l);
    y_ += h;
  }

  void link_line(const SheetLink& link) {
    PangoLayout* l = layout(escape_markup(link.text), 9, kWidth - 12);
    need(height_of(l));  // a link is never split across pages
    if (link.anchor.empty() || !anchors_.count(link.anchor)) {
      flow(l, kLeft + 12);
    } else {
      const std::string attr = "dest='" + link.anchor + "'";
      cairo_tag_begin(cr_, CAIRO_TAG_LINK, attr.c_str());
      flow(l, kLeft + 12, kLink);
      cairo_tag_end(cr_, CAIRO_TAG_LINK);
    }
    gap(2);
  }

  void table(const SheetTable& t) {
    if (t.rows.empty()) return;
    const std::size_t n = t.columns.size();
    const double pad = 3, size = 8;
    // Column widths: natural widths where they fit, else shared out by what each needs beyond its longest word.
    std::vector<double> natural(n, 0), least(n, 0);
    auto measure = [&](const std::string& text, std::size_t c, bool bold) {
      PangoLayout* l = layout(escape_markup(text), size, -1, bold);
      pango_layout_set_width(l, -1);
      int w = 0, h = 0;
      pango_layout_get_size(l, &w, &h);
      natural[c] = std::max(natural[c], double(w) / PANGO_SCALE + 2 * pad);
      // The longest word.
      std::string word;
      for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == ' ') {
          if (!word.empty()) {
            PangoLayout* wl = layout(escape_markup(word), size, -1, bold);
            pango_layout_set_width(wl, -1);
            pango_layout_get_size(wl, &w, &h);
            least[c] = std::max(least[c], std::min(double(w) / PANGO_SCALE + 2 * pad, kWidth / 3));
            g_object_unref(wl);
          }
          word.clear();
        } else {
          word += text[i];
        }
      }
      g_object_unref(l);
    };
    for (std::size_t c = 0; c < n; ++c) measure(t.columns[c], c, true);
    for (const auto& row : t.rows)
      for (std::size_t c = 0; c < n && c < row.size(); ++c) measure(row[c], c, false);
    double sum_nat = 0, sum_least = 0;
    for (std::size_t c = 0; c < n; ++c) {
      sum_nat += natural[c];
      sum_least += least[c];
    }
    std::vector<double> width(n);
    for (std::size_t c = 0; c < n; ++c) {
      if (sum_nat <= kWidth) width[c] = natural[c] * kWidth / sum_nat;
      else if (sum_least >= kWidth) width[c] = kWidth / double(n);
      else width[c] = least[c] + (kWidth - sum_least) * (natural[c] - least[c]) / std::max(1e-9, sum_nat - sum_least);
    }
    auto draw_row = [&](const std::vector<std::string>& cells, bool header, bool revised, bool alert) {
      std::vector<PangoLayout*> ls;
      double h = 0;
      for (std::size_t c = 0; c < n; ++c) {
        ls.push_back(layout(escape_markup(c < cells.size() ? cells[c] : ""), size, width[c] - 2 * pad, header || alert));
        h = std::max(h, height_of(ls.back()));
      }
      h += 2 * pad;
      const bool fits = h <= space_left();
      if (!fits && y_ > kTop + 1) {
        new_page();
        if (!header) draw_header_row();
      }
      if (header) {
        set_colour(cr_, kShade);
        cairo_rectangle(cr_, kLeft, y_, kWidth, h);
        cairo_fill(cr_);
      }
      if (alert) {
        set_colour(cr_, kAlertShade);
        cairo_rectangle(cr_, kLeft, y_, kWidth, h);
        cairo_fill(cr_);
      }
      if (revised) draw_bar(y_, y_ + h);
      double x = kLeft;
      const double top = y_;
      for (std::size_t c = 0; c < n; ++c) {
        set_colour(cr_, alert ? kAlertInk : kInk);
        cairo_move_to(cr_, x + pad, top + pad);
        pango_cairo_show_layout(cr_, ls[c]);
        g_object_unref(ls[c]);
        x += width[c];
      }
      set_colour(cr_, kRule);
      cairo_set_line_width(cr_, 0.4);
      cairo_move_to(cr_, kLeft, top + h);
      cairo_line_to(cr_, kLeft + kWidth, top + h);
      cairo_stroke(cr_);
      y_ = top + h;
    };
    header_row_ = [&] { draw_row(t.columns, true, false, false); };
    draw_header_row();
    for (std::size_t r = 0; r < t.rows.size(); ++r)
      draw_row(t.rows[r], false, r < t.row_revised.size() && t.row_revised[r], t.alert(r));
    header_row_ = nullptr;
    gap(6);
  }
  void draw_header_row() {
    if (header_row_) header_row_();
  }

  // The count score: systems of two bars (16 counts) across the page, a ruler
  // with count numbers and "&" ticks, and a row per ScoreRow.
  void score(const SheetScore& s) {
    const double label_w = 62, counts_per_system = 2.0 * s.counts_per_bar;
    const double unit = (kWidth - label_w) / counts_per_system;
    const double first = std::floor(s.first);
    for (double start = first; start < s.last; start += counts_per_system) {
      const double end = start + counts_per_system;
      // Heights of the rows in this system.
      std::vector<double> row_h;
      for (const ScoreRow& row : s.rows) {
        double h = 11;
        for (const ScoreMark& m : row.marks) {
          if (m.from >= end || m.from < start) continue;
          const double w = std::max(unit * 1.0, (std::min(m.to, end) - m.from) * unit) - 2;
          PangoLayout* l = layout(escape_markup(m.text), 6.5, w);
          h = std::max(h, height_of(l) + 3);
          g_object_unref(l);
        }
        row_h.push_back(h);
      }
      double total = 16;
      for (double h : row_h) total += h;
      need(total + 4);
      const double top = y_, x0 = kLeft + label_w;
      // Ruler.
      set_colour(cr_, kInk);
      for (int k = 0; k <= int(counts_per_system); ++k) {
        const double c = start + k, x = x0 + k * unit;
        const bool bar = std::fmod(c - first, s.counts_per_bar) == 0;
        cairo_set_line_width(cr_, bar ? 1.2 : 0.4);
        set_colour(cr_, bar ? kInk : kRule);
        cairo_move_to(cr_, x, top + 12);
        cairo_line_to(cr_, x, top + total);
        cairo_stroke(cr_);
        if (k < int(counts_per_system) && c <= s.last) {
          PangoLayout* l = layout(escape_markup(count_label(c)), 7, unit, bar);
          set_colour(cr_, kInk);
          cairo_move_to(cr_, x + 1.5, top);
          pango_cairo_show_layout(cr_, l);
          g_object_unref(l);
          PangoLayout* a = layout("&amp;", 6, unit);
          set_colour(cr_, kGrey);
          cairo_move_to(cr_, x + unit / 2 - 2, top + 2);
          pango_cairo_show_layout(cr_, a);
          g_object_unref(a);
          set_colour(cr_, kRule);
          cairo_set_line_width(cr_, 0.3);
          cairo_move_to(cr_, x + unit / 2, top + 12);
          cairo_line_to(cr_, x + unit / 2, top + 15);
          cairo_stroke(cr_);
        }
      }
      double y = top + 16;
      for (std::size_t r = 0; r < s.rows.size(); ++r) {
        const ScoreRow& row = s.rows[r];
        PangoLayout* l = layout("<b>" + escape_markup(row.label) + "</b>", 7, label_w - 4);
        set_colour(cr_, kGrey);
        cairo_move_to(cr_, kLeft, y + 1);
        pango_cairo_show_layout(cr_, l);
        g_object_unref(l);
        for (const ScoreMark& m : row.marks) {
          if (m.to < start || m.from >= end) continue;
          const double a = std::max(m.from, start), b = std::min(std::max(m.to, m.from + 0.5), end);
          const double xa = x0 + (a - start) * unit, xb = x0 + (b - start) * unit;
          cairo_set_source_rgba(cr_, 0.25, 0.45, 0.75, r == 0 ? 0.22 : 0.12);
          cairo_rectangle(cr_, xa + 0.5, y + 0.5, std::max(2.0, xb - xa - 1), row_h[r] - 1);
          cairo_fill(cr_);
          if (m.from >= start) {  // the text where the mark begins; a mark carried over from the last system is the band alone
            const double w = std::max(unit, (std::min(m.to, end) - m.from) * unit) - 2;
            PangoLayout* t = layout(escape_markup(m.text), 6.5, w);
            set_colour(cr_, kInk);
            cairo_move_to(cr_, xa + 1.5, y + 1.5);
            pango_cairo_show_layout(cr_, t);
            g_object_unref(t);
          }
        }
        y += row_h[r];
        set_colour(cr_, kRule);
        cairo_set_line_width(cr_, 0.3);
        cairo_move_to(cr_, kLeft, y);
        cairo_line_to(cr_, kLeft + kWidth, y);
        cairo_stroke(cr_);
      }
      y_ = y + 8;
    }
  }

  double still_height(std::size_t section) const {
    const auto it = stills_.find(section);
    if (it == stills_.end()) return 0;
    const double w = cairo_image_surface_get_width(it->second), h = cairo_image_surface_get_height(it->second);
    return h * std::min(kWidth, 420.0) / w + 6;
  }

  void still(std::size_t section) {
    const auto it = stills_.find(section);
    if (it == stills_.end()) return;
    cairo_surface_t* img = it->second;
    const double w = cairo_image_surface_get_width(img), h = cairo_image_surface_get_height(img);
    const double draw_w = std::min(kWidth, 420.0), draw_h = h * draw_w / w;
    need(draw_h + 6);
    if (final_) {
      cairo_save(cr_);
      cairo_translate(cr_, kLeft, y_);
      cairo_scale(cr_, draw_w / w, draw_h / h);
      cairo_set_source_surface(cr_, img, 0, 0);
      cairo_pattern_set_filter(cairo_get_source(cr_), CAIRO_FILTER_GOOD);
      cairo_paint(cr_);
      cairo_restore(cr_);
    }
    set_colour(cr_, kInk);
    cairo_set_line_width(cr_, 0.8);
    cairo_rectangle(cr_, kLeft, y_, draw_w, draw_h);  // the frame lines
    cairo_stroke(cr_);
    y_ += draw_h + 6;
  }

  // -------------------------------------------------------------------------
  // [SECTION] The document

  void sections() {
    for (const SheetSection& s : sheet_.sections) anchors_.insert({s.anchor, true});
    int outline_parent = CAIRO_PDF_OUTLINE_ROOT;
    for (std::size_t i = 0; i < sheet_.sections.size(); ++i) {
      const SheetSection& s = sheet_.sections[i];
      end_revision();
      if (s.still) need(still_height(i) + 40 + 16.0 * double(s.facts.size()));  // the heading stays with its still
      heading(s, outline_parent);
      for (const auto& [k, v] : s.facts) paragraph("<b>" + escape_markup(k) + ":</b> " + escape_markup(v), 9.5, 0);
      if (s.still) still(i);
      for (const std::string& l : s.lines) {
        if (s.alert) alert_box(escape_markup(l), 10, true);
        else paragraph(escape_markup(l), 9.5, 0);
      }
      for (const SheetLink& l : s.links) link_line(l);
      if (s.score) score(*s.score);
      if (s.table) {
        end_revision();  // rows carry their own bars
        table(*s.table);
      }
      end_revision();
      gap(4);
    }
  }

 private:
  const Sheet& sheet_;
  cairo_surface_t* surface_;
  cairo_t* cr_;
  int total_ = 0, page_ = 0;
  double y_ = kTop;
  const std::map<std::size_t, cairo_surface_t*>& stills_;
  bool final_ = false;
  bool rev_open_ = false;
  double rev_top_ = 0;
  std::map<std::string, bool> anchors_;
  std::function<void()> header_row_;
};

std::string pdf_date(const std::string& date) { return date.empty() ? "2000-01-01T00:00:00" : date + "T00:00:00"; }

int write_pass(const Sheet& sheet, const AudienceView& view, const std::map<std::size_t, cairo_surface_t*>& stills,
               int total, std::string* out, std::string& error) {
  cairo_surface_t* surface =
      cairo_pdf_surface_create_for_stream(out ? append : discard, out, kPageW, kPageH);
  cairo_pdf_surface_restrict_to_version(surface, CAIRO_PDF_VERSION_1_5);
  const SheetHeader& h = sheet.header;
  // A scene number or pages not set are left out, not printed empty.
  const std::string title = h.kind + ": " + h.scene_title + (h.scene_number.empty() ? "" : " (scene " + h.scene_number + ")") +
                            " — For: " + h.for_words;
  const std::string subject = "Version " + std::to_string(h.version) + " (" + h.status + ")" +
                              (h.pages.empty() ? "" : ", pages " + h.pages) + ", digest " + h.digest;
  std::string keywords = "ClosedSet; " + audience_id(sheet.audience) +
                         (h.scene_number.empty() ? "" : "; scene " + h.scene_number) + "; version " +
                         std::to_string(h.version);
  if (sheet.audience.kind == AudienceKind::director)
    for (const Camera& c : view.doc.cameras) keywords += "; camera " + c.id + ": " + lens_label(c, c.focal_mm);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, subject.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, "ClosedSet");
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "ClosedSet " CLOSEDSET_VERSION);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_KEYWORDS, keywords.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, pdf_date(h.date).c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, pdf_date(h.date).c_str());
  int pages = 0;
  {
    Writer w(sheet, surface, total, stills, out != nullptr);
    w.sections();
    w.finish();
    pages = w.pages();
  }
  cairo_surface_finish(surface);
  const cairo_status_t st = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (st != CAIRO_STATUS_SUCCESS) error = std::string("cairo: ") + cairo_status_to_string(st);
  return pages;
}

}  // namespace

PublishResult sheet_pdf(const Sheet& sheet, const AudienceView& view, const PublishOptions& options) {
  PublishResult r;
  // Stills, once, on the writer's threads: cairo image surfaces from the masking engine's pixels.
  std::vector<cairo_surface_t*> made(sheet.sections.size(), nullptr);
  bool any_still = false;
  for (const SheetSection& s : sheet.sections) any_still = any_still || s.still.has_value();
  const double still_share = any_still ? 0.8 : 0.0;  // of the progress: the stills are most of the work
  const bool complete = for_each_sheet_still(
      sheet, view, options,
      [&](std::size_t i, StillImage&& img) {
        cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, img.width, img.height);
        cairo_surface_flush(s);
        unsigned char* data = cairo_image_surface_get_data(s);
        const int stride = cairo_image_surface_get_stride(s);
        for (int y = 0; y < img.height; ++y)
          for (int x = 0; x < img.width; ++x) {
            const std::uint8_t* p = &img.rgb[(std::size_t(y) * img.width + x) * 3];
            auto* px = reinterpret_cast<std::uint32_t*>(data + std::size_t(y) * stride) + x;
            *px = 0xff000000u | std::uint32_t(p[0]) << 16 | std::uint32_t(p[1]) << 8 | std::uint32_t(p[2]);
          }
        cairo_surface_mark_dirty(s);
        made[i] = s;
      },
      still_share);
  std::map<std::size_t, cairo_surface_t*> stills;
  for (std::size_t i = 0; i < made.size(); ++i)
    if (made[i]) stills[i] = made[i];
  auto stopped = [&] { return !complete || (options.cancel && options.cancel->load()); };
  if (!stopped()) {
    const int total = write_pass(sheet, view, stills, 0, nullptr, r.error);
    if (options.progress) options.progress(still_share + (1 - still_share) * 0.3);
    if (r.ok() && !stopped()) r.pages = write_pass(sheet, view, stills, total, &r.bytes, r.error);
    if (r.ok() && !stopped() && r.pages != total) r.error = "the page count changed between passes";
  }
  for (auto& [i, s] : stills) cairo_surface_destroy(s);
  if (r.ok() && stopped()) {
    r.cancelled = true;
    r.error = "cancelled";
  }
  if (!r.ok()) r.bytes.clear();
  else if (options.progress) options.progress(1);
  return r;
}

}  // namespace cs
