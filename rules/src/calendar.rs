//! The days the ward offices are closed (`calendar.closed`, `docs/rules.md` §3.7).
//!
//! The engine never moves a computed date off a closed day: going earlier is always safe, and whether a
//! statutory deadline moves to the next open day is the office's call. It only says why a `by` is closed
//! (`by_closed`, §14.2), so that the guide can tell the citizen to go by the open day before it.
//!
//! National holidays are computed from 国民の祝日に関する法律 (the 祝日法) as in force in each year, for
//! 2000–2099 only: the fixed days, the n-th Mondays, the equinox formula and the special years are a few
//! comparisons, where a table of dates would cost the wasm more and end some year. `rules/tests/calendar.rs`
//! checks every day of 2000–2027 against the Cabinet Office's published list.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// The years whose national holidays are computed (`docs/rules.md` §3.7). The equinox formula holds for
/// 1980–2099; before 2000 the Mondays and 振替休日 followed older versions of the law.
pub const HOLIDAY_YEARS: std::ops::RangeInclusive<i32> = 2000..=2099;

/// Why the offices are closed on a day: the first reason that applies (`docs/rules.md` §3.7), the action
/// field `by_closed` of docs/contract.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Closed {
    /// 12-29 to 01-03: the city's year-end holidays, set by its ordinance (地方自治法4条の2), whatever the
    /// weekday.
    YearEnd,
    /// A national holiday, a 振替休日 or a 国民の休日 (see [`holiday`]).
    Holiday,
    Sunday,
    Saturday,
}

/// Which holiday a day is. Names only: the app words them in its locale files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holiday {
    /// 元日, 01-01.
    NewYearsDay,
    /// 成人の日, the 2nd Monday of January.
    ComingOfAgeDay,
    /// 建国記念の日, 02-11.
    FoundationDay,
    /// 天皇誕生日: 12-23 until 2018, none in 2019, 02-23 from 2020.
    EmperorsBirthday,
    /// 春分の日.
    VernalEquinox,
    /// 昭和の日, 04-29 from 2007.
    ShowaDay,
    /// みどりの日: 04-29 until 2006, 05-04 from 2007.
    GreeneryDay,
    /// 憲法記念日, 05-03.
    ConstitutionDay,
    /// こどもの日, 05-05.
    ChildrensDay,
    /// 海の日.
    MarineDay,
    /// 山の日, from 2016.
    MountainDay,
    /// 敬老の日.
    RespectForTheAged,
    /// 秋分の日.
    AutumnalEquinox,
    /// 体育の日, renamed スポーツの日 from 2020.
    SportsDay,
    /// 文化の日, 11-03.
    CultureDay,
    /// 勤労感謝の日, 11-23.
    LabourThanksgiving,
    /// 即位の日, 2019-05-01 (天皇の即位の日及び即位礼正殿の儀の行われる日を休日とする法律).
    EnthronementDay,
    /// 即位礼正殿の儀の行われる日, 2019-10-22 (the same law).
    EnthronementCeremony,
    /// 振替休日 (祝日法3条2項).
    Substitute,
    /// 国民の休日 (祝日法3条3項), e.g. 2019-04-30, 2019-05-02, 2026-09-22.
    Citizens,
}

/// Whether and why the offices are closed on `d` (`calendar.closed`, `docs/rules.md` §3.7): year-end, then a
/// national holiday, then Sunday, then Saturday. A holiday on 01-01 to 01-03 is `YearEnd`; a holiday on a
/// Saturday or Sunday is `Holiday`. Total: any date chrono can hold gives an answer.
///
/// ```
/// # use rules::{closed, Closed, ymd};
/// assert_eq!(closed(ymd(2026, 12, 31)), Some(Closed::YearEnd));
/// assert_eq!(closed(ymd(2026, 9, 22)), Some(Closed::Holiday)); // 国民の休日
/// assert_eq!(closed(ymd(2026, 9, 27)), Some(Closed::Sunday));
/// assert_eq!(closed(ymd(2026, 9, 24)), None);
/// ```
pub fn closed(d: NaiveDate) -> Option<Closed> {
    let (month, day) = (d.month(), d.day());
    if (month == 12 && day >= 29) || (month == 1 && day <= 3) {
        return Some(Closed::YearEnd);
    }
    if holiday(d).is_some() {
        return Some(Closed::Holiday);
    }
    match d.weekday() {
        Weekday::Sun => Some(Closed::Sunday),
        Weekday::Sat => Some(Closed::Saturday),
        _ => None,
    }
}

