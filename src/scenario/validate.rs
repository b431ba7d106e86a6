//! Checks that a parsed scenario makes sense: unique ids, references that
//! exist, values in range. Positions are found by searching the text for the
//! offending id within the item being checked (places, units, actions...),
//! outside comments, so every problem points at its line and column.

use super::diagnostic::{Diagnostic, line_col};
use super::load::closest;
use super::outline::Outline;
use super::rules_file::{Origin, Origins};
use super::schema::*;
use super::target_set::MAX_TARGETS;
use std::collections::{BTreeSet, HashSet};
use std::ops::Range;

/// The stand-ins an action may use for its order's targets.
pub const TARGET_PLACE: &str = schema_stand_ins::PLACE;
pub const TARGET_UNIT: &str = schema_stand_ins::UNIT;

/// A file being checked: its name for messages, its text and its layout.
#[derive(Clone, Copy)]
pub struct Source<'a> {
    pub name: &'a str,
    pub text: &'a str,
    pub outline: &'a Outline,
}

struct Checker<'a> {
    /// The scenario (or, checked on its own, the rules file).
    home: Source<'a>,
    /// The scenario's rules file, if it has one.
    shared: Option<Source<'a>>,
    /// The file the item being checked was written in.
    here: Source<'a>,
    /// The span of the item being checked, searched first.
    scope: Option<Range<usize>>,
    out: Vec<Diagnostic>,
    places: Vec<&'a str>,
    units: Vec<&'a str>,
    actions: Vec<&'a str>,
    kinds: Vec<&'a str>,
    flags_set: BTreeSet<String>,
    /// A rules file checked on its own, with no map: place and unit ids cannot be checked.
    rules_alone: bool,
}

impl<'a> Checker<'a> {
    /// Line and column of the `nth` (0-based) occurrence of `needle` outside comments,
    /// within the item being checked if it is there, else in the whole file.
    fn locate(&self, needle: &str, nth: usize) -> (usize, usize) {
        let code = |range: Range<usize>| {
            self.here.text[range.clone()]
                .match_indices(needle)
                .map(move |(i, _)| range.start + i)
                .filter(|i| !self.here.outline.in_comment(*i))
                .collect::<Vec<_>>()
        };
        let scoped = self.scope.clone().map(code).unwrap_or_default();
        let found = if scoped.is_empty() { code(0..self.here.text.len()) } else { scoped };
        let offset = found.get(nth).or(found.first()).copied().or_else(|| self.here.text.find(needle));
        offset.map(|o| line_col(self.here.text, o)).unwrap_or((1, 1))
    }

    fn error_at(&mut self, needle: &str, nth: usize, message: String, help: String) {
        let (line, col) = self.locate(needle, nth);
        self.out.push(Diagnostic::error(self.here.name, self.here.text, line, col, message, help));
    }

    fn warn_at(&mut self, needle: &str, message: String, help: String) {
        let (line, col) = self.locate(needle, 0);
        self.out.push(Diagnostic::error(self.here.name, self.here.text, line, col, message, help).warning());
    }

    /// Checks next the item of the list at `path` that came from `origin`.
    fn enter(&mut self, path: &str, origin: Origin) {
        let (source, index) = match (origin, self.shared) {
            (Origin::Rules(i), Some(shared)) => (shared, i),
            (Origin::Rules(i) | Origin::Scenario(i), _) => (self.home, i),
        };
        self.here = source;
        self.scope = source.outline.item(path, index);
    }

    /// Checks next item `index` of the scenario's own list at `path`.
    fn enter_own(&mut self, path: &str, index: usize) {
        self.enter(path, Origin::Scenario(index));
    }

    /// Checks next something of the scenario as a whole.
    fn leave(&mut self) {
        self.here = self.home;
        self.scope = None;
    }

    fn unknown(&mut self, what: &str, id: &str, known: &[&str]) {
        let help = match closest(id, known) {
            Some(s) => format!("did you mean \"{s}\"?"),
            None => {
                // "an action", "an event", but "a unit".
                let article = if what.starts_with(['a', 'e', 'i', 'o']) { "an" } else { "a" };
                format!("define {article} {what} with id \"{id}\", or use one of the existing ids")
            }
        };
        self.error_at(&format!("\"{id}\""), 0, format!("unknown {what} id \"{id}\""), help);
    }

