// text_writers.cpp — the sheet as Markdown, CSV and HTML (see sheet_writers.hpp).
#include <string>
#include <vector>

#include "notation/audience.hpp"
#include "notation/phrasing.hpp"
#include "notation/printable.hpp"
#include "notation/sheet.hpp"
#include "notation/stage.hpp"
#include "publish/png.hpp"
#include "publish/sheet_writers.hpp"

namespace cs {

namespace {

// [SECTION] Markdown

// Text that Markdown would otherwise read as markup or HTML, escaped with a
// backslash (CommonMark escapes any ASCII punctuation so), which reads as the
// text itself in a plain-text viewer too ("a \> b", never "a &gt; b").
std::string md_text(const std::string& text) {
  const std::string s = printable(text, Breaks::keep);
  std::string out;
  for (char c : s) {
    switch (c) {
      case '\\': case '*': case '_': case '`': case '[': case ']': case '#': case '|': case '<': case '>':
        out += '\\';
        out += c;
        break;
      case '\n': out += ' '; break;
      default: out += c;
    }
  }
  return out;
}

// The count score as a table for text formats: a row per beat (the first
// score row's marks), a column per score row, each cell the marks that begin in that beat.
std::vector<std::vector<std::string>> score_rows(const SheetScore& score) {
  std::vector<std::vector<std::string>> out;
  std::vector<std::string> head{"count"};
  for (const ScoreRow& r : score.rows) head.push_back(r.label);
  out.push_back(head);
  if (score.rows.empty()) return out;
  for (const ScoreMark& b : score.rows.front().marks) {
    std::vector<std::string> row{count_label(b.from)};
    for (const ScoreRow& r : score.rows) {
      std::string cell;
      for (const ScoreMark& m : r.marks)
        if (m.from >= b.from && m.from < b.to) cell += (cell.empty() ? "" : "; ") + m.text;
      row.push_back(cell);
    }
    out.push_back(std::move(row));
  }
  return out;
}

// [SECTION] HTML

std::string html_text(const std::string& text) {
  const std::string s = printable(text, Breaks::keep);
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string base64(const std::string& in) {
  static const char* k = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    const unsigned v = (unsigned char)in[i] << 16 | (unsigned char)in[i + 1] << 8 | (unsigned char)in[i + 2];
    out += k[v >> 18];
    out += k[(v >> 12) & 63];
    out += k[(v >> 6) & 63];
    out += k[v & 63];
  }
  if (i + 1 == in.size()) {
    const unsigned v = (unsigned char)in[i] << 16;
    out += k[v >> 18];
    out += k[(v >> 12) & 63];
    out += "==";
  } else if (i + 2 == in.size()) {
    const unsigned v = (unsigned char)in[i] << 16 | (unsigned char)in[i + 1] << 8;
    out += k[v >> 18];
    out += k[(v >> 12) & 63];
    out += k[(v >> 6) & 63];
    out += '=';
  }
  return out;
}

}  // namespace

std::string csv_cell(const std::string& text) {
  std::string s = printable(text, Breaks::keep);
  if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r'))
    s = "'" + s;
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) {
    if (c == '"') q += '"';
    q += c;
  }
  return q + "\"";
}

std::string sheet_csv(const Sheet& sheet) {
  std::string out = "\xEF\xBB\xBF";
  auto row = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + csv_cell(cells[i]);
    out += "\r\n";
  };
  const SheetTable& table = sheet_csv_table(sheet);  // continuity: the take log
  row(table.columns);
  for (const auto& r : table.rows) row(r);
  return out;
}

