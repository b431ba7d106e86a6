//! Reading a scenario: RON text to a validated [`Scenario`], with every
//! problem reported at its line and column.

use super::diagnostic::{Diagnostic, line_col};
use super::outline::Outline;
use super::schema::*;
use super::validate::validate;
use std::collections::HashMap;
use std::path::Path;

/// Largest scenario file accepted, in bytes.
pub const MAX_SCENARIO_BYTES: usize = 8 * 1024 * 1024;
/// Deepest nesting of brackets accepted.
pub const MAX_NESTING: usize = 64;

/// A scenario that parsed and validated: the file's data plus lookups by id.
#[derive(Clone, Debug)]
pub struct Scenario {
    pub file: ScenarioFile,
    /// Where the scenario came from, for messages.
    pub path: String,
    /// A hash of the text, to tie saves and replays to this exact scenario.
    pub content_hash: u64,
    /// Problems that do not stop the scenario from being played.
    pub warnings: Vec<Diagnostic>,
    place_ids: HashMap<String, usize>,
    unit_ids: HashMap<String, usize>,
    action_ids: HashMap<String, usize>,
    /// For each place, the places linked to it, in ascending order.
    pub neighbours: Vec<Vec<usize>>,
}

impl Scenario {
    /// Index of a place by id.
    pub fn place(&self, id: &str) -> Option<usize> {
        self.place_ids.get(id).copied()
    }
    /// Index of a unit by id.
    pub fn unit(&self, id: &str) -> Option<usize> {
        self.unit_ids.get(id).copied()
    }
    /// Index of an action by id.
    pub fn action(&self, id: &str) -> Option<usize> {
        self.action_ids.get(id).copied()
    }
    /// The faction's data.
    pub fn faction(&self, side: Side) -> &FactionSpec {
        self.file.factions.iter().find(|f| f.id == side).expect("validation guarantees both factions")
    }
    /// The turn length in minutes.
    pub fn turn_minutes(&self) -> i64 {
        self.file.clock.turn_minutes as i64
    }
    /// How many turns the clock allows.
    pub fn total_turns(&self) -> u32 {
        let span = self.file.clock.end.0 - self.file.clock.start.0;
        let len = self.turn_minutes();
        ((span + len - 1) / len).max(0) as u32
    }
}

