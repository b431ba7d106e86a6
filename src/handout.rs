//! The debrief handout: a page for a class after a game, as one self-contained
//! HTML file (styles and a map drawn inline, nothing fetched) or as Markdown.
//! It holds the outcome, the variant played, the key moments of the game
//! beside history's, the events of the day with their sources, who held what
//! at the end (a map in HTML, a list in Markdown), the sources cited, and
//! questions to discuss.

use crate::chronicle::{self, Moment};
use crate::scenario::{Lang, Scenario, Side};
use crate::sim::{Happening, SimEvent, victory};
use crate::tr;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

/// The two forms of the handout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    Html,
    Markdown,
}

impl Form {
    /// The form a file's name asks for: `.html` or `.htm`, or `.md`.
    pub fn of_path(path: &std::path::Path) -> Option<Form> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "html" | "htm" => Some(Form::Html),
            "md" | "markdown" => Some(Form::Markdown),
            _ => None,
        }
    }
}

/// Escapes text for HTML.
fn esc(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// What the handout is made from, gathered once.
struct Facts<'a> {
    sc: &'a Scenario,
    lang: Lang,
    seed: u64,
    outcome: String,
    moments: Vec<Moment>,
    /// The scenario events of the game: heading (time and place), text, sources.
    events: Vec<(String, String, Vec<u32>)>,
    /// The references cited, with where the handout cites them: those cited
    /// in the same places together.
    sources: Vec<(Vec<u32>, String)>,
    questions: Vec<String>,
    /// Who held each place at the end.
    holders: Vec<Option<Side>>,
    /// The places named on the map, or listed by who held them (see [`named_places`]).
    named: Vec<usize>,
}

