//! The game screen: the clock and command at the top, orders for the selected
//! place on the left, the chronicle on the right, the map in the middle. Ending
//! the turn lets the AI give its orders, then the turn resolves.

use super::map;
use super::{Screen, Session, Settings};
use crate::chronicle;
use crate::chronicle::faction_name;
use crate::scenario::{Lang, LangText, PlaceKind, Side, TargetSpec};
use crate::sim::{self, Happening, Order, facts, orders};
use crate::tr;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, play_ui.run_if(in_state(Screen::Play)));
}

/// Ends the turn of the side at the keyboard: the AI or the next player gives
/// orders, and when every side has, the turn resolves.
pub(super) fn end_turn(session: &mut Session) {
    session.briefing = false;
    let others: Vec<Side> = Side::ALL.into_iter().filter(|s| !session.humans.contains(s)).collect();
    if session.humans.len() == 2 && session.giving == session.humans[0] {
        // Hot-seat: the second player's turn, behind the curtain.
        session.giving = session.humans[1];
        session.curtain = Some(session.giving);
        session.selected = None;
        return;
    }
    for side in others {
        session.game.ai_orders(side);
    }
    session.resolve_turn(false);
    if session.humans.len() == 2 {
        session.giving = session.humans[0];
        session.curtain = Some(session.giving);
        session.selected = None;
    }
}

fn play_ui(
    mut contexts: EguiContexts,
    mut session: ResMut<Session>,
    settings: Res<Settings>,
    mut files: ResMut<super::files::Files>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let lang = settings.lang;
    let session = &mut *session;
    if sim::is_over(&session.game.world) && session.notices.is_empty() {
        next.set(Screen::Over);
    }

    if let Some(side) = session.curtain {
        // A neutral screen, so that neither player sees the other's orders.
        ctx.layer_painter(egui::LayerId::background()).rect_filled(
            ctx.viewport_rect(),
            0.0,
            egui::Color32::from_gray(40),
        );
        egui::Area::new("curtain".into()).anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0]).show(ctx, |ui| {
            ui.vertical_centered(|ui| {
                ui.heading(tr!(lang, "play-pass-keyboard", faction = faction_name(&session.scenario, side, lang)));
                if ui.button(tr!(lang, "play-ready")).clicked() {
                    session.curtain = None;
                }
            });
        });
        return Ok(());
    }

    let enter = ctx.input(|i| i.key_pressed(egui::Key::Enter));
    let escape = ctx.input(|i| i.key_pressed(egui::Key::Escape));
    if escape {
        session.paused_menu = !session.paused_menu;
    }

    let mut root = egui::Ui::new(
        ctx.clone(),
        "play".into(),
        egui::UiBuilder::new().layer_id(egui::LayerId::background()).max_rect(ctx.viewport_rect()),
    );
    top_bar(&mut root, session, lang, enter);
    let watching = session.humans.is_empty();
    if watching {
        // Watching, the narration tells the story on the right, with the place
        // selected beneath it, so the map keeps the window's whole height.
        // (Below the map, the narration left it a wide, short strip, in which
        // the city was drawn at half this size.)
        let (least, share) = if settings.projector { (300.0, 0.42) } else { (260.0, 0.38) };
        let width = (root.available_width() * share).max(least);
        egui::Panel::right("narration").resizable(true).min_size(least).default_size(width).show(&mut root, |ui| {
            let place_height = ui.available_height() * 0.3;
            egui::Panel::bottom("watched place").resizable(true).default_size(place_height).show(ui, |ui| {
                // Filling the panel, so that a place with little to say does not shrink it.
                let scroll = egui::ScrollArea::vertical().auto_shrink(false);
                scroll.show(ui, |ui| orders_panel(ui, session, &mut files, lang));
            });
            super::playback::narration(ui, session, &settings);
        });
    } else {
        egui::Panel::left("orders").resizable(true).default_size(330.0).show(&mut root, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| orders_panel(ui, session, &mut files, lang));
        });
        egui::Panel::right("chronicle")
            .resizable(true)
            .default_size(360.0)
            .show(&mut root, |ui| chronicle_panel(ui, session, lang));
    }
    egui::CentralPanel::default().show(&mut root, |ui| {
        let view = session.view.insert(map::View::for_panel(session.view, &session.scenario, ui.available_size()));
        let input = map::show(
            ui,
            &session.game.world,
            &session.water,
            view,
            session.selected,
            &mut session.recent,
            !watching,
            lang,
        );
        if let Some(p) = input.clicked_place {
            session.selected = Some(p);
        }
    });

    briefing_window(ctx, session, lang);
    notices_window(ctx, session, lang);
    if session.paused_menu {
        egui::Window::new(tr!(lang, "play-paused"))
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .collapsible(false)
            .show(ctx, |ui| {
                if ui.button(tr!(lang, "play-resume")).clicked() {
                    session.paused_menu = false;
                }
                if ui.button(tr!(lang, "files-save")).clicked() {
                    files.message = Some(super::files::quick_save(session, lang));
                }
                if ui.button(tr!(lang, "files-load")).clicked() {
                    files.open = Some(super::files::Listing::Saves);
                    session.paused_menu = false;
                }
                if ui.button(tr!(lang, "play-quit")).clicked() {
                    next.set(Screen::Title);
                }
            });
    }
    Ok(())
}