    /// Reports ids used twice, at the second item; `path` is where the items are
    /// listed, and `origins` says in which file each was written.
    fn duplicates(&mut self, what: &str, path: &str, ids: &[&str], origins: &[Origin]) {
        let mut seen = HashSet::new();
        for (i, id) in ids.iter().enumerate() {
            if !seen.insert(*id) {
                self.enter(path, origins.get(i).copied().unwrap_or(Origin::Scenario(i)));
                self.error_at(
                    &format!("\"{id}\""),
                    0,
                    format!("duplicate {what} id \"{id}\""),
                    format!("each {what} needs its own id: rename one of them"),
                );
            }
        }
    }

    /// Checks a reference to a place or unit: a known id, or the order's stand-in inside an action.
    fn reference(&mut self, what: &str, stand_in: &str, id: &str, in_action: bool) {
        if id == stand_in {
            if !in_action {
                let message = format!("\"{id}\" is only meaningful inside an action");
                self.error_at(id, 0, message, format!("name the {what} by its id"));
            }
            return;
        }
        let other = if what == "place" { TARGET_UNIT } else { TARGET_PLACE };
        if id == other {
            let message = format!("\"{id}\" stands for the order's {}, not a {what}", other.trim_start_matches('@'));
            self.error_at(id, 0, message, format!("use \"{stand_in}\" or name the {what} by its id"));
            return;
        }
        let known = if what == "place" { self.places.clone() } else { self.units.clone() };
        if !self.rules_alone && !known.contains(&id) {
            self.unknown(what, id, &known);
        }
    }

    fn place_ref(&mut self, id: &str, in_action: bool) {
        self.reference("place", TARGET_PLACE, id, in_action);
    }

    fn unit_ref(&mut self, id: &str, in_action: bool) {
        self.reference("unit", TARGET_UNIT, id, in_action);
    }

    /// Checks a reference to a place or a unit, as `kind` says.
    fn id_ref(&mut self, id: &IdRef, kind: IdKind, in_action: bool) {
        match kind {
            IdKind::Place => self.place_ref(id, in_action),
            IdKind::Unit => self.unit_ref(id, in_action),
        }
    }

    fn condition(&mut self, c: &Condition, in_action: bool, flags_used: &mut Vec<String>) {
        c.ids(&mut |id, kind| self.id_ref(id, kind, in_action));
        self.condition_values(c, flags_used);
    }

    /// The flags a condition reads, and its loyalty values' range.
    fn condition_values(&mut self, c: &Condition, flags_used: &mut Vec<String>) {
        match c {
            Condition::All(list) | Condition::Any(list) => {
                for c in list {
                    self.condition_values(c, flags_used);
                }
            }
            Condition::Not(c) => self.condition_values(c, flags_used),
            Condition::Loyalty(u, _, v) => self.loyalty_range(*v, u),
            Condition::Flag(f) => flags_used.push(f.clone()),
            _ => {}
        }
    }

    fn loyalty_range(&mut self, v: i32, near: &str) {
        if !(-100..=100).contains(&v) {
            self.error_at(
                &format!("{v}"),
                0,
                format!("loyalty {v} (near \"{near}\") is out of range"),
                "loyalty runs from -100 (the Government's) to 100 (the MRC's)".into(),
            );
        }
    }

    fn effect(&mut self, e: &Effect, in_action: bool) {
        e.ids(&mut |id, kind| self.id_ref(id, kind, in_action));
        match e {
            Effect::Loyalty(Units::Kinds(kinds), _) | Effect::LoyaltyToward(Units::Kinds(kinds), _, _) => {
                self.kind_refs(kinds)
            }
            Effect::SetFlag(f) | Effect::ClearFlag(f) => {
                self.flags_set.insert(f.clone());
            }
            _ => {}
        }
    }