impl<'a> Facts<'a> {
    fn gather(sc: &'a Scenario, log: &[SimEvent], seed: u64, lang: Lang) -> Facts<'a> {
        let outcome = log
            .iter()
            .rev()
            .find(|e| matches!(e.what, Happening::Outcome { .. }))
            .map(|e| chronicle::entry(sc, e, lang).text)
            .unwrap_or_else(|| tr!(lang, "handout-no-outcome"));
        let events: Vec<(String, String, Vec<u32>)> = log
            .iter()
            .filter(|e| matches!(e.what, Happening::Event { .. }))
            .map(|e| {
                let entry = chronicle::entry(sc, e, lang);
                (entry.heading(&chronicle::short_date_both(e.time, lang)), entry.text, entry.sources)
            })
            .collect();
        let variant = sc.variant_spec();
        // Where each reference is cited: the variant's explanation, and the
        // events by time and place, each once.
        let mut cited: BTreeMap<u32, Vec<String>> = BTreeMap::new();
        if let Some(v) = &variant {
            for id in &v.sources {
                cited.entry(*id).or_default().push(tr!(lang, "handout-cited-by-variant"));
            }
        }
        for (heading, _, sources) in &events {
            for id in sources {
                let places = cited.entry(*id).or_default();
                if !places.contains(heading) {
                    places.push(heading.clone());
                }
            }
        }
        // References cited in the same places are listed together, in order of their numbers.
        let mut sources: Vec<(Vec<u32>, String)> = Vec::new();
        for (id, places) in cited {
            let places = places.join("; ");
            match sources.iter_mut().find(|(_, p)| *p == places) {
                Some((ids, _)) => ids.push(id),
                None => sources.push((vec![id], places)),
            }
        }
        // The variant's own questions first, then the scenario's: three to five.
        let questions = variant
            .iter()
            .flat_map(|v| v.questions.iter())
            .chain(&sc.file.questions)
            .map(|q| q.get(lang).to_string())
            .take(5)
            .collect();
        let (holders, named) = (victory::holders_at_end(sc, log), named_places(sc));
        let moments = chronicle::comparison(sc, log, lang);
        Facts { sc, lang, seed, outcome, moments, events, sources, questions, holders, named }
    }

    fn title(&self) -> String {
        self.sc.file.title.get(self.lang).to_string()
    }

    /// The table of the game beside history (see [`chronicle::beside_history`]).
    fn timeline(&self) -> ([String; 4], Vec<[String; 4]>) {
        chronicle::beside_history(self.sc, &self.moments, self.lang)
    }
}

/// The handout of a game, in the chosen language and form.
pub fn write(sc: &Scenario, log: &[SimEvent], seed: u64, lang: Lang, form: Form) -> String {
    let f = Facts::gather(sc, log, seed, lang);
    match form {
        Form::Html => html(&f),
        Form::Markdown => markdown(&f),
    }
}

fn markdown(f: &Facts) -> String {
    let lang = f.lang;
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", f.title());
    if let Some(v) = f.sc.variant_spec() {
        let _ =
            writeln!(out, "**{}**\n\n{} {}\n", v.title.get(lang), v.explanation.get(lang), chronicle::cite(&v.sources));
    }
    let _ = writeln!(out, "{} ({})\n", f.outcome, tr!(lang, "handout-seed", seed = f.seed.to_string()));
    let _ = writeln!(out, "## {}\n", tr!(lang, "handout-beside-history"));
    let (headings, rows) = f.timeline();
    let _ = writeln!(out, "| {} |\n|---|---|---|---|", headings.join(" | "));
    for row in rows {
        let _ = writeln!(out, "| {} |", row.join(" | "));
    }
    // Where the HTML form draws a map, a list: who held each place that counts.
    let _ = writeln!(out, "\n## {}\n", tr!(lang, "handout-who-held"));
    let sc = f.sc;
    for side in [Some(Side::Mrc), Some(Side::Government), None] {
        let held = f.named.iter().filter(|p| f.holders[**p] == side);
        let names: Vec<&str> = held.map(|p| sc.file.map.places[*p].name.get(lang)).collect();
        if !names.is_empty() {
            let who = side.map_or_else(|| tr!(lang, "play-nobody"), |s| chronicle::faction_name(sc, s, lang));
            let _ = writeln!(out, "- **{who}**: {}", names.join(", "));
        }
    }
    let _ = writeln!(out, "\n## {}\n", tr!(lang, "handout-key-moments"));
    for (heading, text, sources) in &f.events {
        let _ = writeln!(out, "- **{heading}**: {text} {}", chronicle::cite(sources));
    }
    let _ = writeln!(out, "\n## {}\n", tr!(lang, "handout-sources"));
    if let Some(work) = &f.sc.file.source_work {
        let _ = writeln!(out, "{}\n", work.get(lang));
    }
    for (ids, cited) in &f.sources {
        let _ = writeln!(out, "- {} {cited}", chronicle::cite(ids));
    }
    let _ = writeln!(out, "\n## {}\n", tr!(lang, "handout-questions"));
    for (i, q) in f.questions.iter().enumerate() {
        let _ = writeln!(out, "{}. {q}", i + 1);
    }
    out
}

fn html(f: &Facts) -> String {
    let lang = f.lang;
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title>\n<style>\
         body{{font-family:Georgia,serif;max-width:56em;margin:2em auto;padding:0 1em;color:#111;line-height:1.45}}\
         h1{{margin-bottom:.2em}} table{{border-collapse:collapse;width:100%}} td,th{{border:1px solid #999;padding:.3em .5em;text-align:left}}\
         .variant{{background:#f4efe2;padding:.6em 1em;border-left:4px solid #b22222}} .refs{{color:#555}}\
         svg{{width:100%;height:auto;border:1px solid #999;background:#f4efe2}} li{{margin:.3em 0}}\
         @media print{{body{{margin:0}}}}</style></head><body>\n",
        if lang == Lang::Es { "es" } else { "en" },
        esc(&f.title())
    );
    let _ = writeln!(out, "<h1>{}</h1>", esc(&f.title()));
    if let Some(v) = f.sc.variant_spec() {
        let _ = writeln!(
            out,
            "<div class=\"variant\"><strong>{}</strong><p>{} <span class=\"refs\">{}</span></p></div>",
            esc(v.title.get(lang)),
            esc(v.explanation.get(lang)),
            chronicle::cite(&v.sources)
        );
    }
    let seed = tr!(lang, "handout-seed", seed = f.seed.to_string());
    let _ = writeln!(out, "<p><strong>{}</strong> ({seed})</p>", esc(&f.outcome));
    let _ = writeln!(out, "<h2>{}</h2>", tr!(lang, "handout-beside-history"));
    let (headings, rows) = f.timeline();
    let _ = writeln!(out, "<table><tr><th>{}</th></tr>", headings.join("</th><th>"));
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| esc(c)).collect();
        let _ = writeln!(out, "<tr><td>{}</td></tr>", cells.join("</td><td>"));
    }
    let _ = writeln!(out, "</table>");
    let _ = writeln!(out, "<h2>{}</h2>", tr!(lang, "handout-who-held"));
    out.push_str(&map_svg(f));
    let _ = writeln!(out, "<h2>{}</h2><ul>", tr!(lang, "handout-key-moments"));
    for (heading, text, sources) in &f.events {
        let _ = writeln!(
            out,
            "<li><strong>{}</strong>: {} <span class=\"refs\">{}</span></li>",
            esc(heading),
            esc(text),
            chronicle::cite(sources)
        );
    }
    let _ = writeln!(out, "</ul><h2>{}</h2>", tr!(lang, "handout-sources"));
    if let Some(work) = &f.sc.file.source_work {
        let _ = writeln!(out, "<p>{}</p>", esc(work.get(lang)));
    }
    let _ = writeln!(out, "<ul>");
    for (ids, cited) in &f.sources {
        let _ = writeln!(out, "<li>{} {}</li>", chronicle::cite(ids), esc(cited));
    }
    let _ = writeln!(out, "</ul><h2>{}</h2><ol>", tr!(lang, "handout-questions"));
    for q in &f.questions {
        let _ = writeln!(out, "<li>{}</li>", esc(q));
    }
    let _ = writeln!(out, "</ol></body></html>");
    out
}

/// The places the handout names, on its map or in its list of who held
/// what: those worth most, and those of history's key moments, of which
/// the handout's table speaks.
fn named_places(sc: &Scenario) -> Vec<usize> {
    let key: BTreeSet<&str> = sc.file.victory.history.iter().map(|m| m.place.as_str()).collect();
    let places = &sc.file.map.places;
    let named = |p: &crate::scenario::PlaceSpec| p.value >= 10 || key.contains(p.id.as_str());
    (0..places.len()).filter(|i| places[*i].kind != crate::scenario::PlaceKind::OffMap && named(&places[*i])).collect()
}

/// A map of the city at the end: the water, the links, and each place in the
/// colour of its holder (grey for nobody), with the names of the places that count most.
fn map_svg(f: &Facts) -> String {
    let (sc, lang) = (f.sc, f.lang);
    use crate::scenario::{PlaceKind, WaterKind};
    let places: Vec<_> = sc.file.map.places.iter().filter(|p| p.kind != PlaceKind::OffMap).collect();
    let (mut x0, mut x1, mut y0, mut y1) = (f32::MAX, f32::MIN, f32::MAX, f32::MIN);
    for p in &places {
        x0 = x0.min(p.pos.0);
        x1 = x1.max(p.pos.0);
        y0 = y0.min(p.pos.1);
        y1 = y1.max(p.pos.1);
    }
    let pad = 400.0;
    let (x0, y0, w, h) = (x0 - pad, y0 - pad, (x1 - x0) + 2.0 * pad, (y1 - y0) + 2.0 * pad);
    // SVG's y runs down; the map's north is up.
    let pt = |(x, y): (f32, f32)| (x - x0, (y0 + h) - y);
    let colour = |side: Option<Side>| match side {
        Some(s) => sc.faction(s).colour.clone(),
        None => "#888888".to_string(),
    };
    let mut out = format!("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w:.0} {h:.0}\" role=\"img\">\n");
    // As on the game's map: river banks and canals (areas and islands are not drawn).
    for shape in sc.file.map.water.iter().filter(|s| matches!(s.kind, WaterKind::Bank | WaterKind::Canal)) {
        let points: Vec<String> = shape.points.iter().map(|p| pt(*p)).map(|(x, y)| format!("{x:.0},{y:.0}")).collect();
        let _ = writeln!(
            out,
            "<polyline points=\"{}\" fill=\"none\" stroke=\"#6b8fb5\" stroke-width=\"{}\"/>",
            points.join(" "),
            if shape.kind == WaterKind::Canal { 12 } else { 20 }
        );
    }
    for (a, b) in &sc.file.map.links {
        let (Some(a), Some(b)) = (sc.place(a), sc.place(b)) else { continue };
        let (pa, pb) = (&sc.file.map.places[a], &sc.file.map.places[b]);
        if pa.kind == PlaceKind::OffMap || pb.kind == PlaceKind::OffMap {
            continue;
        }
        let ((ax, ay), (bx, by)) = (pt(pa.pos), pt(pb.pos));
        let _ = writeln!(
            out,
            "<line x1=\"{ax:.0}\" y1=\"{ay:.0}\" x2=\"{bx:.0}\" y2=\"{by:.0}\" stroke=\"#aaa\" stroke-width=\"8\"/>"
        );
    }
    for (i, p) in sc.file.map.places.iter().enumerate() {
        if p.kind == PlaceKind::OffMap {
            continue;
        }
        let (x, y) = pt(p.pos);
        let _ = writeln!(
            out,
            "<g><title>{2}</title><circle cx=\"{x:.0}\" cy=\"{y:.0}\" r=\"{0}\" fill=\"{1}\" stroke=\"#111\" stroke-width=\"6\"/></g>",
            if p.value >= 10 { 70 } else { 45 },
            colour(f.holders[i]),
            esc(p.name.get(lang))
        );
        if f.named.contains(&i) {
            let _ = writeln!(
                out,
                "<text x=\"{:.0}\" y=\"{:.0}\" font-size=\"110\" font-family=\"sans-serif\">{}</text>",
                x + 80.0,
                y + 40.0,
                esc(p.name.get(lang))
            );
        }
    }
    out.push_str("</svg>\n");
    out
}
