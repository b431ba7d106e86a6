//! The scenario file format: serde types that mirror the RON text one to one.
//!
//! Every struct denies unknown fields, so a misspelt field is an error with a
//! position instead of being silently ignored. `docs/modding.md`
//! documents each field; keep the two in step.

pub use super::id_ref::{IdKind, IdRef, Meant};
use crate::time::GameTime;
use serde::{Deserialize, Serialize};

/// A text in both of the game's languages.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LangText {
    pub en: String,
    pub es: String,
}

/// The languages the game speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Es,
}

impl Lang {
    /// One of two words or phrases, by language.
    pub fn pick<'a>(self, en: &'a str, es: &'a str) -> &'a str {
        if self == Lang::Es { es } else { en }
    }

    /// The system's language, if the game speaks it (Spanish), else English.
    pub fn from_system() -> Lang {
        match sys_locale::get_locale() {
            Some(l) if l.to_ascii_lowercase().starts_with("es") => Lang::Es,
            _ => Lang::En,
        }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if *self == Lang::Es { "es" } else { "en" })
    }
}

impl LangText {
    /// A text worded in each language by `words`.
    pub fn in_words(words: impl Fn(Lang) -> String) -> LangText {
        LangText { en: words(Lang::En), es: words(Lang::Es) }
    }

    /// The text in the given language.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Es => &self.es,
        }
    }
}

/// The two sides of the struggle.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Side {
    /// The Soviet's Military Revolutionary Committee.
    Mrc,
    /// The Provisional Government.
    Government,
}

impl Side {
    /// Both sides, in the order they resolve orders within a turn.
    pub const ALL: [Side; 2] = [Side::Government, Side::Mrc];

    /// The side's place in [`Side::ALL`], for tables with a slot per side.
    pub fn index(self) -> usize {
        match self {
            Side::Government => 0,
            Side::Mrc => 1,
        }
    }

    /// The other side.
    pub fn opponent(self) -> Side {
        match self {
            Side::Mrc => Side::Government,
            Side::Government => Side::Mrc,
        }
    }

    /// The id used in files and JSON.
    pub fn id(self) -> &'static str {
        match self {
            Side::Mrc => "mrc",
            Side::Government => "government",
        }
    }

    /// +1 for the MRC and -1 for the Government: the sign of loyalty toward this side.
    pub fn sign(self) -> i32 {
        match self {
            Side::Mrc => 1,
            Side::Government => -1,
        }
    }
}

/// A whole scenario file.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioFile {
    pub id: String,
    pub title: LangText,
    pub description: LangText,
    /// The work whose numbered references the events cite, for the
    /// handout's list of sources: what it is, and what it draws on.
    #[serde(default)]
    pub source_work: Option<LangText>,
    /// The references of that work the scenario may cite.
    #[serde(default)]
    pub sources: Vec<SourceRef>,
    pub clock: ClockSpec,
    #[serde(default)]
    pub rules: RulesSpec,
    /// A rules file to take unit kinds and actions from: a path relative to this
    /// file's folder, inside it. This file's own kinds and actions are added to
    /// them, and replace those with the same id.
    #[serde(default)]
    pub rules_file: Option<String>,
    /// Kinds of unit, beside those of the rules file.
    #[serde(default)]
    pub unit_kinds: Vec<UnitKindSpec>,
    pub map: MapSpec,
    pub factions: Vec<FactionSpec>,
    pub units: Vec<UnitSpec>,
    /// Actions, beside those of the rules file.
    #[serde(default)]
    pub actions: Vec<ActionSpec>,
    #[serde(default)]
    pub events: Vec<EventSpec>,
    pub victory: VictorySpec,
    #[serde(default)]
    pub doctrine: Vec<DoctrineOrder>,
    /// Questions for a class to discuss after playing, for the handout.
    #[serde(default)]
    pub questions: Vec<LangText>,
    /// "What if" variants: the scenario with some of its data changed.
    #[serde(default)]
    pub variants: Vec<VariantSpec>,
}

/// A "what if": the scenario with some of its data changed, to be played or
/// simulated beside the original.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VariantSpec {
    pub id: String,
    pub title: LangText,
    /// What is changed, and what happened in history instead.
    pub explanation: LangText,
    /// Reference numbers of the historical source behind the explanation.
    #[serde(default)]
    pub sources: Vec<u32>,
    /// Questions for a class to discuss about this variant, for the handout.
    #[serde(default)]
    pub questions: Vec<LangText>,
    /// The changes, applied in order to the scenario's data.
    pub changes: Vec<Change>,
}

