//! `petrograd simulate`: plays a scenario (or one of its variants) many times
//! on every core and reports how the games went.

use super::{Format, GameArgs};
use crate::ai::Policy;
use crate::batch::{Batch, Report};
use crate::scenario::{Lang, Scenario};
use crate::tr;
use std::path::PathBuf;
use std::process::ExitCode;

/// What `simulate` is asked for.
pub struct Ask {
    pub scenario: PathBuf,
    pub variant: Option<String>,
    pub seed: u64,
    pub mrc: Policy,
    pub government: Policy,
    pub runs: usize,
    pub threads: Option<usize>,
    pub format: Format,
    pub lang: Lang,
}

/// Plays the batch and prints its report.
pub fn run(ask: Ask) -> ExitCode {
    let game = GameArgs {
        scenario: ask.scenario.clone(),
        variant: ask.variant.clone(),
        seed: ask.seed,
        mrc: ask.mrc,
        government: ask.government,
    };
    let scenario = match game.load() {
        Ok(s) => s,
        Err(code) => return code,
    };
    // The games' many small lists are served faster by mimalloc.
    crate::allocator::switch_to_mimalloc();
    let threads = ask.threads.unwrap_or_else(|| std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1));
    let batch = Batch { scenario: scenario.clone(), players: game.players(), runs: ask.runs, seed: ask.seed, threads };
    // Drawn on standard error, and only when it is a terminal.
    let bar = indicatif::ProgressBar::new(ask.runs as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} games, {per_sec}, {eta} left")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let runs = batch.play(&|done| bar.set_position(done as u64));
    bar.finish_and_clear();
    let report = Report::of(&batch, &runs);
    match ask.format {
        Format::Json => println!("{}", serde_json::to_string_pretty(&report).expect("the report serialises")),
        Format::Text => print!("{}", to_text(&scenario, &report, ask.lang)),
    }
    ExitCode::SUCCESS
}

/// A day and time for people: "25 Oct 23:00" / "25 oct 23:00".
fn when(iso: &str, lang: Lang) -> String {
    crate::time::GameTime::parse(iso).map(|t| crate::chronicle::short_date(t, lang)).unwrap_or_else(|_| iso.into())
}

/// The report as text for a terminal.
pub fn to_text(sc: &Scenario, r: &Report, lang: Lang) -> String {
    let mut out = String::new();
    let title = sc.file.title.get(lang);
    match sc.variant_spec() {
        Some(v) => out.push_str(&format!("{title} — {}\n", v.title.get(lang))),
        None => out.push_str(&format!("{title}\n")),
    }
    let header = tr!(
        lang,
        "simulate-header",
        runs = r.runs,
        seed = r.seed.to_string(),
        mrc = format!("{:?}", r.mrc),
        government = format!("{:?}", r.government)
    );
    out.push_str(&format!("{header}\n\n"));
    out.push_str(&format!("{}\n", tr!(lang, "simulate-outcomes")));
    let share = |n: usize| if r.runs == 0 { 0.0 } else { 100.0 * n as f64 / r.runs as f64 };
    let rows = [
        (crate::chronicle::faction_name(sc, crate::scenario::Side::Mrc, lang), r.wins.mrc),
        (crate::chronicle::faction_name(sc, crate::scenario::Side::Government, lang), r.wins.government),
        (tr!(lang, "simulate-draw"), r.wins.draw),
    ];
    for (name, n) in rows {
        let bar = "█".repeat((share(n) / 4.0).round() as usize);
        out.push_str(&format!("  {name:<36} {n:>6}  ({:>5.1}%)  {bar}\n", share(n)));
    }
    out.push('\n');
    if let Some((place, t)) = &r.seat_of_government {
        let name = sc.place(place).map(|p| sc.file.map.places[p].name.get(lang).to_string()).unwrap_or_default();
        let seat = tr!(
            lang,
            "simulate-seat",
            place = name,
            games = t.runs,
            runs = r.runs,
            median = when(&t.median, lang),
            from = when(&t.quartile_1, lang),
            to = when(&t.quartile_3, lang),
            earliest = when(&t.earliest, lang),
            latest = when(&t.latest, lang)
        );
        out.push_str(&format!("{seat}\n"));
    }
    let c = &r.casualties;
    let casualties = tr!(
        lang,
        "simulate-casualties",
        mean = format!("{:.0}", c.mean),
        median = format!("{:.0}", c.median),
        min = format!("{:.0}", c.min),
        max = format!("{:.0}", c.max)
    );
    out.push_str(&format!("{casualties}\n"));
    if !r.decisive_places.is_empty() {
        out.push_str(&format!("\n{}\n", tr!(lang, "simulate-decisive")));
        for d in &r.decisive_places {
            let name = if lang == Lang::Es { &d.name_es } else { &d.name_en };
            out.push_str(&format!(
                "  {name:<36} {:>4.0}% / {:>4.0}%   ({})\n",
                100.0 * d.mrc_win_rate_when_held,
                100.0 * d.mrc_win_rate_when_not,
                tr!(lang, "simulate-held-in", games = d.mrc_held)
            ));
        }
    }
    out
}