    /// Checks an action; `scenario` is the scenario it is played in, unless a
    /// rules file is checked on its own. `shared` is set for an action of the
    /// scenario's rules file: one that no place or unit of this city fits is
    /// simply never offered, and not worth a warning.
    fn action(&mut self, a: &ActionSpec, scenario: Option<&ScenarioFile>, shared: bool, flags_used: &mut Vec<String>) {
        self.condition(&a.requires, true, flags_used);
        for e in a.on_success.iter().chain(&a.on_failure) {
            self.effect(e, true);
        }
        self.chance(a.chance.base, &format!("\"{}\"", a.id));
        for m in &a.chance.modifiers {
            match m {
                Modifier::When(cond, _) => self.condition(cond, true, flags_used),
                Modifier::ForceBalance(..) | Modifier::Loyalty(..) => {
                    m.ids(&mut |id, kind| self.id_ref(id, kind, true))
                }
            }
        }
        if let Some(f) = scenario
            && a.cost > f.rules.max_command
        {
            self.error_at(
                &format!("\"{}\"", a.id),
                0,
                format!(
                    "action \"{}\" costs {} command, more command than a side can hold (rules.max_command is {})",
                    a.id, a.cost, f.rules.max_command
                ),
                "lower the cost, or raise `rules.max_command`".into(),
            );
        }
        if let Some(f) = scenario
            && !shared
            && !a.place_kinds.is_empty()
            && !f.map.places.iter().any(|p| a.place_kinds.contains(&p.kind))
        {
            self.warn_at(
                &format!("\"{}\"", a.id),
                format!(
                    "action \"{}\" targets places of kinds {:?}, but there is no place of a kind it accepts",
                    a.id, a.place_kinds
                ),
                "add such a place, widen `place_kinds`, or remove the action".into(),
            );
        }
        self.kind_refs(&a.unit_kinds);
        // An unknown kind is reported above; no unit has it, which goes without saying.
        let kinds_known = a.unit_kinds.iter().all(|k| self.kinds.contains(&k.as_str()));
        if let Some(f) = scenario
            && !shared
            && kinds_known
            && !a.unit_kinds.is_empty()
            && !f.units.iter().any(|u| a.unit_kinds.contains(&u.kind))
        {
            self.warn_at(
                &format!("\"{}\"", a.id),
                format!(
                    "action \"{}\" names units of kinds {:?}, but there is no unit of a kind it accepts",
                    a.id, a.unit_kinds
                ),
                "add such a unit, widen `unit_kinds`, or remove the action".into(),
            );
        }
        if a.cost < 0 {
            self.error_at(
                &format!("\"{}\"", a.id),
                0,
                format!("action \"{}\" has a negative cost", a.id),
                "costs are 0 or more".into(),
            );
        }
        let uses_place = mentions(a, TARGET_PLACE);
        let uses_unit = mentions(a, TARGET_UNIT);
        let (has_place, has_unit) = (a.target.names_place(), a.target.names_unit());
        if uses_place && !has_place {
            self.error_at(
                &format!("\"{}\"", a.id),
                0,
                format!("action \"{}\" uses \"@place\" but its target has no place", a.id),
                "set `target: Place` or `UnitToPlace`".into(),
            );
        }
        if uses_unit && !has_unit {
            self.error_at(
                &format!("\"{}\"", a.id),
                0,
                format!("action \"{}\" uses \"@unit\" but its target has no unit", a.id),
                "set `target: Unit` or `UnitToPlace`".into(),
            );
        }
    }

    fn kind_refs(&mut self, kinds: &[String]) {
        for kind in kinds {
            if !self.kinds.contains(&kind.as_str()) {
                let known = self.kinds.clone();
                self.unknown("unit kind", kind, &known);
            }
        }
    }

    fn chance(&mut self, value: f32, near: &str) {
        if !(0.0..=1.0).contains(&value) {
            self.error_at(
                near,
                0,
                format!("chance {value} of \"{}\" is out of range", near.trim_matches('"')),
                "a chance runs from 0.0 (never) to 1.0 (always)".into(),
            );
        }
    }
}

