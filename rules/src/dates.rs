//! Date arithmetic as Japanese law counts it (`docs/rules.md` §3). Nothing else in the crate adds days,
//! months or years: every rule asks this module.
//!
//! All functions are total over `NaiveDate`: where chrono's range could be left (it spans about
//! ±262,000 years, far beyond the years 0000–9999 the contract accepts), they return
//! [`DateError::OutOfRange`] instead of panicking.

use chrono::{Datelike, Days, Months, NaiveDate};

/// A computed date fell outside the calendar chrono can represent.
///
/// Unreachable for inputs in the years 0000–9999 (the property tests prove it); kept as a typed
/// error so that no input can make the engine panic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    OutOfRange,
}

impl std::fmt::Display for DateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DateError::OutOfRange => {
                f.write_str("These dates lead to a day too far from today to count. Please check the years entered.")
            }
        }
    }
}

impl std::error::Error for DateError {}

/// `y-m-d` as a constant, for tables. A bad literal fails the build.
pub const fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(date) => date,
        None => NaiveDate::MIN,
    }
}

/// Whether `d` is 29 February.
pub fn is_feb29(d: NaiveDate) -> bool {
    d.month() == 2 && d.day() == 29
}

/// The holder's birthday in year `y` (`dates.feb29`, `docs/rules.md` §3.1).
///
/// For a person born on 29 February the birthday in a common year is 28 February, the earlier
/// and safer of the two readings (as 道路交通法92条の2 defines it).
pub fn birthday(birth: NaiveDate, y: i32) -> Result<NaiveDate, DateError> {
    NaiveDate::from_ymd_opt(y, birth.month(), birth.day())
        .or_else(|| if is_feb29(birth) { NaiveDate::from_ymd_opt(y, 2, 28) } else { None })
        .ok_or(DateError::OutOfRange)
}

/// The `n`-th birthday strictly after `d` (`docs/rules.md` §3.2): a birthday that falls on `d` itself
/// does not count (「発行の日後」). `n` is at least 1; 0 is read as 1.
pub fn nth_birthday_after(d: NaiveDate, birth: NaiveDate, n: u32) -> Result<NaiveDate, DateError> {
    let this_year = birthday(birth, d.year())?;
    let first_year = if this_year > d { d.year() } else { d.year().checked_add(1).ok_or(DateError::OutOfRange)? };
    let offset = i32::try_from(n.max(1) - 1).map_err(|_| DateError::OutOfRange)?;
    birthday(birth, first_year.checked_add(offset).ok_or(DateError::OutOfRange)?)
}

/// The day on which a person born on `birth` reaches age `k` (`dates.age`, `docs/rules.md` §3.3):
/// the day before the birthday (年齢計算ニ関スル法律, 民法143条). For a 29-February birth it is
/// 28 February of that year, leap or not.
pub fn reach_date(birth: NaiveDate, k: u32) -> Result<NaiveDate, DateError> {
    let k = i32::try_from(k).map_err(|_| DateError::OutOfRange)?;
    let year = birth.year().checked_add(k).ok_or(DateError::OutOfRange)?;
    if is_feb29(birth) {
        return NaiveDate::from_ymd_opt(year, 2, 28).ok_or(DateError::OutOfRange);
    }
    plus_days(birthday(birth, year)?, -1)
}

/// Whether the person has reached age `k` on `d` (`docs/rules.md` §3.3).
pub fn has_reached(birth: NaiveDate, k: u32, d: NaiveDate) -> Result<bool, DateError> {
    Ok(d >= reach_date(birth, k)?)
}

/// Ordinary age on `today` (`docs/rules.md` §3.4): the birthday itself counts. Zero when `today` is
/// before the birth.
pub fn age_on(birth: NaiveDate, today: NaiveDate) -> Result<u32, DateError> {
    let years = i64::from(today.year()) - i64::from(birth.year());
    let before_birthday = today < birthday(birth, today.year())?;
    let age = years - i64::from(before_birthday);
    Ok(u32::try_from(age).unwrap_or(0))
}

/// `d` moved by `m` calendar months (negative: back), the day clamped to the target month's last
/// day (`dates.period`, 民法143条ただし書; `docs/rules.md` §3.5).
pub fn add_months(d: NaiveDate, m: i32) -> Result<NaiveDate, DateError> {
    let months = Months::new(m.unsigned_abs());
    if m >= 0 { d.checked_add_months(months) } else { d.checked_sub_months(months) }.ok_or(DateError::OutOfRange)
}