/// One change a variant makes to the scenario's data. Items are found by id.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Change {
    /// Replaces the place with the same id.
    ReplacePlace(PlaceSpec),
    /// Replaces the unit with the same id.
    ReplaceUnit(UnitSpec),
    /// Adds a unit.
    AddUnit(UnitSpec),
    /// Replaces the action with the same id.
    ReplaceAction(ActionSpec),
    /// Adds an action.
    AddAction(ActionSpec),
    /// Replaces the event with the same id.
    ReplaceEvent(EventSpec),
    /// Adds an event.
    AddEvent(EventSpec),
    /// Removes an event.
    RemoveEvent(String),
    /// Adds a doctrine order.
    AddDoctrine(DoctrineOrder),
    /// Removes every doctrine order that matches all the fields given.
    RemoveDoctrine {
        #[serde(default)]
        action: Option<String>,
        #[serde(default)]
        unit: Option<String>,
        #[serde(default)]
        place: Option<String>,
    },
}

/// A rules file (`*.rules.ron`): unit kinds and actions that scenarios share.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulesFile {
    #[serde(default)]
    pub unit_kinds: Vec<UnitKindSpec>,
    #[serde(default)]
    pub actions: Vec<ActionSpec>,
}

/// A numbered reference of the historical source.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceRef {
    pub id: u32,
    /// What the reference supports: a note for the scenario's authors. (The
    /// handout lists where the game cites it, in the reader's language.)
    pub text: String,
}

/// When the scenario starts and ends, and how long a turn lasts.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClockSpec {
    pub start: GameTime,
    pub end: GameTime,
    pub turn_minutes: u32,
}

/// Numbers that tune the general rules.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RulesSpec {
    /// Percent of the gap to the average loyalty of the other units at the same place closed each turn.
    pub peer_pull_percent: i32,
    /// Loyalty points per turn by which units drift toward the side that holds more of the map's value.
    pub momentum_per_turn: i32,
    /// Loyalty at or beyond which a unit fights for a side (below it, the unit stands aside).
    pub commitment: i32,
    /// Most command points a faction can bank.
    pub max_command: i32,
    /// Hops a unit may move in one order, over links that are open.
    pub max_move_hops: u32,
}

impl Default for RulesSpec {
    fn default() -> Self {
        RulesSpec { peer_pull_percent: 5, momentum_per_turn: 1, commitment: 20, max_command: 12, max_move_hops: 4 }
    }
}

/// Places, the links between them, and the shapes of the water.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MapSpec {
    pub places: Vec<PlaceSpec>,
    pub links: Vec<(String, String)>,
    #[serde(default)]
    pub water: Vec<WaterShape>,
    #[serde(default)]
    pub attribution: String,
}

/// What kind of place a place is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PlaceKind {
    Bridge,
    Station,
    Building,
    Barracks,
    District,
    Anchorage,
    OffMap,
}

/// A place on the map.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceSpec {
    pub id: String,
    pub name: LangText,
    pub kind: PlaceKind,
    /// Metres east and north of the map origin.
    pub pos: (f32, f32),
    #[serde(default)]
    pub holder: Option<Side>,
    #[serde(default)]
    pub gives: Gives,
    /// Points toward victory and score for the side that holds it.
    #[serde(default)]
    pub value: i32,
    /// For bridges: raised at the start.
    #[serde(default)]
    pub raised: bool,
}

/// What holding a place gives its holder.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Gives {
    /// Command points per turn.
    pub command: i32,
    /// Funds per turn (thousands of roubles), for orders with a `funds_cost`.
    pub money: i32,
    /// Tags for players and the AI: a telephone or telegraph hub, a railway, the power supply,
    /// the seat of government. They carry no rule by themselves; put the effect in `command`.
    pub communications: bool,
    pub rail: bool,
    pub power: bool,
    pub seat_of_government: bool,
}

/// A line or area of water, in metres, for drawing.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WaterShape {
    pub name: String,
    pub kind: WaterKind,
    pub points: Vec<(f32, f32)>,
}

/// How a water shape is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum WaterKind {
    /// A closed area to fill.
    Area,
    /// A closed island inside an area.
    Island,
    /// A river bank or shore line.
    Bank,
    /// A canal's centre-line.
    Canal,
}

/// A side, its names, colours and command.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactionSpec {
    pub id: Side,
    pub name: LangText,
    /// `#rrggbb`.
    pub colour: String,
    /// The side's headquarters: while its lines are cut, the side loses `lines_cut_penalty` command each turn.
    pub headquarters: String,
    /// Command points each turn before places are counted.
    pub base_command: i32,
    /// Command lost each turn while the headquarters' lines are cut.
    #[serde(default)]
    pub lines_cut_penalty: i32,
    /// Command points at the start.
    #[serde(default)]
    pub start_command: i32,
    /// Funds at the start (thousands of roubles).
    #[serde(default)]
    pub start_funds: i32,
}