/// Every problem in the scenario, errors and warnings. `shared` is its rules
/// file, if any, and `origins` says which file each unit kind and action of `f`
/// was written in.
pub fn validate(home: Source, shared: Option<Source>, origins: &Origins, f: &ScenarioFile) -> Vec<Diagnostic> {
    let mut c = Checker {
        home,
        shared,
        here: home,
        scope: None,
        out: Vec::new(),
        places: f.map.places.iter().map(|p| p.id.as_str()).collect(),
        units: f.units.iter().map(|u| u.id.as_str()).collect(),
        actions: f.actions.iter().map(|a| a.id.as_str()).collect(),
        kinds: f.unit_kinds.iter().map(|k| k.id.as_str()).collect(),
        flags_set: BTreeSet::new(),
        rules_alone: false,
    };
    let mut flags_used = Vec::new();

    // Clock.
    if f.clock.end <= f.clock.start {
        c.error_at("end:", 0, "the clock ends before it starts".into(), "set `end` later than `start`".into());
    }
    if f.clock.turn_minutes == 0 || f.clock.turn_minutes > 24 * 60 {
        c.error_at("turn_minutes", 0, "turn_minutes must be between 1 and 1440".into(), "30 is usual".into());
    }

    // Ids.
    let own = |n: usize| (0..n).map(Origin::Scenario).collect::<Vec<_>>();
    let places = c.places.clone();
    let units = c.units.clone();
    let actions = c.actions.clone();
    let kinds = c.kinds.clone();
    c.duplicates("place", "map.places", &places, &own(places.len()));
    c.duplicates("unit", "units", &units, &own(units.len()));
    c.duplicates("action", "actions", &actions, &origins.actions);
    c.duplicates("unit kind", "unit_kinds", &kinds, &origins.unit_kinds);
    let events: Vec<&str> = f.events.iter().map(|e| e.id.as_str()).collect();
    c.duplicates("event", "events", &events, &own(events.len()));
    for (what, path, ids) in [("places", "map.places", &places), ("units", "units", &units)] {
        if ids.len() > MAX_TARGETS {
            c.enter_own(path, MAX_TARGETS);
            c.error_at(
                &format!("\"{}\"", ids[MAX_TARGETS]),
                0,
                format!("too many {what}: {}, and a scenario may have at most {MAX_TARGETS}", ids.len()),
                format!("remove or merge {} {what}, starting with this one", ids.len() - MAX_TARGETS),
            );
        }
    }
    c.leave();
    reserved_ids(&mut c, places.iter().chain(&units).chain(&events));
    for (i, id) in actions.iter().enumerate() {
        c.enter("actions", origins.actions[i]);
        reserved_ids(&mut c, [id]);
    }
    for (i, id) in kinds.iter().enumerate() {
        c.enter("unit_kinds", origins.unit_kinds[i]);
        reserved_ids(&mut c, [id]);
    }

    // Map.
    for (i, (a, b)) in f.map.links.iter().enumerate() {
        c.enter_own("map.links", i);
        c.place_ref(a, false);
        c.place_ref(b, false);
        if a == b {
            c.error_at(
                &format!("\"{a}\""),
                0,
                format!("the link (\"{a}\", \"{b}\") links a place to itself"),
                "a link joins two different places: fix one end or remove the link".into(),
            );
        }
    }
    let mut linked: HashSet<&str> = HashSet::new();
    for (a, b) in &f.map.links {
        linked.insert(a);
        linked.insert(b);
    }
    for (i, p) in f.map.places.iter().enumerate() {
        c.enter_own("map.places", i);
        if !linked.contains(p.id.as_str()) && f.map.places.len() > 1 {
            c.warn_at(
                &format!("\"{}\"", p.id),
                format!("no link reaches place \"{}\"", p.id),
                "add a link to `map.links`, or units can never get there".into(),
            );
        }
        if p.raised && p.kind != PlaceKind::Bridge {
            c.error_at(
                &format!("\"{}\"", p.id),
                0,
                format!("\"{}\" is raised but is not a bridge", p.id),
                "only bridges can be raised".into(),
            );
        }
    }

    c.leave();
    // Factions.
    for side in Side::ALL {
        let count = f.factions.iter().filter(|x| x.id == side).count();
        if count != 1 {
            c.error_at(
                "factions",
                0,
                format!("the faction {side:?} is defined {count} times"),
                "define `Mrc` and `Government` once each".into(),
            );
        }
    }
    for (i, fa) in f.factions.iter().enumerate() {
        c.enter_own("factions", i);
        c.place_ref(&fa.headquarters, false);
        let colour_ok = fa.colour.len() == 7
            && fa.colour.starts_with('#')
            && fa.colour[1..].chars().all(|ch| ch.is_ascii_hexdigit());
        if !colour_ok {
            c.error_at(
                &fa.colour,
                0,
                format!("colour \"{}\" is not #rrggbb", fa.colour),
                "write it like \"#b22222\"".into(),
            );
        }
    }

    // Units.
    for (i, u) in f.units.iter().enumerate() {
        c.enter_own("units", i);
        c.place_ref(&u.location, false);
        c.kind_refs(std::slice::from_ref(&u.kind));
        if !(-100..=100).contains(&u.loyalty) {
            // Searched within the unit's own item, so this is its `loyalty` field.
            c.error_at(
                "loyalty",
                0,
                format!("unit \"{}\" has loyalty {}, outside -100..=100", u.id, u.loyalty),
                "loyalty runs from -100 (the Government's) to 100 (the MRC's)".into(),
            );
        }
        if !(1..=5).contains(&u.quality) {
            c.error_at(
                &format!("\"{}\"", u.id),
                0,
                format!("unit \"{}\" has quality {}", u.id, u.quality),
                "quality runs from 1 to 5".into(),
            );
        }
        if let Some(a) = &u.arrives {
            c.place_ref(&a.place, false);
            if let Some(v) = &a.via {
                c.place_ref(v, false);
            }
        }
    }

    // Actions.
    for (i, a) in f.actions.iter().enumerate() {
        c.enter("actions", origins.actions[i]);
        c.action(a, Some(f), matches!(origins.actions[i], Origin::Rules(_)), &mut flags_used);
    }

    // Events.
    for (i, e) in f.events.iter().enumerate() {
        c.enter_own("events", i);
        match &e.trigger {
            Trigger::Start => {}
            Trigger::At(t) => {
                if *t < f.clock.start || *t >= f.clock.end {
                    c.warn_at(
                        &format!("\"{}\"", e.id),
                        format!(
                            "event \"{}\" is set for {t}, outside the clock ({} to {}), so it can never fire",
                            e.id, f.clock.start, f.clock.end
                        ),
                        "move the time inside the clock, or remove the event".into(),
                    );
                }
            }
            Trigger::When(cond) => c.condition(cond, false, &mut flags_used),
            Trigger::AfterAction(id) => {
                if !c.actions.contains(&id.as_str()) {
                    let known = c.actions.clone();
                    c.unknown("action", id, &known);
                }
            }
        }
        c.condition(&e.condition, false, &mut flags_used);
        for eff in &e.effects {
            c.effect(eff, false);
        }
        c.chance(e.chance, &format!("\"{}\"", e.id));
        if let Some(p) = &e.place {
            c.place_ref(p, false);
        }
        if e.historical && e.sources.is_empty() {
            c.warn_at(
                &format!("\"{}\"", e.id),
                format!("historical event \"{}\" cites no source", e.id),
                "add `sources: [..]` with the reference numbers".into(),
            );
        }
        if !f.sources.is_empty() {
            for s in &e.sources {
                if !f.sources.iter().any(|x| x.id == *s) {
                    c.warn_at(
                        &format!("\"{}\"", e.id),
                        format!("event \"{}\" cites source [{s}], which `sources` does not list", e.id),
                        "add it to the scenario's `sources`".into(),
                    );
                }
            }
        }
    }

    // Victory.
    for (i, v) in f.victory.conditions.iter().enumerate() {
        c.enter_own("victory.conditions", i);
        c.condition(&v.when, false, &mut flags_used);
    }
    // After the actions and events, every flag that can be set is known.
    for (i, v) in f.victory.conditions.iter().enumerate() {
        c.enter_own("victory.conditions", i);
        if let Some(why) = never_met(&v.when, &c.flags_set) {
            c.error_at(
                "when",
                0,
                format!("the victory condition for {:?} can never be met: {why}", v.winner),
                "change `when` so that play can reach it".into(),
            );
        }
    }
    for (i, k) in f.victory.history.iter().enumerate() {
        c.enter_own("victory.history", i);
        c.place_ref(&k.place, false);
    }
    c.leave();
    if f.victory.conditions.is_empty() {
        c.warn_at(
            "victory",
            "no victory condition: the game only ends with the clock".into(),
            "add a condition such as `(winner: Mrc, when: Flag(\"ministers_arrested\"), ...)`".into(),
        );
    }

    // Doctrine.
    for (i, d) in f.doctrine.iter().enumerate() {
        c.enter_own("doctrine", i);
        match f.actions.iter().find(|a| a.id == d.action) {
            None => {
                let known = c.actions.clone();
                c.unknown("action", &d.action, &known);
            }
            Some(a) => {
                if a.faction != d.faction {
                    c.error_at(
                        &format!("\"{}\"", d.action),
                        0,
                        format!(
                            "doctrine gives \"{}\" to {:?}, but the action belongs to {:?}",
                            d.action, d.faction, a.faction
                        ),
                        "give the order to the faction that owns the action".into(),
                    );
                }
            }
        }
        if let Some(a) = f.actions.iter().find(|a| a.id == d.action) {
            let (wants_place, wants_unit) = (a.target.names_place(), a.target.names_unit());
            if wants_place && d.place.is_none() {
                c.error_at(
                    &format!("\"{}\"", d.action),
                    0,
                    format!("the doctrine order for \"{}\" names no place, which the action needs", d.action),
                    "add `place: Some(\"...\")`".into(),
                );
            }
            if wants_unit && d.unit.is_none() {
                c.error_at(
                    &format!("\"{}\"", d.action),
                    0,
                    format!("the doctrine order for \"{}\" names no unit, which the action needs", d.action),
                    "add `unit: Some(\"...\")`".into(),
                );
            }
        }
        if let Some(p) = &d.place {
            c.place_ref(p, false);
        }
        if let Some(u) = &d.unit {
            c.unit_ref(u, false);
        }
    }

    variants(&mut c, f, origins);

    c.leave();
    // Flags read but never set can never be true.
    let set = c.flags_set.clone();
    for flag in flags_used {
        if !set.contains(&flag) {
            c.warn_at(
                &format!("\"{flag}\""),
                format!("flag \"{flag}\" is tested but no effect ever sets it"),
                match closest(&flag, &set.iter().map(|s| s.as_str()).collect::<Vec<_>>()) {
                    Some(s) => format!("did you mean \"{s}\"?"),
                    None => "add `SetFlag(\"...\")` to an action or event".into(),
                },
            );
        }
    }

    sorted(c.out, home.name)
}