/// The last day before `d` on which the offices are open, for the guide's advice to go by then when `by`
/// falls on a closed day (`docs/rules.md` §3.7: the date itself is never moved). `None` only at the start of
/// chrono's range. Closed runs last at most a week and a half (the year-end days next to a weekend and the
/// Golden Week), so the walk is short.
///
/// ```
/// # use rules::{open_day_before, ymd};
/// assert_eq!(open_day_before(ymd(2026, 12, 31)), Some(ymd(2026, 12, 28))); // year-end from the 29th
/// assert_eq!(open_day_before(ymd(2027, 1, 4)), Some(ymd(2026, 12, 28)));
/// assert_eq!(open_day_before(ymd(2025, 7, 21)), Some(ymd(2025, 7, 18))); // 海の日, then a weekend
/// ```
pub fn open_day_before(d: NaiveDate) -> Option<NaiveDate> {
    let mut day = d.pred_opt()?;
    while closed(day).is_some() {
        day = day.pred_opt()?;
    }
    Some(day)
}

/// The national holiday `d` is under 祝日法 as in force that year, a 振替休日 or a 国民の休日; `None` on other
/// days and outside [`HOLIDAY_YEARS`] (`docs/rules.md` §3.7).
///
/// ```
/// # use rules::{holiday, Holiday, ymd};
/// assert_eq!(holiday(ymd(2019, 5, 1)), Some(Holiday::EnthronementDay));
/// assert_eq!(holiday(ymd(2019, 4, 30)), Some(Holiday::Citizens));
/// assert_eq!(holiday(ymd(2027, 3, 22)), Some(Holiday::Substitute)); // 春分の日 on a Sunday
/// ```
pub fn holiday(d: NaiveDate) -> Option<Holiday> {
    if let Some(named) = national(d) {
        return Some(named);
    }
    let since_2007 = d.year() >= 2007;
    // 振替休日 (3条2項). Until 2006: 「国民の祝日」が日曜日に当たるときは、その翌日を休日とする — the next day
    // only, and not when that day is itself a 祝日. From 2007 (平成17年法律第43号): 「その日後においてその日
    // に最も近い「国民の祝日」でない日」 — so `d` is one when the unbroken run of 祝日 just before it holds a
    // Sunday. A run is at most three days long (05-03 to 05-05); seven is a bound, not a rule.
    let reach = if since_2007 { 7 } else { 1 };
    let mut run = (1..=reach).map_while(|n| d.checked_sub_days(Days::new(n)).filter(|e| national(*e).is_some()));
    if run.any(|e| e.weekday() == Weekday::Sun) {
        return Some(Holiday::Substitute);
    }
    // 国民の休日 (3条3項): a day whose day before and day after are both 祝日. Until 2006 the law excepted a
    // Sunday (「日曜日にあたる日…を除く」): so 2003-05-04 is a plain Sunday, as the Cabinet Office lists it.
    // docs/rules.md §3.7's summary leaves that exception out; the law and the published list win, and for a
    // citizen it changes only the reason named (Sunday), not whether the office is closed.
    let is_national = |e: Option<NaiveDate>| e.and_then(national).is_some();
    let sandwiched = is_national(d.pred_opt()) && is_national(d.succ_opt());
    (sandwiched && (since_2007 || d.weekday() != Weekday::Sun)).then_some(Holiday::Citizens)
}