/// A kind of unit (regiment, sailors, cadets...), declared in a rules file or a
/// scenario. Actions name kinds in `unit_kinds`, and effects in `Kinds([...])`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitKindSpec {
    pub id: String,
    pub name: LangText,
    /// A body of leaders (a cabinet, a committee): the heuristic AI values arresting or
    /// withdrawing one above anything else.
    #[serde(default)]
    pub leadership: bool,
}

/// Whether a unit acts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Readiness {
    /// Loyal perhaps, but stays in barracks until roused.
    Passive,
    /// Acts on orders.
    Active,
}

/// A unit that comes from outside the city.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Arrival {
    pub at: GameTime,
    /// The place it enters the map at.
    pub place: String,
    /// A railway station it must come through; the arrival is held up while the other side holds it.
    #[serde(default)]
    pub via: Option<String>,
}

/// A unit of the garrison or from outside.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitSpec {
    pub id: String,
    pub name: LangText,
    /// A unit kind id.
    pub kind: String,
    /// Men.
    pub strength: u32,
    /// 1 (raw) to 5 (elite).
    pub quality: u32,
    /// -100 (the Government's) to +100 (the MRC's).
    pub loyalty: i32,
    pub readiness: Readiness,
    /// Where it stands at the start (units that arrive later enter at `arrives.place`).
    pub location: String,
    #[serde(default)]
    pub arrives: Option<Arrival>,
}

/// Who or what an order names.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum TargetSpec {
    /// Nothing: the action acts on fixed things.
    #[default]
    Nothing,
    /// A place.
    Place,
    /// A unit.
    Unit,
    /// A unit, sent to a place.
    UnitToPlace,
}

impl TargetSpec {
    /// Whether an order of this kind names a place.
    pub fn names_place(self) -> bool {
        matches!(self, TargetSpec::Place | TargetSpec::UnitToPlace)
    }

    /// Whether an order of this kind names a unit.
    pub fn names_unit(self) -> bool {
        matches!(self, TargetSpec::Unit | TargetSpec::UnitToPlace)
    }
}

/// An action a faction can order.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionSpec {
    pub id: String,
    pub faction: Side,
    pub name: LangText,
    /// Command points the order costs.
    #[serde(default)]
    pub cost: i32,
    /// Funds the order costs (thousands of roubles).
    #[serde(default)]
    pub funds_cost: i32,
    #[serde(default)]
    pub target: TargetSpec,
    /// Kinds of place the target place may be (empty: any).
    #[serde(default)]
    pub place_kinds: Vec<PlaceKind>,
    /// Kinds of unit the target unit may be, by id (empty: any).
    #[serde(default)]
    pub unit_kinds: Vec<String>,
    #[serde(default)]
    pub requires: Condition,
    pub chance: Chance,
    #[serde(default)]
    pub on_success: Vec<Effect>,
    #[serde(default)]
    pub on_failure: Vec<Effect>,
    pub success_text: LangText,
    pub failure_text: LangText,
    /// How much the heuristic AI values this action beyond its effects.
    #[serde(default)]
    pub ai_bias: i32,
}

impl ActionSpec {
    /// Calls `f` on every place and unit name in the action: its requirement,
    /// its chance modifiers and its effects.
    pub fn ids(&self, f: &mut impl FnMut(&IdRef, IdKind)) {
        self.requires.ids(f);
        self.chance.modifiers.iter().for_each(|m| m.ids(f));
        self.on_success.iter().chain(&self.on_failure).for_each(|e| e.ids(f));
    }

    /// Whether the order may be aimed at a place of this kind.
    pub fn admits_place(&self, kind: PlaceKind) -> bool {
        self.place_kinds.is_empty() || self.place_kinds.contains(&kind)
    }
}

/// A chance of success: a base value plus modifiers, kept within 0..=1.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Chance {
    pub base: f32,
    #[serde(default)]
    pub modifiers: Vec<Modifier>,
}

/// One term added to a chance.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum Modifier {
    /// Adds `add` when the condition holds.
    When(Condition, f32),
    /// Adds `weight × (own − other) / (own + other)`, counting the committed forces at a place.
    ForceBalance(IdRef, f32),
    /// Adds `weight × loyalty / 100` of the unit, counted toward the acting side.
    Loyalty(IdRef, f32),
}

/// How two numbers compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Cmp {
    AtLeast,
    AtMost,
}