/// `months` calendar months before `d`, clamped like [`add_months`] ("N months before").
pub fn months_before(d: NaiveDate, months: u32) -> Result<NaiveDate, DateError> {
    add_months(d, -i32::try_from(months).map_err(|_| DateError::OutOfRange)?)
}

/// `d + n` calendar days (`n` may be negative).
pub fn plus_days(d: NaiveDate, n: i64) -> Result<NaiveDate, DateError> {
    let days = Days::new(n.unsigned_abs());
    if n >= 0 { d.checked_add_days(days) } else { d.checked_sub_days(days) }.ok_or(DateError::OutOfRange)
}

/// The last day still in time for something due "within `n` days from `from`" (`docs/rules.md` §3.6):
/// the first day is not counted (民法140条), so it is `from + n`.
pub fn within_days(from: NaiveDate, n: u32) -> Result<NaiveDate, DateError> {
    plus_days(from, i64::from(n))
}

/// First day on which a card or certificate expiring on `expires_on` may be renewed
/// (`docs/rules.md` §3.8, leaflet ５③ 「有効期間の満了の３か月前となる日の翌日」): `months` calendar months
/// back, clamped, then one day on.
pub fn renewal_opens_on(expires_on: NaiveDate, months: u32) -> Result<NaiveDate, DateError> {
    plus_days(months_before(expires_on, months)?, 1)
}

/// The forward reading of 「満了する日までの期間が三月未満となった」 (`docs/rules.md` §3.8): the first day
/// `d` with `add_months(d, months) > expires_on`. Used only to decide the caveat
/// `renewal_window_month_end`; the engine always shows [`renewal_opens_on`].
pub fn forward_renewal_opens_on(expires_on: NaiveDate, months: u32) -> Result<NaiveDate, DateError> {
    // add_months(·, m) is monotone (non-decreasing) in its date, so the first day whose image
    // passes `expires_on` lies within a few days after the leaflet's date: the clamping at a
    // month's end can only hold several days on the same image (at most 3: 29–31 → 28).
    // The day before the leaflet's date never qualifies: add_months(add_months(E, -m), m) <= E.
    let mut d = renewal_opens_on(expires_on, months)?;
    let m = i32::try_from(months).map_err(|_| DateError::OutOfRange)?;
    while add_months(d, m)? <= expires_on {
        d = plus_days(d, 1)?;
    }
    Ok(d)
}

