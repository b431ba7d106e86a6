//! Watching a game play itself, as a teacher shows history to a class: play,
//! pause, a step forward or back, a timeline to jump to any turn, the speed,
//! and a narration panel with each event's time (Julian and Gregorian), place
//! and sources. Keys: space plays or pauses, the arrows step, Home goes back
//! to the start. Going back replays the game from its start with the same
//! seed, so the earlier state is exactly the one that was seen.

use super::idle::WakeUps;
use super::{Session, Settings};
use crate::chronicle;
use crate::scenario::Lang;
use crate::sim::{self, Happening};
use crate::tr;
use bevy::prelude::*;
use bevy_egui::egui;
use std::time::Duration;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, autoplay.run_if(in_state(super::Screen::Play)));
}

/// Plays the next turn when it is due, while playing.
fn autoplay(mut session: ResMut<Session>, time: Res<Time>, mut last: Local<f64>, mut wake_ups: ResMut<WakeUps>) {
    if !session.humans.is_empty() || !session.playing || sim::is_over(&session.game.world) {
        return;
    }
    // Five looks a turn (a turn is then at most a fifth late), at most 20 a second and at least 4.
    let look = Duration::from_secs_f32(session.seconds_per_turn / 5.0);
    wake_ups.every(look.clamp(Duration::from_millis(50), Duration::from_millis(250)));
    if let Some(played) = turn_due(*last, time.elapsed_secs_f64(), session.seconds_per_turn as f64) {
        *last = played;
        step_forward(&mut session);
    }
}

/// When the game plays a turn every `every` seconds and last played one at
/// `last`, whether one is due at `now`, and then when it counts as played: a
/// turn after the last was due, not when the frame that plays it came (frames
/// come a little late, and the turns would drift), unless play was paused.
fn turn_due(last: f64, now: f64, every: f64) -> Option<f64> {
    (now - last >= every).then_some(if now - last < 2.0 * every { last + every } else { now })
}

/// The turn now being shown.
pub fn turn(session: &Session) -> u32 {
    session.game.world.resource::<sim::Clock>().turn
}

/// Plays one turn.
pub fn step_forward(session: &mut Session) {
    if !sim::is_over(&session.game.world) {
        session.resolve_turn(true);
        // The narration panel tells the story: no pop-ups.
        session.notices.clear();
        show_latest_place(session);
    }
}

/// Goes to the start of turn `target` (1 is the start of the game), by playing
/// the game again from its start with the same seed and players.
pub fn go_to_turn(session: &mut Session, target: u32) {
    session.game = session.game.restarted();
    let mut before = 0;
    while turn(session) < target && !sim::is_over(&session.game.world) {
        before = session.game.log().len();
        session.game.step();
    }
    session.note_turn(before);
    session.notices.clear();
    show_latest_place(session);
}

/// Selects the place of the latest narrated event, so the map shows it.
fn show_latest_place(session: &mut Session) {
    let log = session.game.log();
    if let Some(place) =
        log[session.narration_from..].iter().rev().find(|e| chronicle::is_told(&e.what)).and_then(|e| e.place)
    {
        session.selected = Some(place);
    }
}

