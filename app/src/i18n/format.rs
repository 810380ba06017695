//! Dates, money and day counts in each language (design.md §4, "Formats"). The words come from the
//! locale files; the order of the parts is written here once, with table tests. Built from
//! `year()/month()/day()/weekday()`, not chrono's `format()` (size).

use chrono::{Datelike, NaiveDate, Weekday};
use rules::era::{to_era, Era};

use super::{Locale, Msg};

/// The message naming an era (令和, Reiwa, {令和|れいわ}).
pub fn era_name(era: Era) -> Msg {
    match era {
        Era::Seireki => Msg::FormatEraSeireki,
        Era::Reiwa => Msg::FormatEraReiwa,
        Era::Heisei => Msg::FormatEraHeisei,
        Era::Showa => Msg::FormatEraShowa,
        Era::Taisho => Msg::FormatEraTaisho,
    }
}

fn weekday(day: Weekday) -> Msg {
    match day {
        Weekday::Mon => Msg::FormatWeekdayMon,
        Weekday::Tue => Msg::FormatWeekdayTue,
        Weekday::Wed => Msg::FormatWeekdayWed,
        Weekday::Thu => Msg::FormatWeekdayThu,
        Weekday::Fri => Msg::FormatWeekdayFri,
        Weekday::Sat => Msg::FormatWeekdaySat,
        Weekday::Sun => Msg::FormatWeekdaySun,
    }
}

fn month_name(month: u32) -> Msg {
    const MONTHS: [Msg; 12] = [
        Msg::FormatMonth1,
        Msg::FormatMonth2,
        Msg::FormatMonth3,
        Msg::FormatMonth4,
        Msg::FormatMonth5,
        Msg::FormatMonth6,
        Msg::FormatMonth7,
        Msg::FormatMonth8,
        Msg::FormatMonth9,
        Msg::FormatMonth10,
        Msg::FormatMonth11,
        Msg::FormatMonth12,
    ];
    MONTHS.get(month.saturating_sub(1) as usize).copied().unwrap_or(Msg::FormatMonth1)
}

/// A year in an era as the card prints it: 令和11年, 令和元年 (Japanese only).
pub fn era_year(era: Era, year: u32) -> String {
    let mut out = String::from(Locale::Ja.raw(era_name(era)));
    if year == 1 {
        out.push_str("元年");
    } else {
        out.push_str(&year.to_string());
        out.push('年');
    }
    out
}

/// A date in the locale's format:
/// ja 2029年（令和11年）10月10日（水）, ja-easy 2029年10月10日（{水|すい}）, en Wednesday 10 October 2029.
/// The result may hold ruby marks (ja-easy); `rich::plain_text` strips them.
pub fn date(locale: Locale, d: NaiveDate) -> String {
    let (y, m, day) = (d.year(), d.month(), d.day());
    let wd = locale.raw(weekday(d.weekday()));
    match locale {
        Locale::Ja => match to_era(d) {
            Some((era, n)) => format!("{y}年（{}）{m}月{day}日（{wd}）", era_year(era, n)),
            None => format!("{y}年{m}月{day}日（{wd}）"),
        },
        Locale::JaEasy => format!("{y}年{m}月{day}日（{wd}）"),
        Locale::En => format!("{wd} {day} {} {y}", locale.raw(month_name(m))),
    }
}

/// 1000 → "1,000".
pub fn thousands(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A fee: ja 1,000円 / 無料, en ¥1,000 / free.
pub fn money(locale: Locale, yen: u32) -> String {
    if yen == 0 {
        return locale.raw(Msg::FormatFree).to_owned();
    }
    super::rich::fill(locale.raw(Msg::FormatYen), "{amount}", &thousands(yen))
}

/// Days from `today` to `to`: あと45日 / 45 days left / 1 day left; `None` when `to` is not after today.
pub fn days_left(locale: Locale, today: NaiveDate, to: NaiveDate) -> Option<String> {
    let n = (to - today).num_days();
    if n <= 0 {
        return None;
    }
    let msg = if n == 1 { Msg::FormatDaysLeftOne } else { Msg::FormatDaysLeftOther };
    let count = u32::try_from(n).map(thousands).unwrap_or_else(|_| n.to_string());
    Some(super::rich::fill(locale.raw(msg), "{n}", &count))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn dates_in_each_language() {
        // design.md §4 table
        let cases = [
            (Locale::Ja, "2029-10-10", "2029年（令和11年）10月10日（水）"),
            (Locale::Ja, "2019-05-01", "2019年（令和元年）5月1日（水）"),
            (Locale::Ja, "1985-10-10", "1985年（昭和60年）10月10日（木）"),
            (Locale::Ja, "1900-01-01", "1900年1月1日（月）"),
            (Locale::JaEasy, "2029-10-10", "2029年10月10日（{水|すい}）"),
            (Locale::En, "2029-10-10", "Wednesday 10 October 2029"),
            (Locale::En, "2026-11-24", "Tuesday 24 November 2026"),
        ];
        for (locale, date_text, want) in cases {
            assert_eq!(date(locale, d(date_text)), want, "{locale:?} {date_text}");
        }
    }

    #[test]
    fn money_and_days() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(800), "800");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(money(Locale::Ja, 1000), "1,000円");
        assert_eq!(money(Locale::En, 2000), "¥2,000");
        assert_eq!(money(Locale::Ja, 0), "無料");
        assert_eq!(money(Locale::En, 0), "free");
        assert_eq!(days_left(Locale::Ja, d("2026-11-24"), d("2027-01-08")).as_deref(), Some("あと45日"));
        assert_eq!(days_left(Locale::En, d("2026-11-24"), d("2026-11-25")).as_deref(), Some("1 day left"));
        assert_eq!(days_left(Locale::En, d("2026-11-24"), d("2029-10-10")).as_deref(), Some("1,051 days left"));
        assert_eq!(days_left(Locale::En, d("2026-11-24"), d("2026-11-24")), None);
    }
}