/// A precondition: a tree of all/any/not over predicates.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub enum Condition {
    #[default]
    Always,
    Never,
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
    /// The side holds the place.
    Holds(Side, IdRef),
    /// The unit's loyalty toward the MRC (−100..100) compares with the value.
    Loyalty(IdRef, Cmp, i32),
    /// The flag is set.
    Flag(String),
    /// The time is at or after this moment.
    After(GameTime),
    /// The time is before this moment.
    Before(GameTime),
    /// The unit is on the map, free, at the place.
    UnitAt(IdRef, IdRef),
    /// The unit is on the map and free.
    Present(IdRef),
    /// The unit is active (roused).
    Active(IdRef),
    /// The bridge is raised.
    Raised(IdRef),
    /// The place's lines are cut.
    LinesCut(IdRef),
    /// The side's committed strength (men) at the place compares with the value.
    Force(Side, IdRef, Cmp, u32),
    /// The unit can reach the place over open links.
    CanReach(IdRef, IdRef),
    /// The two places are the same place or directly linked.
    Near(IdRef, IdRef),
}

impl Condition {
    /// Calls `f` on every place and unit name in the condition, its branches too.
    pub fn ids(&self, f: &mut impl FnMut(&IdRef, IdKind)) {
        use IdKind::{Place, Unit};
        match self {
            Condition::All(list) | Condition::Any(list) => list.iter().for_each(|c| c.ids(f)),
            Condition::Not(c) => c.ids(f),
            Condition::Holds(_, p) | Condition::Raised(p) | Condition::LinesCut(p) | Condition::Force(_, p, ..) => {
                f(p, Place)
            }
            Condition::Loyalty(u, ..) | Condition::Present(u) | Condition::Active(u) => f(u, Unit),
            Condition::UnitAt(u, p) | Condition::CanReach(u, p) => {
                f(u, Unit);
                f(p, Place);
            }
            Condition::Near(a, b) => {
                f(a, Place);
                f(b, Place);
            }
            Condition::Always | Condition::Never | Condition::Flag(_) | Condition::After(_) | Condition::Before(_) => {}
        }
    }

    /// The tests that must all hold: the branches of a top-level `All`, or
    /// the condition itself.
    pub fn conjuncts(&self) -> &[Condition] {
        match self {
            Condition::All(list) => list,
            c => std::slice::from_ref(c),
        }
    }

    /// Whether the condition, in any of its branches, names the order's place
    /// ("@place"), and whether it names the order's unit ("@unit").
    pub fn names_stand_ins(&self) -> (bool, bool) {
        let (mut place, mut unit) = (false, false);
        self.ids(&mut |id, kind| {
            let named = if kind == IdKind::Place { &mut place } else { &mut unit };
            *named |= *id == kind.stand_in();
        });
        (place, unit)
    }

    /// Whether the answer depends on the side giving the order: a route does,
    /// since a mover may not pass bridges the other side holds.
    pub fn reads_side(&self) -> bool {
        match self {
            Condition::CanReach(..) => true,
            Condition::All(list) | Condition::Any(list) => list.iter().any(Condition::reads_side),
            Condition::Not(x) => x.reads_side(),
            _ => false,
        }
    }

    /// Whether setting `flag` can make this condition true: it is the flag itself,
    /// or a branch of an all/any that mentions it.
    pub fn mentions_flag(&self, flag: &str) -> bool {
        match self {
            Condition::Flag(f) => f == flag,
            Condition::All(l) | Condition::Any(l) => l.iter().any(|c| c.mentions_flag(flag)),
            _ => false,
        }
    }
}

/// Which units an effect touches.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum Units {
    /// One unit.
    One(IdRef),
    /// Every unit at the place.
    At(IdRef),
    /// Every unit of these kinds (unit kind ids).
    Kinds(Vec<String>),
}

/// What an order or an event does.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum Effect {
    /// Changes loyalty (positive: toward the MRC).
    Loyalty(Units, i32),
    /// Changes loyalty toward the given side.
    LoyaltyToward(Units, Side, i32),
    /// Gives the place to the side.
    Control(IdRef, Side),
    /// Gives the place to nobody.
    Neutral(IdRef),
    /// Moves the unit to the place.
    Move(IdRef, IdRef),
    /// Raises the bridge, cutting its links.
    Raise(IdRef),
    /// Lowers the bridge.
    Lower(IdRef),
    /// Cuts the place's lines.
    CutLines(IdRef),
    /// Restores the place's lines.
    RestoreLines(IdRef),
    SetFlag(String),
    ClearFlag(String),
    /// Brings the unit onto the map now, at its arrival place.
    BringIn(IdRef),
    /// Takes the unit off the map.
    Withdraw(IdRef),
    /// Arrests the unit: it leaves play for good.
    Arrest(IdRef),
    /// Rouses a passive unit.
    Rouse(IdRef),
    /// Makes a unit passive again.
    Stand(IdRef),
    /// Delays a unit that has not arrived yet, by minutes.
    Delay(IdRef, u32),
    /// Men lost by a unit (recorded as casualties).
    Casualties(IdRef, u32),
    /// Changes a side's command points.
    Command(Side, i32),
    /// Adds a line to the chronicle.
    Chronicle(LangText),
}