fn top_bar(root: &mut egui::Ui, session: &mut Session, lang: Lang, enter: bool) {
    egui::Panel::top("clock").show(root, |ui| {
        ui.horizontal(|ui| {
            let world = &session.game.world;
            let clock = *world.resource::<sim::Clock>();
            let (j, g) = (clock.now.julian(), clock.now.gregorian());
            ui.heading(tr!(
                lang,
                "play-clock",
                day = j.day,
                month = chronicle::month_name(j.month, lang),
                time = format!("{:02}:{:02}", j.hour, j.minute)
            ));
            ui.label(tr!(lang, "play-gregorian", day = g.day, month = chronicle::month_name(g.month, lang)));
            ui.separator();
            ui.label(tr!(lang, "play-turn-of", turn = clock.turn, total = session.scenario.total_turns()));
        });
        ui.horizontal(|ui| {
            let world = &session.game.world;
            for side in Side::ALL {
                let (command, funds) = sim::purse_left(world, side);
                ui.label(tr!(
                    lang,
                    "play-side-means",
                    faction = faction_name(&session.scenario, side, lang),
                    command = command,
                    funds = funds
                ));
            }
            if !session.humans.is_empty() {
                ui.separator();
                ui.label(tr!(lang, "play-orders-of", faction = faction_name(&session.scenario, session.giving, lang)));
                let button = egui::Button::new(tr!(lang, "play-end-turn"));
                if ui.add_enabled(!sim::is_over(world), button).clicked() || enter {
                    end_turn(session);
                }
            }
        });
        if session.humans.is_empty() {
            ui.horizontal(|ui| super::playback::controls(ui, session, lang));
        }
    });
}

/// A possible order for the selected place, checked.
pub(super) struct Offer {
    pub order: Order,
    pub label: String,
    pub verdict: Result<f32, LangText>,
}

impl Offer {
    /// The order, checked now against the orders already given: its chance, or why it cannot be given.
    fn checked(world: &World, order: Order, label: String) -> Offer {
        let verdict = match sim::can_submit(world, &order) {
            Ok(checked) => Ok(orders::chance(world, &checked)),
            Err(r) => Err(r.0),
        };
        Offer { order, label, verdict }
    }
}