/// Checks each variant: its changes must name items that exist, and the
/// scenario they make must be valid. Its problems are reported at the variant.
fn variants(c: &mut Checker, f: &ScenarioFile, origins: &Origins) {
    let ids: Vec<&str> = f.variants.iter().map(|v| v.id.as_str()).collect();
    c.duplicates("variant", "variants", &ids, &(0..ids.len()).map(Origin::Scenario).collect::<Vec<_>>());
    let before: Vec<String> = c.out.iter().map(|d| d.message.clone()).collect();
    for (i, v) in f.variants.iter().enumerate() {
        c.enter_own("variants", i);
        reserved_ids(c, [&v.id.as_str()]);
        for s in &v.sources {
            if !f.sources.is_empty() && !f.sources.iter().any(|x| x.id == *s) {
                c.warn_at(
                    &format!("\"{}\"", v.id),
                    format!("variant \"{}\" cites source [{s}], which `sources` does not list", v.id),
                    "add it to the scenario's `sources`".into(),
                );
            }
        }
        let mut patched = match super::variant::apply(f, v) {
            Ok(patched) => patched,
            Err(missing) => {
                c.error_at(
                    &format!("\"{}\"", missing.id),
                    0,
                    format!("variant \"{}\": {}", v.id, missing.message),
                    "check the id against the scenario's, or remove the change".into(),
                );
                continue;
            }
        };
        patched.variants.clear();
        let actions = (0..patched.actions.len())
            .map(|k| origins.actions.get(k).copied().unwrap_or(Origin::Scenario(k)))
            .collect();
        let patched_origins = Origins { unit_kinds: origins.unit_kinds.clone(), actions };
        for d in validate(c.home, c.shared, &patched_origins, &patched) {
            if d.severity == super::Severity::Error && !before.contains(&d.message) {
                c.error_at(&format!("\"{}\"", v.id), 0, format!("with variant \"{}\": {}", v.id, d.message), d.help);
            }
        }
    }
}