/// The controls, in the top bar: start, back, play or pause, forward, the
/// timeline and the speed. The keys do the same.
pub fn controls(ui: &mut egui::Ui, session: &mut Session, lang: Lang) {
    let keys = ui.ctx().input(|i| {
        (
            i.key_pressed(egui::Key::Space),
            i.key_pressed(egui::Key::ArrowLeft),
            i.key_pressed(egui::Key::ArrowRight),
            i.key_pressed(egui::Key::Home),
        )
    });
    let over = sim::is_over(&session.game.world);
    let now = turn(session);
    if ui.button("⏮").on_hover_text(tr!(lang, "playback-to-start")).clicked() || keys.3 {
        session.playing = false;
        go_to_turn(session, 1);
    }
    if ui.add_enabled(now > 1, egui::Button::new("◀")).on_hover_text(tr!(lang, "playback-turn-back")).clicked()
        || (keys.1 && now > 1)
    {
        session.playing = false;
        go_to_turn(session, now - 1);
    }
    let label = if session.playing { tr!(lang, "playback-pause") } else { tr!(lang, "playback-play") };
    if ui.add_enabled(!over, egui::Button::new(label)).on_hover_text(tr!(lang, "playback-space-key")).clicked()
        || (keys.0 && !over)
    {
        session.playing = !session.playing;
    }
    if ui.add_enabled(!over, egui::Button::new("▶|")).on_hover_text(tr!(lang, "playback-turn-forward")).clicked()
        || (keys.2 && !over)
    {
        session.playing = false;
        step_forward(session);
    }
    // The timeline: any turn of the game, by its date.
    let total = session.scenario.total_turns().max(1);
    let mut wanted = turn(session);
    let start = session.scenario.file.clock.start;
    let minutes = session.scenario.turn_minutes();
    let slider = egui::Slider::new(&mut wanted, 1..=total + 1)
        .show_value(false)
        .custom_formatter(|t, _| chronicle::short_date(start.plus_minutes((t as i64 - 1) * minutes), lang));
    if ui.add(slider).on_hover_text(tr!(lang, "playback-timeline")).changed() {
        session.playing = false;
        go_to_turn(session, wanted);
    }
    ui.add(egui::Slider::new(&mut session.seconds_per_turn, 0.2..=5.0).text(tr!(lang, "playback-seconds-per-turn")));
}

/// The narration, in the panel `ui`: what happened in the turn just played,
/// event by event, with its time in both calendars, its place and its sources.
/// Big type in projector mode. Clicking an event shows its place on the map.
pub fn narration(ui: &mut egui::Ui, session: &mut Session, settings: &Settings) {
    let lang = settings.lang;
    let size = if settings.projector { 22.0 } else { 16.0 };
    let sc = session.scenario.clone();
    egui::ScrollArea::vertical().stick_to_bottom(true).show(ui, |ui| {
        if let Some(v) = sc.variant_spec() {
            ui.label(egui::RichText::new(v.title.get(lang)).size(size * 0.8).italics());
        }
        let log = session.game.log();
        let told: Vec<usize> =
            (session.narration_from..log.len()).filter(|i| chronicle::is_told(&log[*i].what)).collect();
        if told.is_empty() {
            // Before the first turn, how to begin; after a quiet turn, that it was quiet.
            let hint =
                if turn(session) <= 1 { tr!(lang, "playback-press-play") } else { tr!(lang, "playback-quiet-turn") };
            ui.label(egui::RichText::new(hint).size(size));
        }
        let mut clicked = None;
        for i in told {
            let e = &log[i];
            let entry = chronicle::entry(&sc, e, lang);
            let refs = chronicle::cite(&entry.sources);
            let g = e.time.gregorian();
            let when = tr!(
                lang,
                "playback-when",
                date = chronicle::short_date(e.time, lang),
                day = g.day,
                month = &chronicle::month_name(g.month, lang)[..3]
            );
            let head = entry.heading(&when);
            let is_event = matches!(e.what, Happening::Event { .. });
            ui.horizontal_wrapped(|ui| {
                let head = egui::RichText::new(head).size(size * 0.75).strong();
                if ui.add(egui::Label::new(head).sense(egui::Sense::click())).clicked() {
                    clicked = e.place;
                }
            });
            let text =
                egui::RichText::new(format!("{} {refs}", entry.text)).size(if is_event { size } else { size * 0.85 });
            ui.label(if is_event { text } else { text.weak() });
            ui.add_space(size * 0.3);
        }
        if let Some(p) = clicked {
            session.selected = Some(p);
        }
    });
}