/// The orders the giving side could give at a place, checked. An order that
/// sends a unit there is offered once for each unit that could go, best chance
/// first, so that the player chooses who goes; when none could, once, greyed
/// with the reason.
pub(super) fn offers(session: &Session, place: usize, lang: Lang) -> Vec<Offer> {
    let world = &session.game.world;
    let sc = &session.scenario;
    let side = session.giving;
    let here = &sc.file.map.places[place];
    let mut out = Vec::new();
    for (action, spec) in sc.file.actions.iter().enumerate().filter(|(_, s)| s.faction == side) {
        let kind_ok = spec.admits_place(here.kind);
        let name = spec.name.get(lang);
        let kind_fits = |u: usize| sc.unit_fits(action, u);
        let with_unit = |order: Order, u: usize| {
            Offer::checked(
                world,
                order.with(&sc.file.units[u].id),
                format!("{name}: {}", sc.file.units[u].name.get(lang)),
            )
        };
        match spec.target {
            TargetSpec::Place if kind_ok => {
                out.push(Offer::checked(world, Order::new(&spec.id, side).at(&here.id), name.to_string()))
            }
            TargetSpec::UnitToPlace if kind_ok => {
                let movers = (0..sc.file.units.len())
                    .filter(|u| facts::on_map(world, *u) && facts::committed(world, *u, side) && kind_fits(*u));
                let checked: Vec<Offer> =
                    movers.map(|u| with_unit(Order::new(&spec.id, side).at(&here.id), u)).collect();
                let (mut possible, refused): (Vec<Offer>, Vec<Offer>) =
                    checked.into_iter().partition(|o| o.verdict.is_ok());
                if possible.is_empty() {
                    // The telling reason: that of a unit the rules allow (so only the cost
                    // stands in the way), else the first unit's.
                    let allowed = refused.iter().position(|o| orders::allowed(world, &o.order).is_some());
                    out.extend(refused.into_iter().nth(allowed.unwrap_or(0)));
                } else {
                    // Stable: units of equal chance keep the scenario's order.
                    let chance = |o: &Offer| o.verdict.as_ref().map(|p| *p).unwrap_or(0.0);
                    possible.sort_by(|a, b| chance(b).total_cmp(&chance(a)));
                    out.extend(possible);
                }
            }
            TargetSpec::Unit => {
                for u in facts::units_at(world, place).into_iter().filter(|u| kind_fits(*u)) {
                    out.push(with_unit(Order::new(&spec.id, side), u));
                }
            }
            _ => {}
        }
    }
    out
}

fn offer_row(ui: &mut egui::Ui, session: &mut Session, offer: Offer, lang: Lang) {
    let sc = session.scenario.clone();
    let cost = sc.action(&offer.order.action).map(|a| sc.file.actions[a].cost).unwrap_or(0);
    match offer.verdict {
        Ok(p) => {
            let chance = format!("{:.0}", p * 100.0);
            let text = tr!(lang, "play-offer-chance", label = offer.label, cost = cost, chance = chance);
            if ui.button(text).clicked()
                && let Err(r) = sim::submit(&mut session.game.world, offer.order)
            {
                session.notices.clear();
                ui.label(r.0.get(lang));
            }
        }
        Err(reason) => {
            ui.add_enabled(false, egui::Button::new(tr!(lang, "play-offer-cost", label = offer.label, cost = cost)))
                .on_disabled_hover_text(reason.get(lang));
            ui.label(egui::RichText::new(reason.get(lang)).small().weak());
        }
    }
}

