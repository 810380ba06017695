//! ISO `YYYY-MM-DD` dates of the contract: the one place where text becomes a date and back.
//!
//! Input dates are exactly four ASCII digits, two and two, a real day of the proleptic Gregorian
//! calendar, years 0000–9999 (`docs/rules.md` §16, pass 4). Computed dates may leave that range: past
//! 9999 they are written with their full year and no sign, before 0000 with a leading `-` and four
//! year digits (chrono's own `Display` would write `+10000-…`).

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serializer};

/// Parses a contract input date strictly: `YYYY-MM-DD`, nothing else.
///
/// ```
/// # use rules::parse_iso_date;
/// assert!(parse_iso_date("2024-02-29").is_some());
/// assert!(parse_iso_date("2023-02-29").is_none());
/// assert!(parse_iso_date("2024-2-29").is_none());
/// assert!(parse_iso_date("+2024-02-29").is_none());
/// ```
pub fn parse_iso_date(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    let shape_ok = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| if i == 4 || i == 7 { *b == b'-' } else { b.is_ascii_digit() });
    if !shape_ok {
        return None;
    }
    let number = |range: std::ops::Range<usize>| text.get(range).and_then(|s| s.parse::<u32>().ok());
    let year = i32::try_from(number(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, number(5..7)?, number(8..10)?)
}

/// Writes a date as the contract does (see the module comment).
///
/// ```
/// # use rules::format_iso_date; use rules::ymd;
/// assert_eq!(format_iso_date(ymd(2029, 10, 10)), "2029-10-10");
/// assert_eq!(format_iso_date(ymd(10009, 2, 28)), "10009-02-28");
/// assert_eq!(format_iso_date(ymd(-1, 10, 2)), "-0001-10-02");
/// ```
pub fn format_iso_date(date: NaiveDate) -> String {
    let mut out = String::with_capacity(11);
    let year = date.year();
    if year < 0 {
        out.push('-');
    }
    push_padded(&mut out, year.unsigned_abs(), 4);
    out.push('-');
    push_padded(&mut out, date.month(), 2);
    out.push('-');
    push_padded(&mut out, date.day(), 2);
    out
}

fn push_padded(out: &mut String, value: u32, width: usize) {
    let digits = value.to_string();
    for _ in digits.len()..width {
        out.push('0');
    }
    out.push_str(&digits);
}

/// Reads a date written by [`format_iso_date`] (the guidance's dates, which may lie outside 0000–9999).
pub fn parse_any_date(text: &str) -> Option<NaiveDate> {
    if let Some(date) = parse_iso_date(text) {
        return Some(date);
    }
    let (negative, rest) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let mut parts = rest.splitn(3, '-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !(all_digits(y) && y.len() >= 4 && m.len() == 2 && d.len() == 2 && all_digits(m) && all_digits(d)) {
        return None;
    }
    let year: i32 = y.parse().ok()?;
    NaiveDate::from_ymd_opt(if negative { -year } else { year }, m.parse().ok()?, d.parse().ok()?)
}

/// serde helpers for `NaiveDate` fields.
pub mod date {
    use super::*;

    pub fn serialize<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&format_iso_date(*date))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
        let text = String::deserialize(deserializer)?;
        parse_any_date(&text).ok_or_else(|| serde::de::Error::custom("not a YYYY-MM-DD date"))
    }
}

/// serde helpers for `Option<NaiveDate>` fields (`null` when absent).
pub mod opt_date {
    use super::*;

    pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, serializer: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(date) => serializer.serialize_str(&format_iso_date(*date)),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<NaiveDate>, D::Error> {
        match Option::<String>::deserialize(deserializer)? {
            Some(text) => {
                parse_any_date(&text).map(Some).ok_or_else(|| serde::de::Error::custom("not a YYYY-MM-DD date"))
            }
            None => Ok(None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_dates_are_strict() {
        let refused = [
            "",
            "2024-1-01",
            "2024-01-1",
            "20240101",
            "2024/01/01",
            " 2024-01-01",
            "2024-01-01 ",
            "2024-01-01T00:00",
            "+024-01-01",
            "-024-01-01",
            "2024-13-01",
            "2024-00-10",
            "2024-01-00",
            "2023-02-29",
            "1900-02-29",
            "２０２４-01-01",
            "2024-04-31",
            "10000-01-01",
        ];
        for text in refused {
            assert_eq!(parse_iso_date(text), None, "{text:?} must be refused");
        }
        for text in ["0000-01-01", "9999-12-31", "2000-02-29", "2024-02-29", "0000-02-29"] {
            assert_eq!(parse_iso_date(text).map(format_iso_date).as_deref(), Some(text));
        }
    }

    #[test]
    fn computed_dates_round_trip_outside_the_input_range() {
        for date in [
            NaiveDate::from_ymd_opt(10009, 2, 28),
            NaiveDate::from_ymd_opt(-1, 10, 2),
            NaiveDate::from_ymd_opt(-12345, 1, 1),
        ] {
            let date = date.unwrap();
            assert_eq!(parse_any_date(&format_iso_date(date)), Some(date));
        }
        assert_eq!(format_iso_date(NaiveDate::from_ymd_opt(-1, 10, 2).unwrap()), "-0001-10-02");
    }
}