impl Effect {
    /// Calls `f` on every place and unit name in the effect.
    pub fn ids(&self, f: &mut impl FnMut(&IdRef, IdKind)) {
        use IdKind::{Place, Unit};
        match self {
            Effect::Loyalty(units, _) | Effect::LoyaltyToward(units, ..) => match units {
                Units::One(u) => f(u, Unit),
                Units::At(p) => f(p, Place),
                Units::Kinds(_) => {}
            },
            Effect::Control(p, _)
            | Effect::Neutral(p)
            | Effect::Raise(p)
            | Effect::Lower(p)
            | Effect::CutLines(p)
            | Effect::RestoreLines(p) => f(p, Place),
            Effect::Move(u, p) => {
                f(u, Unit);
                f(p, Place);
            }
            Effect::BringIn(u)
            | Effect::Withdraw(u)
            | Effect::Arrest(u)
            | Effect::Rouse(u)
            | Effect::Stand(u)
            | Effect::Delay(u, _)
            | Effect::Casualties(u, _) => f(u, Unit),
            Effect::SetFlag(_) | Effect::ClearFlag(_) | Effect::Command(..) | Effect::Chronicle(_) => {}
        }
    }
}

impl Modifier {
    /// Calls `f` on every place and unit name in the modifier.
    pub fn ids(&self, f: &mut impl FnMut(&IdRef, IdKind)) {
        match self {
            Modifier::When(c, _) => c.ids(f),
            Modifier::ForceBalance(p, _) => f(p, IdKind::Place),
            Modifier::Loyalty(u, _) => f(u, IdKind::Unit),
        }
    }
}

/// What sets off an event.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum Trigger {
    /// When the game begins, before the first orders.
    Start,
    /// At a moment (in the turn that contains it).
    At(GameTime),
    /// At the end of any turn in which the condition holds.
    When(Condition),
    /// Right after an order of this action succeeds.
    AfterAction(String),
}

/// A scenario event.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventSpec {
    pub id: String,
    pub trigger: Trigger,
    /// Checked when the trigger fires; the event does nothing if it does not hold.
    #[serde(default)]
    pub condition: Condition,
    #[serde(default)]
    pub repeat: bool,
    #[serde(default = "one")]
    pub chance: f32,
    #[serde(default)]
    pub effects: Vec<Effect>,
    pub text: LangText,
    /// The place the event is about, for the map and the chronicle.
    #[serde(default)]
    pub place: Option<String>,
    /// The side whose doing this was, if any.
    #[serde(default)]
    pub faction: Option<Side>,
    /// Reference numbers of the historical source.
    #[serde(default)]
    pub sources: Vec<u32>,
    #[serde(default)]
    pub historical: bool,
}

fn one() -> f32 {
    1.0
}

/// How the game is won and scored.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VictorySpec {
    pub conditions: Vec<VictoryCondition>,
    /// At the end of the clock, a side that holds this much more place value than the other wins; otherwise a draw.
    pub end_margin: i32,
    /// When the key places fell in history, to compare with the game.
    #[serde(default)]
    pub history: Vec<KeyMoment>,
}

/// A condition that ends the game at once.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VictoryCondition {
    pub winner: Side,
    pub when: Condition,
    pub text: LangText,
}

/// A place that changed hands in history, and when.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyMoment {
    pub place: String,
    pub side: Side,
    pub at: GameTime,
}

/// An order a side gave in history, for the historical AI.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DoctrineOrder {
    pub faction: Side,
    /// Not before this moment.
    pub at: GameTime,
    pub action: String,
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub unit: Option<String>,
    /// Minutes after `at` during which the AI keeps trying when the order is impossible.
    #[serde(default = "default_patience")]
    pub patience: u32,
}

fn default_patience() -> u32 {
    120
}

/// The stand-ins that an action's conditions and effects use for its order's targets.
pub mod schema_stand_ins {
    /// The order's place.
    pub const PLACE: &str = "@place";
    /// The order's unit.
    pub const UNIT: &str = "@unit";
}
