//! Reading a scenario: RON text to a validated [`Scenario`], with every
//! problem reported at its line and column.

use super::diagnostic::{Diagnostic, line_col};
use super::outline::Outline;
use super::rules_file::Origins;
use super::schema::*;
use super::target_set::TargetSet;
use super::validate::{Source, validate, validate_rules};
use crate::time::GameTime;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::path::Path;

/// Largest scenario file accepted, in bytes.
pub const MAX_SCENARIO_BYTES: usize = 8 * 1024 * 1024;
/// Deepest nesting of brackets accepted.
pub const MAX_NESTING: usize = 64;

/// A scenario that parsed and validated: the file's data, with its rules file's
/// unit kinds and actions merged in, plus lookups by id.
#[derive(Clone, Debug)]
pub struct Scenario {
    pub file: ScenarioFile,
    /// Where the scenario came from, for messages.
    pub path: String,
    /// The rules file it takes kinds and actions from, if any (watched for hot reload too).
    pub rules_path: Option<String>,
    /// A hash of the text (and of the rules file's, and of the variant's id), to tie
    /// saves and replays to this exact scenario.
    pub content_hash: u64,
    /// The "what if" variant applied, if any.
    pub variant: Option<String>,
    /// Problems that do not stop the scenario from being played.
    pub warnings: Vec<Diagnostic>,
    place_ids: IdMap,
    unit_ids: IdMap,
    action_ids: IdMap,
    /// For each place, the places linked to it, in ascending order.
    pub neighbours: Vec<Vec<usize>>,
    /// The places that are bridges.
    pub bridges: TargetSet,
    /// For each action, the events that follow its success, in file order.
    events_after: Vec<Vec<usize>>,
    /// The timed events with their times, earliest first (file order within a minute).
    timed_events: Vec<(GameTime, usize)>,
    /// The events that fire when a condition holds, in file order.
    conditional_events: Vec<usize>,
    /// For each action, what a search over its targets tests at every place or unit at once.
    sweeps: Vec<TargetSweep>,
    /// The tests that name an order's place only, or its unit only, each once
    /// however many actions make it: the numbers in [`TargetSweep`] point here.
    swept_tests: Vec<SweptTest>,
    /// The tests that name no target and read no side, each once however
    /// many actions make them: the numbers in [`TargetSweep`] point here.
    world_tests: Vec<Condition>,
    /// For each action, its requirement split by the targets each part names.
    requirement_parts: Vec<RequirementParts>,
    /// For each unit, the index of its kind.
    unit_kinds: Vec<usize>,
    /// For each side (by [`Side::index`]), the actions whose success wins the game for it.
    winning_actions: [Vec<usize>; 2],
    /// For each side (by [`Side::index`]), its actions, in scenario order.
    side_actions: [Vec<usize>; 2],
    /// For each side (by [`Side::index`]), its headquarters.
    headquarters: [Option<usize>; 2],
}

/// Whether setting `flag` can win the game for `side`.
fn wins_with_flag(file: &ScenarioFile, side: Side, flag: &str) -> bool {
    file.victory.conditions.iter().any(|v| v.winner == side && v.when.mentions_flag(flag))
}

/// Of the side's actions, those that set a flag that can win the game for it, in scenario order.
fn winning_actions(file: &ScenarioFile, side: Side, side_actions: &[usize]) -> Vec<usize> {
    let wins = |a: &usize| {
        file.actions[*a].on_success.iter().any(|e| matches!(e, Effect::SetFlag(f) if wins_with_flag(file, side, f)))
    };
    side_actions.iter().copied().filter(wins).collect()
}

