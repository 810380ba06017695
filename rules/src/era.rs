//! Dates typed by a citizen, in 西暦 or in a Japanese era (和暦) as the card prints the birth date
//! (docs/design.md §3.3): the one place where form text becomes a date.
//!
//! Errors come in the order of the GOV.UK date taxonomy: missing, incomplete, not a number, era
//! year out of range, impossible date, outside the era (with the date it probably means, never
//! converted silently), outside the years the guide accepts. Ordering against other answers is the
//! engine's job (`validate`).

use chrono::{Datelike, NaiveDate};

use crate::dates::ymd;

/// The calendar a year is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Era {
    Seireki,
    Reiwa,
    Heisei,
    Showa,
    Taisho,
}

/// One era's first and last day (`None`: still running).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EraSpan {
    pub era: Era,
    pub first: NaiveDate,
    pub last: Option<NaiveDate>,
}

/// The eras the guide reads, newest first (docs/design.md §3.3).
pub const ERAS: [EraSpan; 4] = [
    EraSpan { era: Era::Reiwa, first: ymd(2019, 5, 1), last: None },
    EraSpan { era: Era::Heisei, first: ymd(1989, 1, 8), last: Some(ymd(2019, 4, 30)) },
    EraSpan { era: Era::Showa, first: ymd(1926, 12, 25), last: Some(ymd(1989, 1, 7)) },
    EraSpan { era: Era::Taisho, first: ymd(1912, 7, 30), last: Some(ymd(1926, 12, 24)) },
];

impl Era {
    /// Every choice of the era select, in its order (西暦 first).
    pub const ALL: [Era; 5] = [Era::Seireki, Era::Reiwa, Era::Heisei, Era::Showa, Era::Taisho];

    /// The era's stable id: the value of its option in the era select and of a stored answer
    /// (`seireki`, `reiwa`, …), never shown to a citizen.
    ///
    /// ```
    /// # use rules::Era;
    /// assert_eq!(Era::Showa.id(), "showa");
    /// assert_eq!(Era::from_id("showa"), Some(Era::Showa));
    /// ```
    pub fn id(self) -> &'static str {
        match self {
            Era::Seireki => "seireki",
            Era::Reiwa => "reiwa",
            Era::Heisei => "heisei",
            Era::Showa => "showa",
            Era::Taisho => "taisho",
        }
    }

    /// The era of an [`id`](Era::id); `None` for any other text (a stored answer from elsewhere).
    pub fn from_id(id: &str) -> Option<Era> {
        Era::ALL.into_iter().find(|era| era.id() == id)
    }

    fn span(self) -> Option<EraSpan> {
        ERAS.into_iter().find(|span| span.era == self)
    }

    /// The last year number of an era that has ended (平成 → 31).
    pub fn last_year(self) -> Option<u32> {
        let span = self.span()?;
        let last = span.last?;
        u32::try_from(last.year() - span.first.year() + 1).ok()
    }
}

/// The era and era year of a date, if it falls in one of the eras the guide reads, 大正 to 令和
/// (1985-10-10 → 昭和60).
///
/// ```
/// # use rules::{to_era, Era}; use rules::ymd;
/// assert_eq!(to_era(ymd(1985, 10, 10)), Some((Era::Showa, 60)));
/// assert_eq!(to_era(ymd(2019, 5, 1)), Some((Era::Reiwa, 1)));
/// ```
pub fn to_era(date: NaiveDate) -> Option<(Era, u32)> {
    let span = ERAS.into_iter().find(|s| s.first <= date && s.last.is_none_or(|last| date <= last))?;
    Some((span.era, u32::try_from(date.year() - span.first.year() + 1).ok()?))
}

/// The part of a date group at fault, for the error message and `aria-invalid`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatePart {
    Year,
    Month,
    Day,
}

/// Why typed text is not a date; the app words each variant from its locale files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateInputError {
    /// Nothing typed.
    Missing,
    /// One or two boxes empty (all three is [`DateInputError::Missing`]): the first empty one, and the second
    /// when two are, so that one message names both and both boxes are marked (GOV.UK's date input).
    Incomplete(DatePart, Option<DatePart>),
    /// A box that is not a whole number.
    NotANumber(DatePart),
    /// An era year beyond the era (平成は31年までです); 0 is out of range too.
    EraYearOutOfRange { era: Era, last_year: Option<u32> },
    /// No such day (2月30日はありません).
    Impossible { month: u32, day: u32 },
    /// The date is outside the era typed; `suggestion` is the same day in the right era.
    OutsideEra { suggestion: (Era, u32, u32, u32) },
    /// Outside the years 0000–9999 the guide accepts.
    OutOfRange,
}