fn orders_panel(ui: &mut egui::Ui, session: &mut Session, files: &mut super::files::Files, lang: Lang) {
    let sc = session.scenario.clone();
    let world = &session.game.world;
    match session.selected {
        None => {
            // Watching, nobody gives orders: a click only shows the place.
            let hint = if session.humans.is_empty() {
                tr!(lang, "play-click-a-place-to-see")
            } else {
                tr!(lang, "play-click-a-place")
            };
            ui.label(hint);
        }
        Some(p) => {
            let place = &sc.file.map.places[p];
            ui.heading(place.name.get(lang));
            let holder = facts::holder(world, p)
                .map(|s| faction_name(&session.scenario, s, lang))
                .unwrap_or_else(|| tr!(lang, "play-nobody"));
            ui.label(tr!(lang, "play-held-by", holder = holder));
            let g = &place.gives;
            let mut gives = Vec::new();
            if g.command != 0 {
                gives.push(tr!(lang, "play-gives-command", command = g.command));
            }
            if g.money != 0 {
                gives.push(tr!(lang, "play-gives-money", money = g.money));
            }
            if g.communications {
                gives.push(tr!(lang, "play-gives-communications"));
            }
            if g.rail {
                gives.push(tr!(lang, "play-gives-railway"));
            }
            if g.power {
                gives.push(tr!(lang, "play-gives-power"));
            }
            if g.seat_of_government {
                gives.push(tr!(lang, "play-gives-seat-of-government"));
            }
            if !gives.is_empty() {
                ui.label(tr!(lang, "play-gives", gives = gives.join(", ")));
            }
            if place.kind == PlaceKind::Bridge && facts::raised(world, p) {
                ui.colored_label(egui::Color32::from_rgb(190, 60, 40), tr!(lang, "play-bridge-raised"));
            }
            if facts::lines_cut(world, p) {
                ui.colored_label(egui::Color32::from_rgb(190, 60, 40), tr!(lang, "play-lines-cut"));
            }
            ui.separator();
            ui.strong(tr!(lang, "play-garrison"));
            for u in facts::units_at(world, p) {
                let spec = &sc.file.units[u];
                let ready =
                    if facts::active(world, u) { tr!(lang, "play-unit-ready") } else { tr!(lang, "play-unit-passive") };
                ui.label(tr!(
                    lang,
                    "play-unit",
                    name = spec.name.get(lang),
                    kind = sc.kind_of(u).name.get(lang).to_lowercase(),
                    strength = facts::strength(world, u),
                    loyalty = facts::loyalty(world, u),
                    ready = ready
                ));
                let recent: Vec<String> = session
                    .game
                    .log()
                    .iter()
                    .rev()
                    .filter(|e| e.unit == Some(u) && matches!(e.what, Happening::Loyalty { .. }))
                    .take(2)
                    .map(|e| format!("{} {}", e.time.clock(), chronicle::entry(&sc, e, lang).text))
                    .collect();
                for r in recent {
                    ui.label(egui::RichText::new(r).small().weak());
                }
            }
            if session.humans.contains(&session.giving) && !sim::is_over(world) {
                ui.separator();
                ui.strong(tr!(lang, "play-orders-here"));
                for offer in offers(session, p, lang) {
                    offer_row(ui, session, offer, lang);
                }
            }
        }
    }
    if session.humans.contains(&session.giving) && !sim::is_over(&session.game.world) {
        ui.separator();
        ui.strong(tr!(lang, "play-general-orders"));
        let side = session.giving;
        let general: Vec<Offer> = sc
            .file
            .actions
            .iter()
            .filter(|a| a.faction == side && a.target == TargetSpec::Nothing)
            .map(|a| Offer::checked(&session.game.world, Order::new(&a.id, side), a.name.get(lang).to_string()))
            .collect();
        for offer in general {
            offer_row(ui, session, offer, lang);
        }
        ui.separator();
        ui.horizontal(|ui| {
            ui.strong(tr!(lang, "play-orders-this-turn"));
            let world = &session.game.world;
            let can_undo = world.resource::<sim::PendingOrders>().0.iter().any(|o| o.faction == side);
            if ui.add_enabled(can_undo, egui::Button::new(tr!(lang, "files-undo")).small()).clicked() {
                super::files::undo(session, files, lang);
            }
            let can_redo = sim::can_redo(&session.game.world, side);
            if ui.add_enabled(can_redo, egui::Button::new(tr!(lang, "files-redo")).small()).clicked() {
                super::files::redo(session, files, lang);
            }
        });
        let pending: Vec<(usize, Order)> = session
            .game
            .world
            .resource::<sim::PendingOrders>()
            .0
            .iter()
            .cloned()
            .enumerate()
            .filter(|(_, o)| o.faction == side)
            .collect();
        if pending.is_empty() {
            ui.label(tr!(lang, "play-no-orders-yet"));
        }
        // An AI that gave nothing last turn says so, rather than seem asleep.
        if let Some(last) = session.game.world.resource::<sim::OrdersGiven>().0.last() {
            for other in Side::ALL.into_iter().filter(|s| !session.humans.contains(s)) {
                if !last.orders.iter().any(|o| o.faction == other) {
                    ui.weak(tr!(lang, "play-ai-gave-nothing", side = faction_name(&sc, other, lang)));
                }
            }
        }
        for (i, o) in pending {
            ui.horizontal(|ui| {
                if ui.small_button("✖").on_hover_text(tr!(lang, "play-cancel-order")).clicked() {
                    sim::withdraw_order(&mut session.game.world, i);
                }
                let name =
                    sc.action(&o.action).map(|a| sc.file.actions[a].name.get(lang).to_string()).unwrap_or_default();
                let target = [
                    o.place
                        .as_deref()
                        .and_then(|p| sc.place(p))
                        .map(|p| sc.file.map.places[p].name.get(lang).to_string()),
                    o.unit.as_deref().and_then(|u| sc.unit(u)).map(|u| sc.file.units[u].name.get(lang).to_string()),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", ");
                ui.label(format!("{name} {target}"));
            });
        }
    }
}