/// Resolves every place and unit name in the scenario's actions, events and
/// victory conditions, once, so that play never looks an id up.
fn resolve_names(file: &ScenarioFile, places: &IdMap, units: &IdMap) {
    let mut resolve = |name: &IdRef, kind: IdKind| {
        let ids = match kind {
            IdKind::Place => places,
            IdKind::Unit => units,
        };
        name.resolve(name.look_up(kind, |id| ids.get(id).copied()));
    };
    for action in &file.actions {
        action.ids(&mut resolve);
    }
    for event in &file.events {
        if let Trigger::When(c) = &event.trigger {
            c.ids(&mut resolve);
        }
        event.condition.ids(&mut resolve);
        event.effects.iter().for_each(|e| e.ids(&mut resolve));
    }
    for victory in &file.victory.conditions {
        victory.when.ids(&mut resolve);
    }
}

/// An action's requirement split by the order's targets each of its tests
/// names: indices into [`Condition::conjuncts`] of its `requires`. A search
/// over many targets tests the general part once, the place part and the unit
/// part at every place or unit at once (see [`TargetSweep`]), and the part
/// that names both for each pair.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RequirementParts {
    /// Tests that name neither the order's place nor its unit.
    pub general: Vec<usize>,
    /// Tests that name the order's place only.
    pub place: Vec<usize>,
    /// Tests that name the order's unit only.
    pub unit: Vec<usize>,
    /// Tests that name both.
    pub both: Vec<usize>,
    /// The tests that name both, less those that ask whether the order's
    /// unit can reach its place: for a search that only tries units it
    /// already knows can.
    pub both_once_reachable: Vec<usize>,
}

impl RequirementParts {
    /// Splits a requirement.
    pub fn of(requires: &Condition) -> RequirementParts {
        let mut parts = RequirementParts::default();
        for (i, test) in requires.conjuncts().iter().enumerate() {
            match test.names_stand_ins() {
                (false, false) => parts.general.push(i),
                (true, false) => parts.place.push(i),
                (false, true) => parts.unit.push(i),
                (true, true) => {
                    parts.both.push(i);
                    let reach = matches!(test, Condition::CanReach(u, p)
                        if *u == IdKind::Unit.stand_in() && *p == IdKind::Place.stand_in());
                    if !reach {
                        parts.both_once_reachable.push(i);
                    }
                }
            }
        }
        parts
    }
}

/// What a search over an action's targets tests at every place, or at every
/// unit, at once (see [`TargetSet`]).
#[derive(Clone, Debug, Default)]
pub struct TargetSweep {
    /// What the action is aimed at (its `target`, kept here beside the rest).
    pub target: TargetSpec,
    /// The places of the kinds the action may be aimed at.
    pub places: TargetSet,
    /// The units of the kinds the action may be given to.
    pub units: TargetSet,
    /// The requirement's place part, as numbers of [`Scenario::swept_test`]s.
    pub place_tests: Vec<usize>,
    /// The requirement's unit part, as numbers of [`Scenario::swept_test`]s.
    pub unit_tests: Vec<usize>,
    /// For each test of the requirement's general part, its number among
    /// [`Scenario::world_test`]s if it is one (a route from a named unit reads the side).
    pub general_tests: Vec<Option<usize>>,
    /// For each of the action's chance modifiers that adds when a test
    /// holds, the test's number among [`Scenario::world_test`]s if it is one.
    pub modifier_tests: Vec<Option<usize>>,
}

/// A test that names an order's place only, or its unit only: it is made at
/// every place (or unit) at once, and once for all the actions that make it.
#[derive(Clone, Debug, PartialEq)]
pub struct SweptTest {
    /// Whether the test names the order's place or its unit.
    pub over: IdKind,
    pub test: Condition,
    /// Whether its answer depends on the side giving the order (only a route does).
    pub reads_side: bool,
}

/// The place of `item` in `list`, put at the end if it is not there yet.
fn number_in<T: PartialEq>(list: &mut Vec<T>, item: T) -> usize {
    list.iter().position(|t| *t == item).unwrap_or_else(|| {
        list.push(item);
        list.len() - 1
    })
}

