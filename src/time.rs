//! Game time: minutes on the Julian calendar, and the Gregorian date shown beside it.
//!
//! Scenarios write times as `"1917-10-24T05:30"` (Julian). Everything inside the
//! simulation counts whole minutes from the start of the Julian Day Number scale,
//! which keeps arithmetic exact, ordering trivial and calendar conversion easy
//! (in 1917 the Gregorian date is 13 days ahead).

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A moment on the Julian calendar, in minutes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct GameTime(pub i64);

/// Calendar parts of a moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateParts {
    pub year: i64,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
}

fn julian_leap(year: i64) -> bool {
    year % 4 == 0
}

fn julian_month_days(year: i64, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if julian_leap(year) => 29,
        _ => 28,
    }
}

/// Julian Day Number of a Julian-calendar date.
fn jdn_from_julian(year: i64, month: u32, day: u32) -> i64 {
    let a = (14 - month as i64) / 12;
    let y = year + 4800 - a;
    let m = month as i64 + 12 * a - 3;
    day as i64 + (153 * m + 2) / 5 + 365 * y + y / 4 - 32083
}

/// Calendar date of a Julian Day Number, on the Julian (`gregorian = false`) or Gregorian calendar.
fn date_from_jdn(jdn: i64, gregorian: bool) -> (i64, u32, u32) {
    let (b, c) = if gregorian {
        let a = jdn + 32044;
        let b = (4 * a + 3) / 146097;
        (b, a - 146097 * b / 4)
    } else {
        (0, jdn + 32082)
    };
    let d = (4 * c + 3) / 1461;
    let e = c - 1461 * d / 4;
    let m = (5 * e + 2) / 153;
    let day = e - (153 * m + 2) / 5 + 1;
    let month = m + 3 - 12 * (m / 10);
    let year = 100 * b + d - 4800 + m / 10;
    (year, month as u32, day as u32)
}

impl GameTime {
    /// Builds a moment from Julian calendar parts.
    pub fn from_julian(year: i64, month: u32, day: u32, hour: u32, minute: u32) -> Option<GameTime> {
        if !(1..=12).contains(&month) || day == 0 || hour > 23 || minute > 59 {
            return None;
        }
        if day > julian_month_days(year, month) {
            return None;
        }
        let jdn = jdn_from_julian(year, month, day);
        Some(GameTime(jdn * 1440 + hour as i64 * 60 + minute as i64))
    }

    /// Parses `YYYY-MM-DDTHH:MM` (Julian).
    pub fn parse(text: &str) -> Result<GameTime, String> {
        let bad = || format!("`{text}` is not a time: write it as \"1917-10-24T05:30\" (Julian calendar)");
        let (date, clock) = text.split_once('T').ok_or_else(bad)?;
        let mut d = date.split('-');
        let year: i64 = d.next().and_then(|s| s.parse().ok()).ok_or_else(bad)?;
        let month: u32 = d.next().and_then(|s| s.parse().ok()).ok_or_else(bad)?;
        let day: u32 = d.next().and_then(|s| s.parse().ok()).ok_or_else(bad)?;
        if d.next().is_some() {
            return Err(bad());
        }
        let (h, m) = clock.split_once(':').ok_or_else(bad)?;
        let hour: u32 = h.parse().map_err(|_| bad())?;
        let minute: u32 = m.parse().map_err(|_| bad())?;
        GameTime::from_julian(year, month, day, hour, minute).ok_or_else(bad)
    }

    fn parts(self, gregorian: bool) -> DateParts {
        let jdn = self.0.div_euclid(1440);
        let in_day = self.0.rem_euclid(1440);
        let (year, month, day) = date_from_jdn(jdn, gregorian);
        DateParts { year, month, day, hour: (in_day / 60) as u32, minute: (in_day % 60) as u32 }
    }

    /// Calendar parts on the Julian calendar (the one the game is played in).
    pub fn julian(self) -> DateParts {
        self.parts(false)
    }

    /// Calendar parts on the Gregorian calendar (13 days ahead in the 20th century).
    pub fn gregorian(self) -> DateParts {
        self.parts(true)
    }

    /// `1917-10-24T05:30`, Julian.
    pub fn iso(self) -> String {
        let p = self.julian();
        format!("{:04}-{:02}-{:02}T{:02}:{:02}", p.year, p.month, p.day, p.hour, p.minute)
    }

    /// `1917-11-06T05:30`, Gregorian.
    pub fn gregorian_iso(self) -> String {
        let p = self.gregorian();
        format!("{:04}-{:02}-{:02}T{:02}:{:02}", p.year, p.month, p.day, p.hour, p.minute)
    }

    /// `HH:MM` of the day.
    pub fn clock(self) -> String {
        let p = self.julian();
        format!("{:02}:{:02}", p.hour, p.minute)
    }

    /// Adds minutes.
    pub fn plus_minutes(self, minutes: i64) -> GameTime {
        GameTime(self.0 + minutes)
    }
}

impl fmt::Display for GameTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

impl Serialize for GameTime {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for GameTime {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        GameTime::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn october_25_julian_is_november_7_gregorian() {
        let t = GameTime::parse("1917-10-25T21:40").unwrap();
        assert_eq!(t.iso(), "1917-10-25T21:40");
        assert_eq!(t.gregorian_iso(), "1917-11-07T21:40");
    }

    #[test]
    fn month_end_rolls_over() {
        let t = GameTime::parse("1917-10-31T23:30").unwrap().plus_minutes(60);
        assert_eq!(t.iso(), "1917-11-01T00:30");
        assert_eq!(GameTime::parse("1917-10-19T12:00").unwrap().gregorian_iso(), "1917-11-01T12:00");
    }

    #[test]
    fn bad_times_are_refused() {
        assert!(GameTime::parse("1917-10-32T00:00").is_err());
        assert!(GameTime::parse("24 Oct 05:30").is_err());
        assert!(GameTime::parse("1917-10-24T25:00").is_err());
    }
}