/// FNV-1a, stable across platforms and releases (unlike `DefaultHasher`).
pub fn content_hash(text: &str) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in text.as_bytes() {
        h ^= *b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

/// Reads and parses a scenario file from disk.
pub fn load_scenario_file(path: &Path) -> Result<Scenario, Vec<Diagnostic>> {
    let name = path.display().to_string();
    let metadata = std::fs::metadata(path).map_err(|e| {
        vec![Diagnostic::error(&name, "", 1, 1, format!("cannot read the file: {e}"), "check the path")]
    })?;
    if metadata.len() as usize > MAX_SCENARIO_BYTES {
        return Err(vec![Diagnostic::error(
            &name,
            "",
            1,
            1,
            format!("the file is {} bytes; scenarios may be at most {MAX_SCENARIO_BYTES} bytes", metadata.len()),
            "split the water shapes or simplify them",
        )]);
    }
    let bytes = std::fs::read(path).map_err(|e| {
        vec![Diagnostic::error(&name, "", 1, 1, format!("cannot read the file: {e}"), "check the path and permissions")]
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        vec![Diagnostic::error(&name, "", 1, 1, format!("the file is not UTF-8 text: {e}"), "save the file as UTF-8")]
    })?;
    parse_scenario(&name, &text)
}

/// Parses and validates scenario text. `name` names the file in diagnostics.
pub fn parse_scenario(name: &str, text: &str) -> Result<Scenario, Vec<Diagnostic>> {
    if text.len() > MAX_SCENARIO_BYTES {
        return Err(vec![Diagnostic::error(
            name,
            text,
            1,
            1,
            format!("the text is {} bytes; scenarios may be at most {MAX_SCENARIO_BYTES} bytes", text.len()),
            "split the water shapes or simplify them",
        )]);
    }
    let options = ron::Options::default().with_recursion_limit(MAX_NESTING);
    let outline = Outline::read(text);
    let file: ScenarioFile = options.from_str(text).map_err(|e| every_broken_item(name, text, &outline, &e))?;
    let problems = validate(name, text, &outline, &file);
    if problems.iter().any(|d| d.severity == super::Severity::Error) {
        return Err(problems);
    }
    let index =
        |ids: Vec<&String>| ids.into_iter().enumerate().map(|(i, id)| (id.clone(), i)).collect::<HashMap<_, _>>();
    let place_ids = index(file.map.places.iter().map(|p| &p.id).collect());
    let unit_ids = index(file.units.iter().map(|u| &u.id).collect());
    let action_ids = index(file.actions.iter().map(|a| &a.id).collect());
    let mut neighbours = vec![Vec::new(); file.map.places.len()];
    for (a, b) in &file.map.links {
        let (a, b) = (place_ids[a], place_ids[b]);
        neighbours[a].push(b);
        neighbours[b].push(a);
    }
    for list in &mut neighbours {
        list.sort_unstable();
        list.dedup();
    }
    Ok(Scenario {
        file,
        path: name.to_string(),
        content_hash: content_hash(text),
        warnings: problems,
        place_ids,
        unit_ids,
        action_ids,
        neighbours,
    })
}

/// When the whole file does not read, each item of its lists and each of its
/// sections is read on its own, so that one pass reports every broken item,
/// not only the first. They are sorted by position.
fn every_broken_item(name: &str, text: &str, outline: &Outline, first: &ron::error::SpannedError) -> Vec<Diagnostic> {
    let mut out = vec![ron_diagnostic(name, text, first)];
    // Syntax errors leave the layout unreadable, and then only the first is sure.
    let Some(root) = &outline.root else { return out };
    let mut part = |span: &std::ops::Range<usize>, check: fn(&str) -> Result<(), ron::error::SpannedError>| {
        if let Err(e) = check(&text[span.clone()]) {
            let d = ron_diagnostic(name, text, &shift(e, text, span.start));
            if !out.iter().any(|o| (o.line, o.column) == (d.line, d.column)) {
                out.push(d);
            }
        }
    };
    fn reads<T: serde::de::DeserializeOwned>(slice: &str) -> Result<(), ron::error::SpannedError> {
        ron::Options::default().with_recursion_limit(MAX_NESTING).from_str::<T>(slice).map(|_| ())
    }
    let lists: [(&str, fn(&str) -> Result<(), ron::error::SpannedError>); 11] = [
        ("sources", reads::<SourceRef>),
        ("map.places", reads::<PlaceSpec>),
        ("map.links", reads::<(String, String)>),
        ("map.water", reads::<WaterShape>),
        ("factions", reads::<FactionSpec>),
        ("units", reads::<UnitSpec>),
        ("actions", reads::<ActionSpec>),
        ("events", reads::<EventSpec>),
        ("victory.conditions", reads::<VictoryCondition>),
        ("victory.history", reads::<KeyMoment>),
        ("doctrine", reads::<DoctrineOrder>),
    ];
    for (path, check) in lists {
        for item in root.at(path).map(|n| n.items.as_slice()).unwrap_or_default() {
            part(&item.span, check);
        }
    }
    let sections: [(&str, fn(&str) -> Result<(), ron::error::SpannedError>); 2] =
        [("clock", reads::<ClockSpec>), ("rules", reads::<RulesSpec>)];
    for (path, check) in sections {
        if let Some(node) = root.at(path) {
            part(&node.span, check);
        }
    }
    out.sort_by_key(|d| (d.line, d.column));
    out
}

/// Moves an error found in a slice starting at byte `start` to its place in the whole text.
fn shift(mut e: ron::error::SpannedError, text: &str, start: usize) -> ron::error::SpannedError {
    let (line, col) = line_col(text, start);
    for p in [&mut e.span.start, &mut e.span.end] {
        if p.line == 1 {
            p.col += col - 1;
        }
        p.line += line - 1;
    }
    e
}

/// Turns a RON error into a diagnostic with a hint.
fn ron_diagnostic(name: &str, text: &str, e: &ron::error::SpannedError) -> Diagnostic {
    use ron::Error as E;
    let (line, col) = (e.span.start.line, e.span.start.col);
    let (message, help) = match &e.code {
        E::NoSuchStructField { expected, found, outer } => {
            let within = outer.as_deref().map(|o| format!(" in `{o}`")).unwrap_or_default();
            let help = match closest(found, expected) {
                Some(s) => format!("did you mean `{s}`? Known fields: {}", expected.join(", ")),
                None => format!("known fields: {}", expected.join(", ")),
            };
            (format!("unknown field `{found}`{within}"), help)
        }
        E::NoSuchEnumVariant { expected, found, outer } => {
            let within = outer.as_deref().map(|o| format!(" of `{o}`")).unwrap_or_default();
            let help = match closest(found, expected) {
                Some(s) => format!("did you mean `{s}`? Possible values: {}", expected.join(", ")),
                None => format!("possible values: {}", expected.join(", ")),
            };
            (format!("unknown value `{found}`{within}"), help)
        }
        E::MissingStructField { field, outer } => {
            let within = outer.as_deref().map(|o| format!(" in `{o}`")).unwrap_or_default();
            (
                format!("missing field `{field}`{within}"),
                format!("add `{field}: ...` to this item; see docs/scenario-format.md"),
            )
        }
        E::DuplicateStructField { field, .. } => {
            (format!("the field `{field}` is written twice"), "keep one of them".to_string())
        }
        E::ExceededRecursionLimit => (
            format!("the data is nested more than {MAX_NESTING} levels deep"),
            "flatten the conditions: use All([...]) or Any([...]) with more items instead of deeper nesting"
                .to_string(),
        ),
        other => (other.to_string(), syntax_hint(other)),
    };
    Diagnostic::error(name, text, line, col, message, help)
}

fn syntax_hint(e: &ron::Error) -> String {
    use ron::Error as E;
    match e {
        E::Eof => "the file ends too early: look for a missing `)` or `]`".into(),
        E::ExpectedComma | E::ExpectedArrayEnd | E::ExpectedStructLikeEnd => {
            "look for a missing `,` or closing bracket just before this point".into()
        }
        E::ExpectedString | E::ExpectedStringEnd => "strings are written in double quotes: \"like this\"".into(),
        E::Message(m) if m.contains("is not a time") => "times are Julian, written \"1917-10-24T05:30\"".into(),
        _ => "see docs/scenario-format.md for the format".into(),
    }
}

/// The closest known name, if one is close enough to be a likely typo.
pub fn closest<'a>(found: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(found, k), *k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 3))
        .min()
        .map(|(_, k)| k)
}

/// The folder where a player keeps scenarios of their own (mods), shown in the
/// game's list beside `scenarios/`: `PETROGRAD_MODS` if set, else
/// `$XDG_DATA_HOME/petrograd1917/scenarios` (by default
/// `~/.local/share/petrograd1917/scenarios`) on Linux,
/// `~/Library/Application Support/petrograd1917/scenarios` on macOS and
/// `%APPDATA%\petrograd1917\scenarios` on Windows.
pub fn mods_dir() -> Option<std::path::PathBuf> {
    use std::path::PathBuf;
    let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty()).map(PathBuf::from);
    if let Some(dir) = var("PETROGRAD_MODS") {
        return Some(dir);
    }
    let data = if cfg!(windows) {
        var("APPDATA")
    } else if cfg!(target_os = "macos") {
        var("HOME").map(|h| h.join("Library/Application Support"))
    } else {
        var("XDG_DATA_HOME").or_else(|| var("HOME").map(|h| h.join(".local/share")))
    };
    data.map(|d| d.join("petrograd1917").join("scenarios"))
}

/// Every `.ron` file directly under the folder, sorted by name; none if it cannot be read.
pub fn ron_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "ron")).collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}