/// The 国民の祝日 proper (祝日法2条, as amended each year), with the days special laws made 祝日 or moved:
/// 2019's 即位の日 and 即位礼正殿の儀 (which count as 祝日 for 3条, hence 2019-04-30 and 05-02), and the
/// Olympic moves of 2020 and 2021 (東京オリンピック・パラリンピック特別措置法32条の2).
fn national(d: NaiveDate) -> Option<Holiday> {
    use Holiday::*;
    let y = d.year();
    if !HOLIDAY_YEARS.contains(&y) {
        return None;
    }
    let (month, day) = (d.month(), d.day());
    // ハッピーマンデー: the n-th Monday of the month (成人の日 and 体育の日 from 2000, 海の日 and 敬老の日
    // from 2003).
    let monday = |n: u32| d.weekday() == Weekday::Mon && day.div_ceil(7) == n;
    let olympic = matches!(y, 2020 | 2021);
    Some(match (month, day) {
        (1, 1) => NewYearsDay,
        (1, _) if monday(2) => ComingOfAgeDay,
        (2, 11) => FoundationDay,
        (2, 23) if y >= 2020 => EmperorsBirthday,
        (3, _) if day == equinox(y, 20_843_100) => VernalEquinox,
        (4, 29) if y >= 2007 => ShowaDay,
        (4, 29) => GreeneryDay,
        (5, 1) if y == 2019 => EnthronementDay,
        (5, 3) => ConstitutionDay,
        (5, 4) if y >= 2007 => GreeneryDay,
        (5, 5) => ChildrensDay,
        (7, 20) if y <= 2002 => MarineDay,
        (7, _) if y >= 2003 && !olympic && monday(3) => MarineDay,
        (7, 23) if y == 2020 => MarineDay,
        (7, 24) if y == 2020 => SportsDay,
        (7, 22) if y == 2021 => MarineDay,
        (7, 23) if y == 2021 => SportsDay,
        (8, 11) if y >= 2016 && !olympic => MountainDay,
        (8, 10) if y == 2020 => MountainDay,
        (8, 8) if y == 2021 => MountainDay,
        (9, 15) if y <= 2002 => RespectForTheAged,
        (9, _) if y >= 2003 && monday(3) => RespectForTheAged,
        (9, _) if day == equinox(y, 23_248_800) => AutumnalEquinox,
        (10, _) if !olympic && monday(2) => SportsDay,
        (10, 22) if y == 2019 => EnthronementCeremony,
        (11, 3) => CultureDay,
        (11, 23) => LabourThanksgiving,
        (12, 23) if y <= 2018 => EmperorsBirthday,
        _ => return None,
    })
}