/// The last day of the month `months` months after the month of `d` (マイナ保険証 grace,
/// `docs/rules.md` §13): 2025-02-14 and 3 → 2025-05-31.
pub fn end_of_month_after(d: NaiveDate, months: u32) -> Result<NaiveDate, DateError> {
    let first = d.with_day(1).ok_or(DateError::OutOfRange)?;
    let m = i32::try_from(months).map_err(|_| DateError::OutOfRange)?;
    plus_days(add_months(first, m.checked_add(1).ok_or(DateError::OutOfRange)?)?, -1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The examples of the functions' rules (`docs/rules.md` §3), each as the rule's text gives it.
    #[test]
    fn worked_examples() {
        // birthday
        assert_eq!(birthday(ymd(1990, 6, 15), 2030), Ok(ymd(2030, 6, 15)));
        assert_eq!(birthday(ymd(2000, 2, 29), 2025), Ok(ymd(2025, 2, 28)));
        assert_eq!(birthday(ymd(2000, 2, 29), 2028), Ok(ymd(2028, 2, 29)));
        // nth_birthday_after
        let born = ymd(1985, 10, 10);
        assert_eq!(nth_birthday_after(ymd(2020, 5, 15), born, 10), Ok(ymd(2029, 10, 10)));
        // issued on the birthday: that birthday does not count
        assert_eq!(nth_birthday_after(ymd(2020, 10, 10), born, 10), Ok(ymd(2030, 10, 10)));
        // reach_date
        assert_eq!(reach_date(ymd(2006, 11, 20), 18), Ok(ymd(2024, 11, 19)));
        assert_eq!(reach_date(ymd(2004, 2, 29), 20), Ok(ymd(2024, 2, 28)));
        // age_on
        assert_eq!(age_on(ymd(1985, 10, 10), ymd(2026, 11, 24)), Ok(41));
        assert_eq!(age_on(ymd(2000, 2, 29), ymd(2025, 2, 28)), Ok(25));
        // add_months
        assert_eq!(add_months(ymd(2030, 5, 31), -3), Ok(ymd(2030, 2, 28)));
        assert_eq!(add_months(ymd(2032, 5, 31), -3), Ok(ymd(2032, 2, 29)));
        assert_eq!(add_months(ymd(2030, 11, 30), 3), Ok(ymd(2031, 2, 28)));
        // months_before
        assert_eq!(months_before(ymd(2030, 3, 31), 1), Ok(ymd(2030, 2, 28)));
        // within_days
        assert_eq!(within_days(ymd(2025, 3, 28), 14), Ok(ymd(2025, 4, 11)));
        assert_eq!(within_days(ymd(2024, 1, 31), 30), Ok(ymd(2024, 3, 1)));
        // renewal_opens_on
        assert_eq!(renewal_opens_on(ymd(2029, 10, 10), 3), Ok(ymd(2029, 7, 11)));
        assert_eq!(renewal_opens_on(ymd(2030, 5, 31), 3), Ok(ymd(2030, 3, 1)));
        assert_eq!(renewal_opens_on(ymd(2030, 11, 30), 3), Ok(ymd(2030, 8, 31)));
        // forward_renewal_opens_on
        assert_eq!(forward_renewal_opens_on(ymd(2030, 11, 30), 3), Ok(ymd(2030, 9, 1)));
        assert_eq!(forward_renewal_opens_on(ymd(2034, 2, 28), 3), Ok(ymd(2033, 12, 1)));
        assert_eq!(forward_renewal_opens_on(ymd(2029, 10, 10), 3), Ok(ymd(2029, 7, 11)));
        // end_of_month_after
        assert_eq!(end_of_month_after(ymd(2025, 2, 14), 3), Ok(ymd(2025, 5, 31)));
        assert_eq!(end_of_month_after(ymd(2025, 11, 30), 3), Ok(ymd(2026, 2, 28)));
    }

    #[test]
    fn out_of_range_is_an_error_a_citizen_can_read() {
        let e = plus_days(NaiveDate::MAX, 1).unwrap_err();
        assert_eq!(e, DateError::OutOfRange);
        assert!(e.to_string().contains("check the years"), "{e}");
        let boxed: Box<dyn std::error::Error> = Box::new(e);
        assert!(boxed.source().is_none());
    }

    use crate::testing::d;

    #[test]
    fn birthdays_in_a_year() {
        // (name, birth, year, expected, source)
        let cases = [
            ("普通の誕生日", "1990-06-15", 2030, "2030-06-15", "rules §3.1"),
            ("閏日生まれ・平年は2月28日", "2000-02-29", 2025, "2025-02-28", "rules §3.1"),
            ("閏日生まれ・閏年は2月29日", "2000-02-29", 2028, "2028-02-29", "rules §3.1"),
            ("閏日生まれ・1900年は平年", "1896-02-29", 1900, "1900-02-28", "rules §3.1"),
            ("閏日生まれ・2000年は閏年", "1996-02-29", 2000, "2000-02-29", "rules §3.1"),
        ];
        for (name, birth, year, want, source) in cases {
            assert_eq!(birthday(d(birth), year), Ok(d(want)), "{name} ({source})");
        }
    }

    #[test]
    fn nth_birthday_after_a_date() {
        // (name, date, birth, n, expected, source)
        let cases = [
            ("成人カード・10回目", "2020-05-15", "1985-10-10", 10, "2029-10-10", "rules §3.2"),
            ("証明書・5回目", "2020-05-15", "1985-10-10", 5, "2024-10-10", "rules §3.2"),
            ("誕生日当日は数えない", "2024-06-15", "1990-06-15", 10, "2034-06-15", "rules §3.2"),
            ("誕生日の前日発行", "2024-06-14", "1990-06-15", 10, "2033-06-15", "rules §3.2"),
            ("閏日生まれ・2月28日発行は当日", "2025-02-28", "2000-02-29", 10, "2035-02-28", "rules §3.2"),
            ("閏日生まれ・5回目", "2025-02-28", "2000-02-29", 5, "2030-02-28", "rules §3.2"),
            ("閏日生まれ・閏年に当たる", "2023-03-01", "2000-02-29", 5, "2028-02-29", "rules §3.1"),
            ("1回目は翌年", "2024-12-31", "2000-01-01", 1, "2025-01-01", "rules §3.2"),
        ];
        for (name, date, birth, n, want, source) in cases {
            assert_eq!(nth_birthday_after(d(date), d(birth), n), Ok(d(want)), "{name} ({source})");
        }
    }

    #[test]
    fn reaching_an_age_is_the_day_before_the_birthday() {
        let cases = [
            ("18歳", "2006-11-20", 18, "2024-11-19", "rules §3.3"),
            ("15歳", "2010-04-02", 15, "2025-04-01", "rules §3.3"),
            ("閏日生まれ・平年", "2008-02-29", 18, "2026-02-28", "rules §3.3"),
            ("閏日生まれ・閏年も2月28日", "2004-02-29", 20, "2024-02-28", "rules §3.3"),
            ("1月1日生まれ・前年の大晦日", "2000-01-01", 18, "2017-12-31", "rules §3.3"),
            ("3月1日生まれ・閏年の2月29日", "2006-03-01", 18, "2024-02-29", "rules §3.3"),
        ];
        for (name, birth, k, want, source) in cases {
            assert_eq!(reach_date(d(birth), k), Ok(d(want)), "{name} ({source})");
        }
    }

    #[test]
    fn ordinary_age_counts_the_birthday() {
        let cases = [
            ("1985-10-10", "2026-11-24", 41),
            ("2000-02-29", "2025-02-27", 24),
            ("2000-02-29", "2025-02-28", 25),
            ("2000-02-29", "2024-02-28", 23),
            ("2000-02-29", "2024-02-29", 24),
            ("1990-06-15", "1990-06-15", 0),
            ("1990-06-15", "1991-06-14", 0),
            ("1990-06-15", "1991-06-15", 1),
        ];
        for (birth, today, want) in cases {
            assert_eq!(age_on(d(birth), d(today)), Ok(want), "born {birth}, on {today} (rules §3.4)");
        }
    }

    #[test]
    fn months_are_clamped_to_the_month_end() {
        let cases = [
            ("2030-05-31", -3, "2030-02-28"),
            ("2032-05-31", -3, "2032-02-29"),
            ("2030-11-30", 3, "2031-02-28"),
            ("2030-01-31", 1, "2030-02-28"),
            ("2030-03-15", -15, "2028-12-15"),
        ];
        for (from, m, want) in cases {
            assert_eq!(add_months(d(from), m), Ok(d(want)), "{from} {m:+} months (rules §3.5)");
        }
    }

    #[test]
    fn renewal_opening_days() {
        // (expiry, leaflet date, forward reading) — rules §3.8
        let cases = [
            ("2029-10-10", "2029-07-11", "2029-07-11"),
            ("2030-05-31", "2030-03-01", "2030-03-01"),
            ("2031-03-31", "2031-01-01", "2031-01-01"),
            ("2030-11-30", "2030-08-31", "2030-09-01"),
            ("2034-02-28", "2033-11-29", "2033-12-01"),
            ("2032-02-29", "2031-11-30", "2031-12-01"),
            ("2030-04-30", "2030-01-31", "2030-02-01"),
            ("2030-06-30", "2030-03-31", "2030-04-01"),
        ];
        for (expiry, leaflet, forward) in cases {
            assert_eq!(renewal_opens_on(d(expiry), 3), Ok(d(leaflet)), "leaflet reading of {expiry}");
            assert_eq!(forward_renewal_opens_on(d(expiry), 3), Ok(d(forward)), "forward reading of {expiry}");
        }
    }

    #[test]
    fn the_readings_differ_on_16_days_of_2030_to_2033() {
        // rules §3.8: only 30 April, 30 June, 30 November and the end of February differ.
        let mut day = d("2030-01-01");
        let mut differing = 0;
        while day <= d("2033-12-31") {
            if renewal_opens_on(day, 3) != forward_renewal_opens_on(day, 3) {
                differing += 1;
                let md = (day.month(), day.day());
                assert!(
                    matches!(md, (4, 30) | (6, 30) | (11, 30) | (2, 28) | (2, 29)),
                    "unexpected difference on {day}"
                );
            }
            day = day.succ_opt().unwrap();
        }
        assert_eq!(differing, 16);
    }

    #[test]
    fn extreme_dates_give_errors_not_panics() {
        assert_eq!(plus_days(NaiveDate::MAX, 1), Err(DateError::OutOfRange));
        assert_eq!(add_months(NaiveDate::MIN, -1), Err(DateError::OutOfRange));
        assert!(nth_birthday_after(NaiveDate::MAX, NaiveDate::MAX, 10).is_err());
        assert!(renewal_opens_on(NaiveDate::MIN, 3).is_err());
    }
}