/// Every problem that a rules file shows on its own, before a scenario uses it.
pub fn validate_rules(source: Source, r: &RulesFile) -> Vec<Diagnostic> {
    let mut c = Checker {
        home: source,
        shared: None,
        here: source,
        scope: None,
        out: Vec::new(),
        places: Vec::new(),
        units: Vec::new(),
        actions: r.actions.iter().map(|a| a.id.as_str()).collect(),
        kinds: r.unit_kinds.iter().map(|k| k.id.as_str()).collect(),
        flags_set: BTreeSet::new(),
        rules_alone: true,
    };
    let origins = Origins::all_own(r.unit_kinds.len(), r.actions.len());
    let (actions, kinds) = (c.actions.clone(), c.kinds.clone());
    c.duplicates("action", "actions", &actions, &origins.actions);
    c.duplicates("unit kind", "unit_kinds", &kinds, &origins.unit_kinds);
    for (i, k) in r.unit_kinds.iter().enumerate() {
        c.enter_own("unit_kinds", i);
        reserved_ids(&mut c, [&k.id.as_str()]);
    }
    let mut flags_used = Vec::new();
    for (i, a) in r.actions.iter().enumerate() {
        c.enter_own("actions", i);
        reserved_ids(&mut c, [&a.id.as_str()]);
        c.action(a, None, false, &mut flags_used);
    }
    sorted(c.out, source.name)
}