std::string sheet_markdown(const Sheet& sheet) {
  const SheetHeader& h = sheet.header;
  std::string out = "# " + md_text(h.kind) + ": " + md_text(h.scene_title) + "\n\n" + md_text(header_line(h)) + "  \n" +
                    md_text(h.tempo) + "\n";
  for (const SheetSection& s : sheet.sections) {
    out += "\n" + std::string(s.level == 1 ? "## " : "### ") + (s.alert ? "⚠ " : "") + md_text(s.title) +
           (s.revised ? " ▌ revised since version " + std::to_string(h.revised_since) : "") + "\n\n";
    if (s.alert) {  // a consent deviation: a quoted block in bold, so no reader skims past it
      for (std::size_t i = 0; i < s.lines.size(); ++i) out += (i ? ">\n> **" : "> **") + md_text(s.lines[i]) + "**\n";
      continue;
    }
    for (const auto& [k, v] : s.facts) out += "- **" + md_text(k) + ":** " + md_text(v) + "\n";
    if (!s.facts.empty()) out += "\n";
    for (const std::string& l : s.lines) out += md_text(l) + "\n\n";
    for (const SheetLink& l : s.links)
      out += "- " + (l.anchor.empty() ? md_text(l.text) : "[" + md_text(l.text) + "](#" + l.anchor + ")") + "\n";
    if (!s.links.empty()) out += "\n";
    if (s.still)
      out += "*A still at count " + md_text(count_label(s.still->count)) + " is in the PDF and HTML sheets.*\n\n";
    if (s.score) {
      const auto rows = score_rows(*s.score);
      for (std::size_t r = 0; r < rows.size(); ++r) {
        out += "|";
        for (const std::string& c : rows[r]) out += " " + md_text(c) + " |";
        out += "\n";
        if (r == 0) {
          out += "|";
          for (std::size_t i = 0; i < rows[0].size(); ++i) out += "---|";
          out += "\n";
        }
      }
      out += "\n";
    }
    if (s.table && !s.table->rows.empty()) {
      const SheetTable& t = *s.table;
      out += "|";
      for (const std::string& c : t.columns) out += " " + md_text(c) + " |";
      out += "\n|";
      for (std::size_t i = 0; i < t.columns.size(); ++i) out += "---|";
      out += "\n";
      for (std::size_t r = 0; r < t.rows.size(); ++r) {
        out += "|";
        for (std::size_t c = 0; c < t.rows[r].size(); ++c)
          out += " " + std::string(c == 0 && t.row_revised[r] ? "▌ " : "") + std::string(c == 0 && t.alert(r) ? "⚠ " : "") +
                 (t.alert(r) ? "**" + md_text(t.rows[r][c]) + "**" : md_text(t.rows[r][c])) + " |";
        out += "\n";
      }
      out += "\n";
    }
  }
  return out;
}