impl Era {
    /// The era's English name, for [`DateInputError`]'s message.
    fn english(self) -> &'static str {
        match self {
            Era::Seireki => "the Western calendar",
            Era::Reiwa => "Reiwa",
            Era::Heisei => "Heisei",
            Era::Showa => "Showa",
            Era::Taisho => "Taisho",
        }
    }
}

impl std::fmt::Display for DatePart {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            DatePart::Year => "year",
            DatePart::Month => "month",
            DatePart::Day => "day",
        })
    }
}

/// A message in English a citizen can act on (the app words each variant from its own locale files).
impl std::fmt::Display for DateInputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DateInputError::Missing => f.write_str("Enter the date."),
            DateInputError::Incomplete(part, None) => write!(f, "The date must include a {part}."),
            DateInputError::Incomplete(first, Some(second)) => {
                write!(f, "The date must include a {first} and a {second}.")
            }
            DateInputError::NotANumber(DatePart::Year) => {
                f.write_str("Enter the year as a number (four digits, or the era's year).")
            }
            DateInputError::NotANumber(part) => write!(f, "Enter the {part} as a number."),
            DateInputError::EraYearOutOfRange { era, last_year: Some(last) } => {
                write!(f, "{} runs from year 1 to year {last}. Check the year.", era.english())
            }
            DateInputError::EraYearOutOfRange { era, last_year: None } => {
                write!(f, "A year of {} starts at 1. Check the year.", era.english())
            }
            DateInputError::Impossible { month, day } => {
                write!(f, "There is no day {day} in month {month}. Enter a real date.")
            }
            DateInputError::OutsideEra { suggestion: (era, year, month, day) } => write!(
                f,
                "This date is not in the era chosen. Did you mean {} {year}, month {month}, day {day}?",
                era.english()
            ),
            DateInputError::OutOfRange => f.write_str("Enter a date between the years 0000 and 9999."),
        }
    }
}

impl std::error::Error for DateInputError {}

/// Makes typed text comparable: full-width digits to ASCII, spaces removed, a trailing 年/月/日
/// dropped, 「元」 read as 1.
pub fn normalize(text: &str) -> String {
    let mut out: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '０'..='９' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect();
    for suffix in ['年', '月', '日'] {
        if let Some(stripped) = out.strip_suffix(suffix) {
            out = stripped.to_owned();
        }
    }
    if out == "元" {
        out = "1".to_owned();
    }
    out
}

fn number(text: &str, part: DatePart) -> Result<u32, DateInputError> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) || text.len() > 6 {
        return Err(DateInputError::NotANumber(part));
    }
    text.parse().map_err(|_| DateInputError::NotANumber(part))
}