fn chronicle_panel(ui: &mut egui::Ui, session: &mut Session, lang: Lang) {
    ui.heading(tr!(lang, "play-chronicle"));
    let (mrc, gov) =
        (faction_name(&session.scenario, Side::Mrc, lang), faction_name(&session.scenario, Side::Government, lang));
    ui.horizontal(|ui| {
        ui.selectable_value(&mut session.filter_side, None, tr!(lang, "play-chronicle-all"));
        ui.selectable_value(&mut session.filter_side, Some(Side::Mrc), mrc);
        ui.selectable_value(&mut session.filter_side, Some(Side::Government), gov);
    });
    ui.checkbox(&mut session.filter_selected, tr!(lang, "play-chronicle-selected-only"));
    ui.separator();
    let sc = session.scenario.clone();
    let mut jump = None;
    egui::ScrollArea::vertical().stick_to_bottom(true).show(ui, |ui| {
        for e in session.game.log().iter().filter(|e| chronicle::is_told(&e.what)) {
            if session.filter_side.is_some() && e.faction != session.filter_side {
                continue;
            }
            if session.filter_selected && (session.selected.is_none() || e.place != session.selected) {
                continue;
            }
            let entry = chronicle::entry(&sc, e, lang);
            let refs = chronicle::cite(&entry.sources);
            let text = format!("{} {} {refs}", e.time.clock(), entry.text);
            let label = egui::Label::new(text).sense(egui::Sense::click());
            if ui.add(label).on_hover_text(tr!(lang, "play-chronicle-show-on-map")).clicked() {
                jump = e.place;
            }
        }
    });
    if let Some(p) = jump {
        session.selected = Some(p);
        if let Some(view) = &mut session.view {
            view.centre = sc.file.map.places[p].pos;
        }
    }
}

/// The scenario's description, before the first order: what is at stake (and,
/// in the tutorial, the first lesson). Not shown when watching the AI play.
fn briefing_window(ctx: &egui::Context, session: &mut Session, lang: Lang) {
    if !session.briefing || session.humans.is_empty() || session.curtain.is_some() {
        return;
    }
    let sc = session.scenario.clone();
    let mut open = true;
    egui::Window::new(sc.file.title.get(lang))
        .anchor(egui::Align2::CENTER_TOP, [0.0, 60.0])
        .collapsible(false)
        .default_width(520.0)
        .open(&mut open)
        .show(ctx, |ui| {
            ui.label(sc.file.description.get(lang));
            ui.add_space(6.0);
            if ui.button(tr!(lang, "play-begin")).clicked() {
                session.briefing = false;
            }
        });
    if !open {
        session.briefing = false;
    }
}

