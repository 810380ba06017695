//! Dates, money and day counts in each language (docs/design.md §4, "Formats"). The words come from the
//! locale files; the order of the parts is written here once, with table tests. Built from
//! `year()/month()/day()/weekday()`, not chrono's `format()` (size).

use chrono::{Datelike, NaiveDate};
use rules::{to_era, Era};

use super::words;
use super::{Locale, Msg};

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
    let mut out = String::from(Locale::Ja.raw(words::era(era)));
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
    let wd = locale.raw(words::weekday(d.weekday()));
    match locale {
        Locale::Ja => match to_era(d) {
            Some((era, n)) => format!("{y}年（{}）{m}月{day}日（{wd}）", era_year(era, n)),
            None => format!("{y}年{m}月{day}日（{wd}）"),
        },
        Locale::JaEasy => format!("{y}年{m}月{day}日（{wd}）"),
        Locale::En => format!("{wd} {day} {} {y}", locale.raw(month_name(m))),
    }
}

/// A day named in a sentence, without its weekday: the day a rule took effect (ja and ja-easy
/// 2024年12月2日, en 2 December 2024). The 和暦 is left out as the sentence would write it: it is not a date the
/// citizen compares with the card.
pub fn day(locale: Locale, d: NaiveDate) -> String {
    let (y, m, day) = (d.year(), d.month(), d.day());
    match locale {
        Locale::Ja | Locale::JaEasy => format!("{y}年{m}月{day}日"),
        Locale::En => format!("{day} {} {y}", locale.raw(month_name(m))),
    }
}

/// A time of day as a clock shows it, the same in the three languages: 6:30, 23:00.
pub fn clock(hour: u32, minute: u32) -> String {
    format!("{hour}:{minute:02}")
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

/// A number with its unit, the English plural chosen by the number: `counted(locale, 14, [one, other])`
/// with `format.days.*` → 14日 / 14 days / 1 day.
pub fn counted(locale: Locale, n: u32, [one, other]: [Msg; 2]) -> String {
    super::rich::fill(locale.raw(if n == 1 { one } else { other }), "{n}", &thousands(n))
}

/// The units a figure may have: `format.days.*`, `format.months.*`, `format.hours.*`.
pub const DAYS: [Msg; 2] = [Msg::FormatDaysOne, Msg::FormatDaysOther];
pub const MONTHS: [Msg; 2] = [Msg::FormatMonthsOne, Msg::FormatMonthsOther];
pub const HOURS: [Msg; 2] = [Msg::FormatHoursOne, Msg::FormatHoursOther];

/// Days from `today` to `to`: あと45日 / 45 days left / 1 day left; `None` when `to` is not after today.
pub fn days_left(locale: Locale, today: NaiveDate, to: NaiveDate) -> Option<String> {
    let n = u32::try_from((to - today).num_days()).ok().filter(|n| *n > 0)?;
    Some(counted(locale, n, [Msg::FormatDaysLeftOne, Msg::FormatDaysLeftOther]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn dates_in_each_language() {
        // docs/design.md §4 table
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
    fn days_and_clock_times() {
        assert_eq!(day(Locale::Ja, d("2024-12-02")), "2024年12月2日");
        assert_eq!(day(Locale::JaEasy, d("2022-04-01")), "2022年4月1日");
        assert_eq!(day(Locale::En, d("2024-05-27")), "27 May 2024");
        assert_eq!(clock(6, 30), "6:30");
        assert_eq!(clock(23, 0), "23:00");
        assert_eq!(counted(Locale::Ja, 14, DAYS), "14日");
        assert_eq!(counted(Locale::En, 14, DAYS), "14 days");
        assert_eq!(counted(Locale::En, 1, MONTHS), "1 month");
        assert_eq!(counted(Locale::En, 3, MONTHS), "3 months");
        assert_eq!(counted(Locale::Ja, 1, MONTHS), "1か月");
        assert_eq!(counted(Locale::JaEasy, 24, HOURS), "24{時間|じかん}");
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
