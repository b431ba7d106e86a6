//! The window on a small screen: it opens at 1280×800, and where the screen
//! is smaller (a 1024×768 classroom projector, a small laptop) it is made
//! to fit the screen and centred on it, once, as soon as the screen is known.

use bevy::prelude::*;
use bevy::window::{Monitor, PrimaryMonitor, PrimaryWindow};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, fit_to_screen.run_if(not(resource_exists::<Fitted>)));
}

/// Marks the window as fitted (or found to fit): the check is made once.
#[derive(Resource)]
struct Fitted;

/// Shares of the screen the window may take: room is left for the
/// window's title bar and the system's own bars.
const MOST_WIDTH: f32 = 0.96;
const MOST_HEIGHT: f32 = 0.90;

/// The size (physical pixels) a window of `window` size should take on a
/// screen of `screen` size: `None` if it fits already.
fn size_on_screen(window: UVec2, screen: UVec2) -> Option<UVec2> {
    let most = UVec2::new((screen.x as f32 * MOST_WIDTH) as u32, (screen.y as f32 * MOST_HEIGHT) as u32);
    (window.x > most.x || window.y > most.y).then(|| window.min(most))
}

fn fit_to_screen(
    mut commands: Commands,
    monitors: Query<&Monitor, With<PrimaryMonitor>>,
    mut windows: Query<&mut Window, With<PrimaryWindow>>,
) {
    let (Ok(monitor), Ok(mut window)) = (monitors.single(), windows.single_mut()) else { return };
    let screen = UVec2::new(monitor.physical_width, monitor.physical_height);
    let size = UVec2::new(window.resolution.physical_width(), window.resolution.physical_height());
    if let Some(fitted) = size_on_screen(size, screen) {
        window.resolution.set_physical_resolution(fitted.x, fitted.y);
        window.position.center(MonitorSelection::Primary);
    }
    commands.insert_resource(Fitted);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_window_larger_than_its_screen_is_fitted_and_one_that_fits_is_left_alone() {
        let window = UVec2::new(1280, 800);
        let fitted = size_on_screen(window, UVec2::new(1024, 768)).expect("too large for a projector");
        assert!(fitted.x <= 1024 && fitted.y < 768 && fitted.x >= 950 && fitted.y >= 650, "{fitted}");
        assert_eq!(size_on_screen(window, UVec2::new(1920, 1080)), None);
        // Only the side that does not fit is made smaller.
        assert_eq!(size_on_screen(window, UVec2::new(1920, 800)).map(|s| s.x), Some(1280));
    }
}