/// Each action's [`TargetSweep`], and the shared tests they point to.
fn target_sweeps(
    file: &ScenarioFile,
    parts: &[RequirementParts],
) -> (Vec<TargetSweep>, Vec<SweptTest>, Vec<Condition>) {
    let mut shared: Vec<SweptTest> = Vec::new();
    let mut world_tests: Vec<Condition> = Vec::new();
    let mut world_test = |test: &Condition| {
        let of_the_world = test.names_stand_ins() == (false, false) && !test.reads_side();
        of_the_world.then(|| number_in(&mut world_tests, test.clone()))
    };
    let mut sweeps = Vec::new();
    for (action, parts) in file.actions.iter().zip(parts) {
        let tests = action.requires.conjuncts();
        let mut number = |over: IdKind, i: &usize| {
            let test = tests[*i].clone();
            number_in(&mut shared, SweptTest { over, reads_side: test.reads_side(), test })
        };
        let place_tests = parts.place.iter().map(|i| number(IdKind::Place, i)).collect();
        let unit_tests = parts.unit.iter().map(|i| number(IdKind::Unit, i)).collect();
        let general_tests = parts.general.iter().map(|i| world_test(&tests[*i])).collect();
        let modifier_tests = (action.chance.modifiers.iter())
            .map(|m| match m {
                Modifier::When(test, _) => world_test(test),
                _ => None,
            })
            .collect();
        sweeps.push(TargetSweep {
            target: action.target,
            places: TargetSet::from_fn(file.map.places.len(), |p| action.admits_place(file.map.places[p].kind)),
            units: TargetSet::from_fn(file.units.len(), |u| {
                action.unit_kinds.is_empty() || action.unit_kinds.contains(&file.units[u].kind)
            }),
            place_tests,
            unit_tests,
            general_tests,
            modifier_tests,
        });
    }
    (sweeps, shared, world_tests)
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
    /// Whether an action may be given to a unit of this kind (any unit, if the
    /// action names no kinds).
    pub fn unit_fits(&self, action: usize, unit: usize) -> bool {
        self.sweeps[action].units.contains(unit)
    }
    /// What a search over an action's targets tests at every place or unit at once.
    pub fn target_sweep(&self, action: usize) -> &TargetSweep {
        &self.sweeps[action]
    }
    /// A test shared by the [`TargetSweep`]s, by number.
    pub fn swept_test(&self, number: usize) -> &SweptTest {
        &self.swept_tests[number]
    }
    /// A test that names no target and reads no side, by number (see [`TargetSweep`]).
    pub fn world_test(&self, number: usize) -> &Condition {
        &self.world_tests[number]
    }
    /// How many such tests there are.
    pub fn world_test_count(&self) -> usize {
        self.world_tests.len()
    }
    /// How many tests the [`TargetSweep`]s share.
    pub fn swept_test_count(&self) -> usize {
        self.swept_tests.len()
    }
    /// An action's requirement, split by the targets each part names.
    pub fn requirement_parts(&self, action: usize) -> &RequirementParts {
        &self.requirement_parts[action]
    }
    /// Whether setting `flag` can win the game for `side`.
    pub fn wins_with_flag(&self, side: Side, flag: &str) -> bool {
        wins_with_flag(&self.file, side, flag)
    }
    /// The events that follow a success of the action, in file order.
    pub fn events_after(&self, action: usize) -> &[usize] {
        &self.events_after[action]
    }
    /// The side's headquarters (see [`FactionSpec::headquarters`]).
    pub fn headquarters(&self, side: Side) -> Option<usize> {
        self.headquarters[side.index()]
    }
    /// The timed events due from `from` until just before `until`, with
    /// their times, earliest first (file order within a minute).
    pub fn timed_events(&self, from: GameTime, until: GameTime) -> &[(GameTime, usize)] {
        let start = self.timed_events.partition_point(|(t, _)| *t < from);
        let end = self.timed_events.partition_point(|(t, _)| *t < until).max(start);
        &self.timed_events[start..end]
    }
    /// The events that fire when a condition holds, in file order.
    pub fn conditional_events(&self) -> &[usize] {
        &self.conditional_events
    }
    /// The actions of `side`, in scenario order.
    pub fn side_actions(&self, side: Side) -> &[usize] {
        &self.side_actions[side.index()]
    }
    /// The actions of `side` whose success wins the game for it, in scenario order.
    pub fn winning_actions(&self, side: Side) -> &[usize] {
        &self.winning_actions[side.index()]
    }
    /// The kind of a unit.
    pub fn kind_of(&self, unit: usize) -> &UnitKindSpec {
        &self.file.unit_kinds[self.unit_kinds[unit]]
    }
    /// The scenario with one of its variants applied.
    pub fn with_variant(&self, id: &str) -> Result<Scenario, String> {
        let Some(spec) = self.file.variants.iter().find(|v| v.id == id) else {
            let known: Vec<&str> = self.file.variants.iter().map(|v| v.id.as_str()).collect();
            return Err(match closest(id, &known) {
                Some(s) => format!("no variant \"{id}\" in {}; did you mean \"{s}\"?", self.path),
                None if known.is_empty() => format!("{} has no variants", self.path),
                None => format!("no variant \"{id}\" in {}; its variants are: {}", self.path, known.join(", ")),
            });
        };
        // Validation at load applied every variant, so this cannot fail.
        let file = super::variant::apply(&self.file, spec).map_err(|u| u.message)?;
        let hash = content_hash(&format!("{:x}\0{id}", self.content_hash));
        let mut out = Scenario::build(file, self.path.clone(), self.rules_path.clone(), hash, self.warnings.clone());
        out.variant = Some(id.to_string());
        Ok(out)
    }
    /// The variant applied, if any.
    pub fn variant_spec(&self) -> Option<&VariantSpec> {
        let id = self.variant.as_deref()?;
        self.file.variants.iter().find(|v| v.id == id)
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

/// Ids to indices. The rules look ids up thousands of times a turn; FNV-1a
/// hashes short ids several times faster than the default SipHash, and the map
/// is only ever looked up, never iterated, so its order cannot leak anywhere.
type IdMap = HashMap<String, usize, BuildHasherDefault<Fnv>>;

/// The FNV-1a hasher, for [`IdMap`].
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf29ce484222325 } else { self.0 };
        for b in bytes {
            h ^= *b as u64;
            h = h.wrapping_mul(0x100000001b3);
        }
        self.0 = h;
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

/// Reads a scenario or rules file as text, refusing files too large or not UTF-8.
fn read_text(path: &Path) -> Result<String, Vec<Diagnostic>> {
    let name = path.display().to_string();
    let refuse = |message: String, help: &str| vec![Diagnostic::error(&name, "", 1, 1, message, help)];
    let metadata =
        std::fs::metadata(path).map_err(|e| refuse(format!("cannot read the file: {e}"), "check the path"))?;
    if metadata.len() as usize > MAX_SCENARIO_BYTES {
        return Err(refuse(
            format!("the file is {} bytes; scenarios may be at most {MAX_SCENARIO_BYTES} bytes", metadata.len()),
            "split the water shapes or simplify them",
        ));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| refuse(format!("cannot read the file: {e}"), "check the path and permissions"))?;
    String::from_utf8(bytes).map_err(|e| refuse(format!("the file is not UTF-8 text: {e}"), "save the file as UTF-8"))
}

/// Reads and parses a scenario file from disk.
pub fn load_scenario_file(path: &Path) -> Result<Scenario, Vec<Diagnostic>> {
    parse_scenario(&path.display().to_string(), &read_text(path)?)
}

/// A text refused for its size before any parsing.
fn too_large(name: &str, text: &str) -> Option<Vec<Diagnostic>> {
    (text.len() > MAX_SCENARIO_BYTES).then(|| {
        vec![Diagnostic::error(
            name,
            text,
            1,
            1,
            format!("the text is {} bytes; scenarios may be at most {MAX_SCENARIO_BYTES} bytes", text.len()),
            "split the water shapes or simplify them",
        )]
    })
}

/// A rules file as read, for merging and for locating its problems.
struct ReadRules {
    name: String,
    text: String,
    outline: Outline,
    file: RulesFile,
}

/// Reads the rules file that the scenario `name` names, or says why it cannot.
fn read_rules(name: &str, text: &str, outline: &Outline, written: &str) -> Result<ReadRules, Vec<Diagnostic>> {
    let path = super::rules_file::resolve(Path::new(name), written).map_err(|refused| {
        // At the path itself, inside `Some(...)`.
        let field = outline.root.as_ref().and_then(|r| r.field("rules_file"));
        let at = field.map(|n| n.items.first().unwrap_or(n).span.start).unwrap_or(0);
        let (line, col) = line_col(text, at);
        vec![Diagnostic::error(name, text, line, col, refused.message, refused.help)]
    })?;
    let rules_name = path.display().to_string();
    let rules_text = read_text(&path)?;
    let (rules_outline, file) = parse_rules_text(&rules_name, &rules_text)?;
    Ok(ReadRules { name: rules_name, text: rules_text, outline: rules_outline, file })
}

/// Parses a rules file's text, reporting every broken item.
fn parse_rules_text(name: &str, text: &str) -> Result<(Outline, RulesFile), Vec<Diagnostic>> {
    if let Some(refused) = too_large(name, text) {
        return Err(refused);
    }
    let outline = Outline::read(text);
    let options = ron::Options::default().with_recursion_limit(MAX_NESTING);
    let file: RulesFile =
        options.from_str(text).map_err(|e| every_broken_item(name, text, &outline, &e, RULES_LISTS, &[]))?;
    Ok((outline, file))
}

/// Checks a rules file on its own, as `petrograd validate` does: what can be
/// known without a scenario (syntax, duplicates, kinds, stand-ins, ranges).
pub fn check_rules_file(path: &Path) -> Vec<Diagnostic> {
    let name = path.display().to_string();
    let text = match read_text(path) {
        Ok(text) => text,
        Err(problems) => return problems,
    };
    let (name, text) = (name.as_str(), text.as_str());
    match parse_rules_text(name, text) {
        Err(problems) => problems,
        Ok((outline, file)) => validate_rules(Source { name, text, outline: &outline }, &file),
    }
}

/// Parses and validates scenario text. `name` names the file in diagnostics, and
/// its folder is where a `rules_file` is looked for.
pub fn parse_scenario(name: &str, text: &str) -> Result<Scenario, Vec<Diagnostic>> {
    if let Some(refused) = too_large(name, text) {
        return Err(refused);
    }
    let options = ron::Options::default().with_recursion_limit(MAX_NESTING);
    let outline = Outline::read(text);
    let mut file: ScenarioFile = options
        .from_str(text)
        .map_err(|e| every_broken_item(name, text, &outline, &e, SCENARIO_LISTS, SCENARIO_SECTIONS))?;
    let rules = match &file.rules_file {
        Some(written) => Some(read_rules(name, text, &outline, written)?),
        None => None,
    };
    let own_kinds = std::mem::take(&mut file.unit_kinds);
    let own_actions = std::mem::take(&mut file.actions);
    let origins = match &rules {
        Some(r) => {
            let (kinds, actions, origins) = super::rules_file::merge(own_kinds, own_actions, r.file.clone());
            (file.unit_kinds, file.actions) = (kinds, actions);
            origins
        }
        None => {
            let origins = Origins::all_own(own_kinds.len(), own_actions.len());
            (file.unit_kinds, file.actions) = (own_kinds, own_actions);
            origins
        }
    };
    let home = Source { name, text, outline: &outline };
    let shared = rules.as_ref().map(|r| Source { name: &r.name, text: &r.text, outline: &r.outline });
    let problems = validate(home, shared, &origins, &file);
    if problems.iter().any(|d| d.severity == super::Severity::Error) {
        return Err(problems);
    }
    let content_hash = match &rules {
        Some(r) => content_hash(&format!("{text}\0{}", r.text)),
        None => content_hash(text),
    };
    Ok(Scenario::build(file, name.to_string(), rules.map(|r| r.name), content_hash, problems))
}

impl Scenario {
    /// A scenario from valid data: its lookups by id and its neighbours.
    /// The same scenario with its data changed, unchecked: for tests and tools
    /// that edit a scenario in memory. The content hash follows the data.
    pub fn edited(&self, file: ScenarioFile) -> Scenario {
        let text = ron::to_string(&file).unwrap_or_default();
        let hash = content_hash(&format!("{:x}\0{text}", self.content_hash));
        let mut out = Scenario::build(file, self.path.clone(), self.rules_path.clone(), hash, Vec::new());
        out.variant = self.variant.clone();
        out
    }

    fn build(
        file: ScenarioFile,
        path: String,
        rules_path: Option<String>,
        content_hash: u64,
        warnings: Vec<Diagnostic>,
    ) -> Scenario {
        let index = |ids: Vec<&String>| ids.into_iter().enumerate().map(|(i, id)| (id.clone(), i)).collect::<IdMap>();
        let place_ids = index(file.map.places.iter().map(|p| &p.id).collect());
        let unit_ids = index(file.units.iter().map(|u| &u.id).collect());
        let action_ids = index(file.actions.iter().map(|a| &a.id).collect());
        let kind_ids = index(file.unit_kinds.iter().map(|k| &k.id).collect());
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
        resolve_names(&file, &place_ids, &unit_ids);
        let bridges = TargetSet::from_fn(file.map.places.len(), |p| file.map.places[p].kind == PlaceKind::Bridge);
        let mut events_after = vec![Vec::new(); file.actions.len()];
        for (i, e) in file.events.iter().enumerate() {
            if let Trigger::AfterAction(id) = &e.trigger
                && let Some(&a) = action_ids.get(id.as_str())
            {
                events_after[a].push(i);
            }
        }
        let mut timed_events: Vec<(GameTime, usize)> = (file.events.iter().enumerate())
            .filter_map(|(i, e)| match e.trigger {
                Trigger::At(t) => Some((t, i)),
                _ => None,
            })
            .collect();
        timed_events.sort_unstable();
        let conditional_events =
            (0..file.events.len()).filter(|i| matches!(file.events[*i].trigger, Trigger::When(_))).collect();
        let requirement_parts: Vec<_> = file.actions.iter().map(|a| RequirementParts::of(&a.requires)).collect();
        let (sweeps, swept_tests, world_tests) = target_sweeps(&file, &requirement_parts);
        let unit_kinds = file.units.iter().map(|u| kind_ids[&u.kind]).collect();
        let side_actions: [Vec<usize>; 2] =
            Side::ALL.map(|side| (0..file.actions.len()).filter(|a| file.actions[*a].faction == side).collect());
        let winning_actions = Side::ALL.map(|side| winning_actions(&file, side, &side_actions[side.index()]));
        let headquarters = Side::ALL.map(|side| {
            let faction = file.factions.iter().find(|f| f.id == side);
            faction.and_then(|f| place_ids.get(f.headquarters.as_str()).copied())
        });
        Scenario {
            headquarters,
            winning_actions,
            side_actions,
            unit_kinds,
            requirement_parts,
            file,
            path,
            rules_path,
            content_hash,
            variant: None,
            warnings,
            place_ids,
            unit_ids,
            action_ids,
            neighbours,
            bridges,
            events_after,
            timed_events,
            conditional_events,
            sweeps,
            swept_tests,
            world_tests,
        }
    }
}

type ItemCheck = fn(&str) -> Result<(), ron::error::SpannedError>;

fn reads<T: serde::de::DeserializeOwned>(slice: &str) -> Result<(), ron::error::SpannedError> {
    ron::Options::default().with_recursion_limit(MAX_NESTING).from_str::<T>(slice).map(|_| ())
}

/// The lists of a scenario whose items are read one by one when the file does not read.
const SCENARIO_LISTS: &[(&str, ItemCheck)] = &[
    ("sources", reads::<SourceRef>),
    ("unit_kinds", reads::<UnitKindSpec>),
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
/// The sections of a scenario read on their own when the file does not read.
const SCENARIO_SECTIONS: &[(&str, ItemCheck)] = &[("clock", reads::<ClockSpec>), ("rules", reads::<RulesSpec>)];
/// The lists of a rules file.
const RULES_LISTS: &[(&str, ItemCheck)] = &[("unit_kinds", reads::<UnitKindSpec>), ("actions", reads::<ActionSpec>)];

/// When the whole file does not read, each item of its lists and each of its
/// sections is read on its own, so that one pass reports every broken item,
/// not only the first. They are sorted by position.
fn every_broken_item(
    name: &str,
    text: &str,
    outline: &Outline,
    first: &ron::error::SpannedError,
    lists: &[(&str, ItemCheck)],
    sections: &[(&str, ItemCheck)],
) -> Vec<Diagnostic> {
    let mut out = vec![ron_diagnostic(name, text, first)];
    // Syntax errors leave the layout unreadable, and then only the first is sure.
    let Some(root) = &outline.root else { return out };
    let mut part = |span: &std::ops::Range<usize>, check: ItemCheck| {
        if let Err(e) = check(&text[span.clone()]) {
            let d = ron_diagnostic(name, text, &shift(e, text, span.start));
            if !out.iter().any(|o| (o.line, o.column) == (d.line, d.column)) {
                out.push(d);
            }
        }
    };
    for (path, check) in lists {
        for item in root.at(path).map(|n| n.items.as_slice()).unwrap_or_default() {
            part(&item.span, *check);
        }
    }
    for (path, check) in sections {
        if let Some(node) = root.at(path) {
            part(&node.span, *check);
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
pub(crate) fn ron_diagnostic(name: &str, text: &str, e: &ron::error::SpannedError) -> Diagnostic {
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
                format!("add `{field}: ...` to this item; see docs/modding.md"),
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
        _ => "see docs/modding.md for the format".into(),
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

/// The game's folder for the player's files (mods, saves, handouts):
/// `PETROGRAD_DATA` if set, else `$XDG_DATA_HOME/petrograd1917` (by default
/// `~/.local/share/petrograd1917`) on Linux,
/// `~/Library/Application Support/petrograd1917` on macOS and
/// `%APPDATA%\\petrograd1917` on Windows.
pub fn data_dir() -> Option<std::path::PathBuf> {
    use std::path::PathBuf;
    let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty()).map(PathBuf::from);
    if let Some(dir) = var("PETROGRAD_DATA") {
        return Some(dir);
    }
    let data = if cfg!(windows) {
        var("APPDATA")
    } else if cfg!(target_os = "macos") {
        var("HOME").map(|h| h.join("Library/Application Support"))
    } else {
        var("XDG_DATA_HOME").or_else(|| var("HOME").map(|h| h.join(".local/share")))
    };
    data.map(|d| d.join("petrograd1917"))
}

/// The folder where a player keeps scenarios of their own (mods), shown in the
/// game's list beside `scenarios/`: `PETROGRAD_MODS` if set, else `scenarios`
/// in the [`data_dir`].
pub fn mods_dir() -> Option<std::path::PathBuf> {
    match std::env::var_os("PETROGRAD_MODS").filter(|v| !v.is_empty()) {
        Some(dir) => Some(dir.into()),
        None => data_dir().map(|d| d.join("scenarios")),
    }
}

/// Every scenario the game lists: those in `scenarios/` (beside the game), then
/// those in the mods folder.
pub fn listed_scenario_files() -> Vec<std::path::PathBuf> {
    let mut files = scenario_files(Path::new("scenarios"));
    files.extend(mods_dir().as_deref().map(scenario_files).unwrap_or_default());
    files
}

/// Every scenario directly under the folder (`.ron` files but not `.rules.ron`
/// ones), sorted by name; none if it cannot be read.
pub fn scenario_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "ron") && !super::rules_file::is_rules_file(p))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}
