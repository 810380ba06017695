//! The one conversion from an instant to a calendar date in Japan (docs/reader.md §4.2).
//!
//! JPKI certificates end at `…145959Z`, which is 23:59:59 in Japan: taking the UTC date would often
//! be right and sometimes a day early. Japan Standard Time is UTC+9 all year (no daylight saving).

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};

/// The offset of Japan Standard Time from UTC.
const JST_OFFSET_SECONDS: i64 = 9 * 3600;

/// The calendar date in Japan of the UTC instant `utc`.
///
/// Never panics. The result is the UTC date or the day after; at the very end of chrono's range,
/// where there is no day after, it is the UTC date.
pub fn date_in_japan(utc: NaiveDateTime) -> NaiveDate {
    utc.checked_add_signed(TimeDelta::seconds(JST_OFFSET_SECONDS)).map_or(utc.date(), |jst| jst.date())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(y: i32, m: u32, d: u32, h: u32, mi: u32, s: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d).unwrap().and_hms_opt(h, mi, s).unwrap()
    }

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn both_sides_of_15_00_utc() {
        // The end of a JPKI certificate: 23:59:59 in Japan.
        assert_eq!(date_in_japan(at(2029, 10, 10, 14, 59, 59)), ymd(2029, 10, 10));
        // Midnight in Japan: already the next day.
        assert_eq!(date_in_japan(at(2029, 10, 10, 15, 0, 0)), ymd(2029, 10, 11));
        assert_eq!(date_in_japan(at(2029, 10, 10, 0, 0, 0)), ymd(2029, 10, 10));
        assert_eq!(date_in_japan(at(2029, 10, 9, 23, 59, 59)), ymd(2029, 10, 10));
    }

    #[test]
    fn year_end_leap_day_and_the_2049_2050_switch() {
        assert_eq!(date_in_japan(at(2025, 12, 31, 14, 59, 59)), ymd(2025, 12, 31));
        assert_eq!(date_in_japan(at(2025, 12, 31, 15, 0, 0)), ymd(2026, 1, 1));
        assert_eq!(date_in_japan(at(2028, 2, 28, 15, 0, 0)), ymd(2028, 2, 29));
        assert_eq!(date_in_japan(at(2028, 2, 29, 15, 0, 0)), ymd(2028, 3, 1));
        assert_eq!(date_in_japan(at(2027, 2, 28, 15, 0, 0)), ymd(2027, 3, 1));
        assert_eq!(date_in_japan(at(2049, 12, 31, 15, 0, 0)), ymd(2050, 1, 1));
        assert_eq!(date_in_japan(at(2049, 12, 31, 14, 59, 59)), ymd(2049, 12, 31));
    }

    #[test]
    fn the_end_of_chronos_range_does_not_panic() {
        assert_eq!(date_in_japan(NaiveDateTime::MAX), NaiveDateTime::MAX.date());
        assert_eq!(date_in_japan(NaiveDateTime::MIN), NaiveDateTime::MIN.date());
    }
}