/// The day of the month of an equinox in year `y` (1980–2099): ⌊base + 0.242194 (y − 1980) − ⌊(y − 1980)/4⌋⌋
/// with base 20.8431 (March) or 23.2488 (September), `docs/rules.md` §3.7. The law names the days 春分日 / 秋分日
/// and the 官報 announces them each February for the next year: the formula gives every day of the published
/// lists the tests read (2000–2027); later years are its prediction, the reading docs/rules.md chooses. Worked in
/// millionths, so no float rounding can move a day.
fn equinox(y: i32, base_millionths: i64) -> u32 {
    let n = i64::from(y) - 1980;
    let day = (base_millionths + 242_194 * n).div_euclid(1_000_000) - n.div_euclid(4);
    u32::try_from(day).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::testing::d;

    #[test]
    fn the_examples_of_rules_3_7() {
        use Holiday::*;
        // (name, date, holiday, closed)
        let cases = [
            ("国民の休日 2009", "2009-09-22", Some(Citizens), Some(Closed::Holiday)),
            ("国民の休日 2015", "2015-09-22", Some(Citizens), Some(Closed::Holiday)),
            ("国民の休日 2026", "2026-09-22", Some(Citizens), Some(Closed::Holiday)),
            ("国民の休日 2032", "2032-09-21", Some(Citizens), Some(Closed::Holiday)),
            ("即位の日の前日", "2019-04-30", Some(Citizens), Some(Closed::Holiday)),
            ("即位の日", "2019-05-01", Some(EnthronementDay), Some(Closed::Holiday)),
            ("即位の日の翌日", "2019-05-02", Some(Citizens), Some(Closed::Holiday)),
            ("即位礼正殿の儀", "2019-10-22", Some(EnthronementCeremony), Some(Closed::Holiday)),
            ("天皇誕生日なし 2019", "2019-12-23", None, None),
            ("天皇誕生日 2018", "2018-12-23", Some(EmperorsBirthday), Some(Closed::Holiday)),
            ("天皇誕生日 2020", "2020-02-23", Some(EmperorsBirthday), Some(Closed::Holiday)),
            ("2019年の体育の日", "2019-10-14", Some(SportsDay), Some(Closed::Holiday)),
            ("海の日 2020", "2020-07-23", Some(MarineDay), Some(Closed::Holiday)),
            ("スポーツの日 2020", "2020-07-24", Some(SportsDay), Some(Closed::Holiday)),
            ("山の日 2020", "2020-08-10", Some(MountainDay), Some(Closed::Holiday)),
            ("8月11日 2020 は火曜の平日", "2020-08-11", None, None),
            ("7月20日 2020 (3rd Monday) is not 海の日", "2020-07-20", None, None),
            ("10月12日 2020 (2nd Monday) is not スポーツの日", "2020-10-12", None, None),
            ("海の日 2021", "2021-07-22", Some(MarineDay), Some(Closed::Holiday)),
            ("スポーツの日 2021", "2021-07-23", Some(SportsDay), Some(Closed::Holiday)),
            ("山の日 2021 (Sunday)", "2021-08-08", Some(MountainDay), Some(Closed::Holiday)),
            ("山の日 2021 の振替休日", "2021-08-09", Some(Substitute), Some(Closed::Holiday)),
            ("海の日 2002 (fixed)", "2002-07-20", Some(MarineDay), Some(Closed::Holiday)),
            ("海の日 2003 (3rd Monday)", "2003-07-21", Some(MarineDay), Some(Closed::Holiday)),
            ("敬老の日 2002 (fixed, Sunday)", "2002-09-15", Some(RespectForTheAged), Some(Closed::Holiday)),
            ("敬老の日 2002 の振替休日", "2002-09-16", Some(Substitute), Some(Closed::Holiday)),
            ("みどりの日 2006", "2006-04-29", Some(GreeneryDay), Some(Closed::Holiday)),
            ("昭和の日 2007", "2007-04-29", Some(ShowaDay), Some(Closed::Holiday)),
            ("みどりの日 2007", "2007-05-04", Some(GreeneryDay), Some(Closed::Holiday)),
            ("山の日はまだない 2015", "2015-08-11", None, None),
            ("山の日 2016", "2016-08-11", Some(MountainDay), Some(Closed::Holiday)),
            ("振替休日 2007以後は次の祝日でない日", "2009-05-06", Some(Substitute), Some(Closed::Holiday)),
            ("春分の日", "2026-03-20", Some(VernalEquinox), Some(Closed::Holiday)),
            ("秋分の日", "2026-09-23", Some(AutumnalEquinox), Some(Closed::Holiday)),
            ("2003-05-04 は日曜 (旧3条3項)", "2003-05-04", None, Some(Closed::Sunday)),
            ("土曜の祝日は holiday", "2025-05-03", Some(ConstitutionDay), Some(Closed::Holiday)),
            ("ただの土曜", "2026-01-10", None, Some(Closed::Saturday)),
            ("建国記念の日・土曜", "2023-02-11", Some(FoundationDay), Some(Closed::Holiday)),
            ("文化の日・日曜", "2024-11-03", Some(CultureDay), Some(Closed::Holiday)),
            ("年末 12-29", "2026-12-29", None, Some(Closed::YearEnd)),
            ("元日は year_end", "2026-01-01", Some(NewYearsDay), Some(Closed::YearEnd)),
            ("1月3日・日曜も year_end", "2027-01-03", None, Some(Closed::YearEnd)),
            ("元日が日曜・振替休日も year_end", "2023-01-02", Some(Substitute), Some(Closed::YearEnd)),
            ("1月4日は開庁", "2027-01-04", None, None),
            ("12月28日は開庁", "2026-12-28", None, None),
            ("範囲外 1999 の祝日は数えない", "1999-11-03", None, None),
            ("範囲外 2100 の元日も year_end", "2100-01-01", None, Some(Closed::YearEnd)),
            ("範囲外 2100 の文化の日は水曜", "2100-11-03", None, None),
            ("範囲外 1999 の日曜", "1999-11-07", None, Some(Closed::Sunday)),
            ("範囲外 2100 の土曜", "2100-11-06", None, Some(Closed::Saturday)),
            ("2099 の文化の日", "2099-11-03", Some(CultureDay), Some(Closed::Holiday)),
        ];
        for (name, date, want_holiday, want_closed) in cases {
            assert_eq!(holiday(d(date)), want_holiday, "holiday({date}): {name} (rules §3.7)");
            assert_eq!(closed(d(date)), want_closed, "closed({date}): {name} (rules §3.7)");
        }
    }
}