fn notices_window(ctx: &egui::Context, session: &mut Session, lang: Lang) {
    if session.notices.is_empty() {
        return;
    }
    let sc = session.scenario.clone();
    let mut open = true;
    egui::Window::new(tr!(lang, "play-meanwhile"))
        .anchor(egui::Align2::CENTER_TOP, [0.0, 60.0])
        .collapsible(false)
        .default_width(520.0)
        .open(&mut open)
        .show(ctx, |ui| {
            egui::ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
                for &i in &session.notices {
                    let e = &session.game.log()[i];
                    let entry = chronicle::entry(&sc, e, lang);
                    let refs = chronicle::cite(&entry.sources);
                    ui.label(egui::RichText::new(entry.heading(&e.time.clock())).strong());
                    ui.label(format!("{} {refs}", entry.text));
                    ui.add_space(6.0);
                }
            });
            if ui.button("OK").clicked() {
                session.notices.clear();
            }
        });
    if !open {
        session.notices.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::{Seat, Settings};

    fn session(seat: Seat) -> Session {
        let settings = Settings { seat, ..Settings::default() };
        Session::new(crate::testing::historical(), &settings)
    }

    fn turn(s: &Session) -> u32 {
        s.game.world.resource::<sim::Clock>().turn
    }

    #[test]
    fn hot_seat_hands_over_behind_a_curtain_before_the_turn_resolves() {
        let mut s = session(Seat::HotSeat);
        assert_eq!((s.giving, s.curtain), (Side::Government, Some(Side::Government)));
        s.curtain = None;
        end_turn(&mut s);
        assert_eq!((s.giving, s.curtain, turn(&s)), (Side::Mrc, Some(Side::Mrc), 1), "the MRC plays next, same turn");
        s.curtain = None;
        end_turn(&mut s);
        assert_eq!((s.giving, s.curtain, turn(&s)), (Side::Government, Some(Side::Government), 2));
    }

    #[test]
    fn against_the_ai_the_turn_resolves_at_once_and_events_pop_up() {
        let mut s = session(Seat::Mrc);
        assert_eq!(s.curtain, None);
        end_turn(&mut s);
        assert_eq!(turn(&s), 2);
        assert!(!s.notices.is_empty(), "the first turn has scenario events to show");
        assert!(s.notices.iter().all(|i| matches!(s.game.log()[*i].what, Happening::Event { .. })));
    }

    #[test]
    fn offers_are_checked_with_chances_or_reasons() {
        let s = session(Seat::Mrc);
        let smolny = s.scenario.place("smolny").unwrap();
        let list = offers(&s, smolny, Lang::En);
        assert!(!list.is_empty());
        assert!(list.iter().all(|o| match &o.verdict {
            Ok(p) => (0.0..=1.0).contains(p),
            Err(reason) => !reason.en.is_empty() && !reason.es.is_empty(),
        }));
    }

    #[test]
    fn offers_count_the_command_already_spent_this_turn() {
        let mut s = session(Seat::Mrc);
        let smolny = s.scenario.place("smolny").unwrap();
        // Give the offered orders one by one until the command runs out.
        while let Some(offer) = offers(&s, smolny, Lang::En).into_iter().find(|o| o.verdict.is_ok()) {
            sim::submit(&mut s.game.world, offer.order).expect("an order offered as possible is accepted");
        }
        let left = sim::command_left(&s.game.world, Side::Mrc);
        let list = offers(&s, smolny, Lang::En);
        assert!(
            list.iter().any(|o| o.verdict.as_ref().is_err_and(|r| r.en.starts_with("not enough command"))),
            "with {left} command left, some offer says the command is spent"
        );
    }

    #[test]
    fn every_unit_that_could_go_is_offered_best_chance_first() {
        let s = session(Seat::Mrc);
        let mut choices = 0;
        for place in 0..s.scenario.file.map.places.len() {
            let list = offers(&s, place, Lang::En);
            for action in &s.scenario.file.actions {
                let possible: Vec<&Offer> =
                    list.iter().filter(|o| o.order.action == action.id && o.verdict.is_ok()).collect();
                let units: std::collections::BTreeSet<_> = possible.iter().map(|o| o.order.unit.clone()).collect();
                assert_eq!(units.len(), possible.len(), "each unit is offered once");
                let chances: Vec<f32> = possible.iter().map(|o| *o.verdict.as_ref().unwrap()).collect();
                assert!(chances.windows(2).all(|w| w[0] >= w[1]), "best chance first: {chances:?}");
                choices += (possible.len() > 1) as usize;
            }
        }
        assert!(choices > 0, "somewhere on turn 1 the MRC can choose between units");
    }
}