PublishResult sheet_html(const Sheet& sheet, const AudienceView& view, const PublishOptions& options) {
  PublishResult r;
  // The stills first, on the writer's threads, each as the <img> it becomes.
  std::vector<std::string> imgs(sheet.sections.size()), errors(sheet.sections.size());
  const bool complete = for_each_sheet_still(sheet, view, options, [&](std::size_t i, StillImage&& still) {
    const std::string png = encode_png(still, errors[i]);
    if (png.empty()) return;
    imgs[i] = "<img alt=\"" + html_text("Still: " + sheet.sections[i].title + ", " + still.lens + ", " + still.shot) +
              "\" width=\"" + std::to_string(still.width) + "\" height=\"" + std::to_string(still.height) +
              "\" src=\"data:image/png;base64," + base64(png) + "\">\n";
  });
  if (!complete) {
    r.cancelled = true;
    r.error = "cancelled";
    return r;
  }
  for (const std::string& e : errors)
    if (!e.empty()) {
      r.error = e;
      return r;
    }
  const SheetHeader& h = sheet.header;
  std::string& out = r.bytes;
  out = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
        html_text(h.kind + ": " + h.scene_title + " — For: " + h.for_words) +
        "</title>\n<style>\n"
        "body{font-family:'DejaVu Sans',sans-serif;max-width:52em;margin:1em auto;padding:0 1em;line-height:1.4;color:#1b1d21}\n"
        "header{border-bottom:2px solid #1b1d21;margin-bottom:1em}header p{margin:.2em 0;color:#444}\n"
        "section.revised{border-left:5px solid #c92a2a;padding-left:.6em}\n"
        "table{border-collapse:collapse;width:100%;font-size:.9em;display:block;overflow-x:auto}\n"
        "td,th{border:1px solid #bbb;padding:.25em .4em;vertical-align:top;text-align:left}\n"
        "tr.revised td:first-child{border-left:5px solid #c92a2a}\n"
        "section.alert{background:#c92a2a;color:#fff;padding:.3em .8em;border-radius:4px}section.alert p{font-weight:bold}\n"
        "tr.alert td{background:#fbe3e3;color:#8f1414;font-weight:bold}\n"
        "img{max-width:100%;height:auto;border:1px solid #333}dt{font-weight:bold}dd{margin:0 0 .3em 1em}\n"
        "</style></head><body>\n<header><h1>" +
        html_text(h.kind + ": " + h.scene_title) + "</h1>\n<p>" + html_text(header_line(h)) + "</p><p>" +
        html_text(h.tempo) + "</p></header>\n";
  for (const SheetSection& s : sheet.sections) {
    const std::string cls = std::string(s.revised ? "revised" : "") + (s.revised && s.alert ? " " : "") + (s.alert ? "alert" : "");
    out += "<section id=\"" + html_text(s.anchor) + "\"" + (cls.empty() ? "" : " class=\"" + cls + "\"") + ">\n";
    const char* tag = s.level == 1 ? "h2" : "h3";
    out += std::string("<") + tag + ">" + html_text(s.title) +
           (s.revised ? " <small>(revised since version " + std::to_string(h.revised_since) + ")</small>" : "") + "</" +
           tag + ">\n";
    if (!s.facts.empty()) {
      out += "<dl>";
      for (const auto& [k, v] : s.facts) out += "<dt>" + html_text(k) + "</dt><dd>" + html_text(v) + "</dd>";
      out += "</dl>\n";
    }
    if (s.still) out += imgs[std::size_t(&s - sheet.sections.data())];
    for (const std::string& l : s.lines) out += "<p>" + html_text(l) + "</p>\n";
    if (!s.links.empty()) {
      out += "<ul>";
      for (const SheetLink& l : s.links)
        out += "<li>" + (l.anchor.empty() ? html_text(l.text) : "<a href=\"#" + html_text(l.anchor) + "\">" + html_text(l.text) + "</a>") +
               "</li>";
      out += "</ul>\n";
    }
    if (s.score) {
      const auto rows = score_rows(*s.score);
      out += "<table>";
      for (std::size_t ri = 0; ri < rows.size(); ++ri) {
        out += "<tr>";
        for (const std::string& c : rows[ri]) out += (ri == 0 ? "<th>" : "<td>") + html_text(c) + (ri == 0 ? "</th>" : "</td>");
        out += "</tr>\n";
      }
      out += "</table>\n";
    }
    if (s.table && !s.table->rows.empty()) {
      const SheetTable& t = *s.table;
      out += "<table><tr>";
      for (const std::string& c : t.columns) out += "<th>" + html_text(c) + "</th>";
      out += "</tr>\n";
      for (std::size_t i = 0; i < t.rows.size(); ++i) {
        const std::string rc = std::string(t.row_revised[i] ? "revised" : "") + (t.row_revised[i] && t.alert(i) ? " " : "") +
                               (t.alert(i) ? "alert" : "");
        out += rc.empty() ? "<tr>" : "<tr class=\"" + rc + "\">";
        for (const std::string& c : t.rows[i]) out += "<td>" + html_text(c) + "</td>";
        out += "</tr>\n";
      }
      out += "</table>\n";
    }
    out += "</section>\n";
  }
  out += "</body></html>\n";
  if (options.progress) options.progress(1);
  return r;
}

}  // namespace cs