/// The high-contrast look for a projector: light, with black text and strong lines.
pub fn projector_visuals() -> egui::Visuals {
    let mut v = egui::Visuals::light();
    v.override_text_color = Some(egui::Color32::BLACK);
    v.widgets.noninteractive.fg_stroke.color = egui::Color32::BLACK;
    v.widgets.inactive.fg_stroke.color = egui::Color32::BLACK;
    v.panel_fill = egui::Color32::WHITE;
    v.window_fill = egui::Color32::WHITE;
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::Seat;
    use crate::sim::facts;

    #[test]
    fn turns_keep_their_pace_when_frames_come_late_and_start_again_after_a_pause() {
        // Frames every 0.2 s, some up to 0.1 s late: a turn a second, for 60 seconds.
        let (mut last, mut played) = (0.0, Vec::new());
        for frame in 1..=300 {
            let now = frame as f64 * 0.2 + (frame % 3) as f64 * 0.05;
            if let Some(at) = turn_due(last, now, 1.0) {
                last = at;
                played.push(now);
            }
        }
        assert_eq!(played.len(), 60, "one turn a second: {played:?}");
        assert!(played.windows(2).all(|w| (w[1] - w[0] - 1.0).abs() < 0.21), "{played:?}");
        // After a pause, the next turn is played at once and counts from then.
        assert_eq!(turn_due(last, last + 30.0, 1.0), Some(last + 30.0));
        assert_eq!(turn_due(last, last + 0.5, 1.0), None);
    }

    fn session() -> Session {
        let settings = Settings { seat: Seat::History, ..Settings::default() };
        Session::new(crate::testing::historical(), &settings)
    }

    /// Everything a turn can change, written out.
    fn state(s: &Session) -> String {
        let w = &s.game.world;
        let view = facts::View::of(w);
        let units: Vec<(i32, u32, usize, bool)> = (0..s.scenario.file.units.len())
            .map(|u| (view.loyalty(u), view.strength(u), view.location(u), view.on_map(u)))
            .collect();
        format!(
            "{:?} {:?} {:?} {:?} {}",
            w.resource::<sim::Clock>(),
            view.holders(),
            units,
            w.resource::<sim::Flags>().0,
            chronicle::to_json(&chronicle::entries(&s.scenario, s.game.log(), Lang::En))
        )
    }

    #[test]
    fn stepping_back_and_forth_lands_on_identical_states() {
        let mut s = session();
        let mut seen = vec![state(&s)];
        for _ in 0..12 {
            step_forward(&mut s);
            seen.push(state(&s));
        }
        // Back one at a time, to the start.
        for t in (1..=12u32).rev() {
            go_to_turn(&mut s, t);
            assert_eq!(state(&s), seen[t as usize - 1], "back to turn {t}");
        }
        // Forward again, one step at a time, and a jump.
        for t in 2..=13u32 {
            step_forward(&mut s);
            assert_eq!(state(&s), seen[t as usize - 1], "forward to turn {t}");
        }
        go_to_turn(&mut s, 5);
        assert_eq!(state(&s), seen[4]);
        assert_eq!(turn(&s), 5);
    }

    #[test]
    fn the_narration_tells_the_turn_just_played_and_shows_its_place() {
        let mut s = session();
        let mut narrated = 0;
        for t in 2..=30u32 {
            go_to_turn(&mut s, t);
            let log = s.game.log();
            // Arrivals are stamped with the turn they open.
            assert!(
                log[s.narration_from..].iter().all(|e| e.turn == t - 1 || e.turn == t),
                "only the turn just played"
            );
            let told: Vec<_> = log[s.narration_from..].iter().filter(|e| chronicle::is_told(&e.what)).collect();
            if let Some(place) = told.iter().rev().find_map(|e| e.place) {
                assert_eq!(s.selected, Some(place), "the map shows the latest event's place");
                narrated += 1;
            }
            assert!(s.notices.is_empty(), "watching needs no pop-ups");
        }
        assert!(narrated >= 5, "only {narrated} turns had something to narrate");
    }

    #[test]
    fn history_seat_plays_history_and_a_variant_is_applied() {
        let s = session();
        assert_eq!(s.game.players, crate::game::Players::HISTORICAL);
        let settings =
            Settings { seat: Seat::History, variant: Some("aurora_sails_away".into()), ..Settings::default() };
        let s = Session::new(crate::testing::historical(), &settings);
        assert_eq!(s.scenario.variant.as_deref(), Some("aurora_sails_away"));
    }
}