/// Reads a date typed as era, year, month and day (docs/design.md §3.3). A 4-digit year is always
/// 西暦, whatever the era select says (so that autofill works).
///
/// ```
/// # use rules::{parse_era_date, Era, DateInputError}; use rules::ymd;
/// assert_eq!(parse_era_date(Era::Showa, "60", "10", "10"), Ok(ymd(1985, 10, 10)));
/// assert_eq!(parse_era_date(Era::Reiwa, "元", "５", "１"), Ok(ymd(2019, 5, 1)));
/// assert_eq!(parse_era_date(Era::Heisei, "1985", "10", "10"), Ok(ymd(1985, 10, 10)));
/// assert_eq!(
///     parse_era_date(Era::Heisei, "31", "5", "1"),
///     Err(DateInputError::OutsideEra { suggestion: (Era::Reiwa, 1, 5, 1) })
/// );
/// ```
pub fn parse_era_date(era: Era, year: &str, month: &str, day: &str) -> Result<NaiveDate, DateInputError> {
    let (year, month, day) = (normalize(year), normalize(month), normalize(day));
    if year.is_empty() && month.is_empty() && day.is_empty() {
        return Err(DateInputError::Missing);
    }
    let mut empty = [(&year, DatePart::Year), (&month, DatePart::Month), (&day, DatePart::Day)]
        .into_iter()
        .filter(|(t, _)| t.is_empty());
    if let Some((_, first)) = empty.next() {
        return Err(DateInputError::Incomplete(first, empty.next().map(|(_, part)| part)));
    }
    let y = number(&year, DatePart::Year)?;
    let m = number(&month, DatePart::Month)?;
    let d = number(&day, DatePart::Day)?;

    let span = if year.len() == 4 { None } else { ERAS.into_iter().find(|s| s.era == era) };
    let gregorian_year = match span {
        None => {
            if era == Era::Seireki && year.len() != 4 {
                // 西暦 needs all four digits: "85" is not 1985.
                return Err(DateInputError::NotANumber(DatePart::Year));
            }
            y
        }
        Some(span) => {
            let last_year = era.last_year();
            if y == 0 || last_year.is_some_and(|last| y > last) {
                return Err(DateInputError::EraYearOutOfRange { era, last_year });
            }
            u32::try_from(span.first.year()).unwrap_or(0) + y - 1
        }
    };
    if gregorian_year > 9999 {
        return Err(DateInputError::OutOfRange);
    }
    let year_i32 = i32::try_from(gregorian_year).map_err(|_| DateInputError::OutOfRange)?;
    let date = NaiveDate::from_ymd_opt(year_i32, m, d).ok_or(DateInputError::Impossible { month: m, day: d })?;
    if let Some(span) = span {
        let inside = span.first <= date && span.last.is_none_or(|last| date <= last);
        if !inside {
            return match to_era(date) {
                Some((right_era, right_year)) => {
                    Err(DateInputError::OutsideEra { suggestion: (right_era, right_year, m, d) })
                }
                None => Err(DateInputError::OutOfRange),
            };
        }
    }
    Ok(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::testing::d;

    #[test]
    fn first_and_last_days_of_every_era() {
        // (era, year, month, day, expected) — docs/design.md §3.3 table
        let cases = [
            (Era::Reiwa, "1", "5", "1", "2019-05-01"),
            (Era::Heisei, "31", "4", "30", "2019-04-30"),
            (Era::Heisei, "1", "1", "8", "1989-01-08"),
            (Era::Showa, "64", "1", "7", "1989-01-07"),
            (Era::Showa, "1", "12", "25", "1926-12-25"),
            (Era::Taisho, "15", "12", "24", "1926-12-24"),
            (Era::Taisho, "1", "7", "30", "1912-07-30"),
        ];
        for (era, y, m, day, want) in cases {
            assert_eq!(parse_era_date(era, y, m, day), Ok(d(want)), "{era:?} {y}-{m}-{day}");
            assert_eq!(to_era(d(want)).map(|(e, _)| e), Some(era));
        }
    }

    #[test]
    fn the_day_beside_each_boundary_is_outside_the_era() {
        let cases = [
            (Era::Heisei, "31", "5", "1", (Era::Reiwa, 1, 5, 1)),
            (Era::Reiwa, "1", "4", "30", (Era::Heisei, 31, 4, 30)),
            (Era::Heisei, "1", "1", "7", (Era::Showa, 64, 1, 7)),
            (Era::Showa, "64", "1", "8", (Era::Heisei, 1, 1, 8)),
            (Era::Showa, "1", "12", "24", (Era::Taisho, 15, 12, 24)),
            (Era::Taisho, "15", "12", "25", (Era::Showa, 1, 12, 25)),
        ];
        for (era, y, m, day, suggestion) in cases {
            assert_eq!(
                parse_era_date(era, y, m, day),
                Err(DateInputError::OutsideEra { suggestion }),
                "{era:?} {y}-{m}-{day}"
            );
        }
        assert_eq!(parse_era_date(Era::Taisho, "1", "7", "29"), Err(DateInputError::OutOfRange), "明治 is not offered");
    }

    #[test]
    fn errors_come_in_the_taxonomys_order() {
        assert_eq!(parse_era_date(Era::Seireki, "", " ", ""), Err(DateInputError::Missing));
        assert_eq!(
            parse_era_date(Era::Seireki, "1985", "", "10"),
            Err(DateInputError::Incomplete(DatePart::Month, None))
        );
        assert_eq!(
            parse_era_date(Era::Seireki, "", "x", ""),
            Err(DateInputError::Incomplete(DatePart::Year, Some(DatePart::Day)))
        );
        assert_eq!(
            parse_era_date(Era::Seireki, "1985", "", ""),
            Err(DateInputError::Incomplete(DatePart::Month, Some(DatePart::Day)))
        );
        assert_eq!(parse_era_date(Era::Seireki, "", "1", "1"), Err(DateInputError::Incomplete(DatePart::Year, None)));
        assert_eq!(parse_era_date(Era::Seireki, "1985", "十", "10"), Err(DateInputError::NotANumber(DatePart::Month)));
        assert_eq!(parse_era_date(Era::Seireki, "85", "10", "10"), Err(DateInputError::NotANumber(DatePart::Year)));
        assert_eq!(
            parse_era_date(Era::Heisei, "32", "1", "1"),
            Err(DateInputError::EraYearOutOfRange { era: Era::Heisei, last_year: Some(31) })
        );
        assert_eq!(
            parse_era_date(Era::Reiwa, "0", "1", "1"),
            Err(DateInputError::EraYearOutOfRange { era: Era::Reiwa, last_year: None })
        );
        assert_eq!(
            parse_era_date(Era::Seireki, "2025", "2", "30"),
            Err(DateInputError::Impossible { month: 2, day: 30 })
        );
        assert_eq!(
            parse_era_date(Era::Seireki, "2025", "13", "1"),
            Err(DateInputError::Impossible { month: 13, day: 1 })
        );
    }

    #[test]
    fn typed_forms_are_normalised() {
        assert_eq!(parse_era_date(Era::Showa, "６０年", "１０月", "１０日"), Ok(d("1985-10-10")));
        assert_eq!(parse_era_date(Era::Reiwa, " 元 ", "5", "1"), Ok(d("2019-05-01")));
        assert_eq!(parse_era_date(Era::Showa, "２０２５", "1", "1"), Ok(d("2025-01-01")), "4 digits are 西暦");
        assert_eq!(parse_era_date(Era::Seireki, "2024", "02", "29"), Ok(d("2024-02-29")));
        assert_eq!(parse_era_date(Era::Seireki, "2024", "-2", "1"), Err(DateInputError::NotANumber(DatePart::Month)));
        assert_eq!(parse_era_date(Era::Seireki, "0000", "1", "1"), Ok(d("0000-01-01")));
    }

    #[test]
    fn errors_read_in_english() {
        let cases = [
            ((Era::Seireki, "", "", ""), "Enter the date."),
            ((Era::Seireki, "1985", "", "10"), "The date must include a month."),
            ((Era::Seireki, "1985", "", ""), "The date must include a month and a day."),
            ((Era::Heisei, "32", "1", "1"), "Heisei runs from year 1 to year 31. Check the year."),
            ((Era::Seireki, "2025", "2", "30"), "There is no day 30 in month 2. Enter a real date."),
            (
                (Era::Heisei, "31", "5", "1"),
                "This date is not in the era chosen. Did you mean Reiwa 1, month 5, day 1?",
            ),
        ];
        for ((era, y, m, d), want) in cases {
            assert_eq!(parse_era_date(era, y, m, d).unwrap_err().to_string(), want);
        }
        let boxed: Box<dyn std::error::Error> = Box::new(DateInputError::OutOfRange);
        assert!(boxed.to_string().contains("9999"));
    }

    #[test]
    fn ids_are_unique_and_read_back() {
        for era in Era::ALL {
            assert_eq!(Era::from_id(era.id()), Some(era));
        }
        assert_eq!(Era::from_id("meiji"), None);
        assert_eq!(Era::from_id(""), None);
    }

    #[test]
    fn ended_eras_know_their_last_year() {
        assert_eq!(Era::Heisei.last_year(), Some(31));
        assert_eq!(Era::Showa.last_year(), Some(64));
        assert_eq!(Era::Taisho.last_year(), Some(15));
        assert_eq!(Era::Reiwa.last_year(), None);
        assert_eq!(Era::Seireki.last_year(), None);
    }
}