/// Reports ids that are empty or start with `@`, within the item being checked.
fn reserved_ids<'b>(c: &mut Checker, ids: impl IntoIterator<Item = &'b &'b str>) {
    for id in ids {
        if id.starts_with('@') || id.is_empty() {
            c.error_at(
                &format!("\"{id}\""),
                0,
                format!("the id \"{id}\" is reserved or empty"),
                "ids start with a letter".into(),
            );
        }
    }
}

/// Problems in reading order: the scenario's first, then its rules file's.
fn sorted(mut out: Vec<Diagnostic>, home: &str) -> Vec<Diagnostic> {
    out.sort_by(|a, b| (a.file != home, a.line, a.column).cmp(&(b.file != home, b.line, b.column)));
    out.dedup();
    out
}

/// Why a condition can never be true, if it plainly cannot: `Never`, a flag that
/// nothing sets, both sides holding one place at once, or every branch of an
/// `Any` impossible. Conditions under `Not` are not judged.
fn never_met(c: &Condition, flags_set: &BTreeSet<String>) -> Option<String> {
    match c {
        Condition::Never => Some("it is `Never`".into()),
        Condition::Flag(f) if !flags_set.contains(f) => Some(format!("no action or event sets the flag \"{f}\"")),
        Condition::All(list) => list.iter().find_map(|c| never_met(c, flags_set)).or_else(|| {
            list.iter().find_map(|a| match a {
                Condition::Holds(s, p) => list.iter().find_map(|b| match b {
                    Condition::Holds(t, q) if q == p && t != s => Some(format!("both sides must hold \"{p}\" at once")),
                    _ => None,
                }),
                _ => None,
            })
        }),
        Condition::Any(list) if !list.is_empty() => {
            let whys: Option<Vec<String>> = list.iter().map(|c| never_met(c, flags_set)).collect();
            whys.map(|w| w.join("; "))
        }
        _ => None,
    }
}

/// Whether an action's data mentions a stand-in such as "@place".
fn mentions(a: &ActionSpec, stand_in: &str) -> bool {
    let mut found = false;
    a.ids(&mut |id, _| found |= *id == stand_in);
    found
}
