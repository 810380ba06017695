//! The only clock of the project (docs/design.md §1.1 invariant 4, §8.3). `rules` never reads a clock: the app reads
//! it here, once, and passes `today` in. The conversion is pure, so native tests pin the midnight edges.

use chrono::NaiveDate;

/// Calendar date in Japan (UTC+9, no daylight saving) for a Unix time in milliseconds. Pure, so native
/// tests pin the midnight edges: 2026-11-24T14:59:59.999Z is still the 24th, 15:00:00Z is the 25th.
pub fn jst_date_from_unix_ms(ms: f64) -> Option<NaiveDate> {
    const MS_PER_DAY: f64 = 86_400_000.0;
    const JST_OFFSET_MS: f64 = 9.0 * 3_600_000.0;
    const UNIX_EPOCH_FROM_CE: i32 = 719_163; // 1970-01-01 in days from 0001-01-01
    let days = ((ms + JST_OFFSET_MS) / MS_PER_DAY).floor();
    if !days.is_finite() || days.abs() > 1.0e8 {
        return None;
    }
    NaiveDate::from_num_days_from_ce_opt(UNIX_EPOCH_FROM_CE + days as i32)
}

#[cfg(not(target_arch = "wasm32"))]
pub fn today_jst() -> Option<NaiveDate> {
    // Native builds (tests of the pure modules) have no browser clock; nothing there asks for it.
    None
}

/// The one place in the project that reads a clock. e2e fixes it with Playwright's `page.clock`.
#[cfg(target_arch = "wasm32")]
pub fn today_jst() -> Option<NaiveDate> {
    jst_date_from_unix_ms(js_sys::Date::now())
}

#[cfg(test)]
mod tests {
    use super::jst_date_from_unix_ms;
    use chrono::NaiveDate;

    /// The expected date; `None` only for a typo in a test, which the assertion below then reports.
    fn d(s: &str) -> Option<NaiveDate> {
        s.parse().ok()
    }

    #[test]
    fn japan_midnight_edges() {
        // (what, Unix ms, expected Japan date). Unix ms worked out by hand: 1970-01-01 to 2026-01-01 is
        // 56 × 365 + 14 leap days = 20_454 days, plus 327 days to 11-24: 20_781 × 86_400_000 ms.
        let day_2026_11_24_utc = 1_795_478_400_000.0;
        let hour = 3_600_000.0;
        let cases = [
            ("UTC midnight is 09:00 in Japan, the same day", day_2026_11_24_utc, "2026-11-24"),
            ("14:59:59.999Z: 23:59:59.999 JST, still the 24th", day_2026_11_24_utc + 15.0 * hour - 1.0, "2026-11-24"),
            ("15:00:00Z: midnight JST, the 25th", day_2026_11_24_utc + 15.0 * hour, "2026-11-25"),
            ("14:59:59.999Z the day before: still the 23rd", day_2026_11_24_utc - 9.0 * hour - 1.0, "2026-11-23"),
            ("15:00:00Z the day before: the 24th", day_2026_11_24_utc - 9.0 * hour, "2026-11-24"),
            ("the Unix epoch is 09:00 on 1970-01-01 in Japan", 0.0, "1970-01-01"),
            ("before the epoch: 1969-12-31T15:00Z is 1970-01-01 JST", -9.0 * hour, "1970-01-01"),
            ("before the epoch: one ms earlier is 1969-12-31", -9.0 * hour - 1.0, "1969-12-31"),
            // 2028-02-28T15:00Z: (58 × 365 + 14 + 58) days × 86_400_000 + 15 h.
            ("a leap day: 2028-02-28T15:00Z is the 29th in Japan", 1_835_362_800_000.0, "2028-02-29"),
        ];
        for (what, ms, want) in cases {
            assert!(d(want).is_some(), "{what}: {want} is not a date");
            assert_eq!(jst_date_from_unix_ms(ms), d(want), "{what}");
        }
    }

    #[test]
    fn no_date_for_values_that_are_not_times() {
        for ms in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 1.0e30, -1.0e30] {
            assert_eq!(jst_date_from_unix_ms(ms), None, "{ms}");
        }
    }
}
