//! `rules::{closed, holiday}` against published lists of Japan's national holidays, every day of 2000–2027, in both
//! directions (docs/rules.md §3.7: "Test it against an independent published list of the Cabinet Office's
//! holidays"), and `closed` on any date chrono can hold.
//!
//! The lists are `tests/fixtures/holidays-*.csv`, written by `scripts/holiday-lists` from two npm packages
//! that ship a list (neither computes a date): the Cabinet Office's own syukujitsu.csv (to 2026, its last
//! year in the package) and the holiday_jp project's list (to 2027; its names also tell a 振替休日 from a
//! 国民の休日). `holiday()` is compared, not `closed()`, because 01-01 to 01-03 are `year_end` there.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, Weekday};
use proptest::prelude::*;
use rules::ymd;
use rules::{closed, holiday, Closed, Holiday, HOLIDAY_YEARS};

/// One published list and how to read its names.
struct List {
    source: &'static str,
    text: &'static str,
    last_year: i32,
    /// What the list's plain 「休日」 may be: the Cabinet Office writes it for both kinds.
    plain_holiday: &'static [Holiday],
}

const CABINET_OFFICE: List = List {
    source: "the Cabinet Office's list (npm japanese-public-holidays)",
    text: include_str!("fixtures/holidays-cabinet-office.csv"),
    last_year: 2026,
    plain_holiday: &[Holiday::Substitute, Holiday::Citizens],
};

const HOLIDAY_JP: List = List {
    source: "holiday_jp's list (npm @holiday-jp/holiday_jp)",
    text: include_str!("fixtures/holidays-holiday-jp.csv"),
    last_year: 2027,
    plain_holiday: &[Holiday::Citizens],
};

/// The kinds a list's name can stand for. An unknown name fails the test rather than passing unread.
fn kinds(name: &str, plain_holiday: &'static [Holiday]) -> &'static [Holiday] {
    use Holiday::*;
    if name.ends_with(" 振替休日") {
        return &[Substitute];
    }
    match name {
        "元日" => &[NewYearsDay],
        "成人の日" => &[ComingOfAgeDay],
        "建国記念の日" => &[FoundationDay],
        "天皇誕生日" => &[EmperorsBirthday],
        "春分の日" => &[VernalEquinox],
        "昭和の日" => &[ShowaDay],
        "みどりの日" => &[GreeneryDay],
        "憲法記念日" => &[ConstitutionDay],
        "こどもの日" => &[ChildrensDay],
        "海の日" => &[MarineDay],
        "山の日" => &[MountainDay],
        "敬老の日" => &[RespectForTheAged],
        "秋分の日" => &[AutumnalEquinox],
        "体育の日" | "スポーツの日" | "体育の日（スポーツの日）" => &[SportsDay],
        "文化の日" => &[CultureDay],
        "勤労感謝の日" => &[LabourThanksgiving],
        // 2019-05-01 and 2019-10-22, 天皇の即位の日及び即位礼正殿の儀の行われる日を休日とする法律.
        "休日（祝日扱い）" => &[EnthronementDay, EnthronementCeremony],
        "休日" => plain_holiday,
        _ => panic!("a name this test does not know: {name:?}"),
    }
}

fn parse(list: &List) -> BTreeMap<NaiveDate, &'static str> {
    list.text
        .lines()
        .filter(|line| !line.starts_with('#') && !line.is_empty())
        .map(|line| {
            let (date, name) = line.split_once(',').unwrap();
            (date.parse::<NaiveDate>().unwrap(), name)
        })
        .collect()
}

/// Every day from 2000-01-01 to the list's last year: listed ⇔ `holiday()` names it, with a kind the
/// list's name allows. Returns (days compared, holidays matched).
fn compare(list: &List) -> (usize, usize) {
    let listed = parse(list);
    let first = ymd(2000, 1, 1);
    let last = ymd(list.last_year, 12, 31);
    assert!(
        listed.keys().all(|d| (first..=last).contains(d)),
        "{}: a date outside 2000–{}",
        list.source,
        list.last_year
    );
    assert!(listed.keys().any(|d| d.year() == list.last_year), "{}: nothing in {}", list.source, list.last_year);
    let (mut days, mut matched) = (0, 0);
    let mut differences = Vec::new();
    for day in first.iter_days().take_while(|d| *d <= last) {
        days += 1;
        let named = listed.get(&day).copied();
        let computed = holiday(day);
        match (named, computed) {
            (Some(name), Some(kind)) if kinds(name, list.plain_holiday).contains(&kind) => matched += 1,
            (None, None) => {}
            _ => differences.push(format!("{day} ({:?}): listed {named:?}, holiday() = {computed:?}", day.weekday())),
        }
        if named.is_some() && !matches!(closed(day), Some(Closed::Holiday | Closed::YearEnd)) {
            differences.push(format!("{day}: listed, but closed() = {:?}", closed(day)));
        }
    }
    assert!(
        differences.is_empty(),
        "{} days differ from {}:\n{}",
        differences.len(),
        list.source,
        differences.join("\n")
    );
    assert_eq!(matched, listed.len());
    eprintln!("{}: {days} days compared, {matched} holidays matched", list.source);
    (days, matched)
}

#[test]
fn every_day_of_2000_to_2026_against_the_cabinet_offices_list() {
    let (days, matched) = compare(&CABINET_OFFICE);
    assert_eq!(days, 27 * 365 + 7);
    assert!(matched > 27 * 15, "too few holidays: {matched}");
}

#[test]
fn every_day_of_2000_to_2027_against_holiday_jps_list() {
    let (days, matched) = compare(&HOLIDAY_JP);
    assert_eq!(days, 28 * 365 + 7);
    assert!(matched > 28 * 15, "too few holidays: {matched}");
}

/// Beyond the lists, to 2099: each year has each yearly holiday exactly once (no arm of the rules hides
/// another), the specials only in 2019, and the equinoxes where they can be.
#[test]
fn each_year_to_2099_has_each_holiday_once() {
    use Holiday::*;
    for y in HOLIDAY_YEARS {
        let mut count: BTreeMap<String, usize> = BTreeMap::new();
        for day in ymd(y, 1, 1).iter_days().take_while(|d| d.year() == y) {
            let Some(kind) = holiday(day).filter(|k| !matches!(k, Substitute | Citizens)) else {
                continue;
            };
            match kind {
                VernalEquinox => assert!(day.month() == 3 && (19..=22).contains(&day.day()), "{day}"),
                AutumnalEquinox => assert!(day.month() == 9 && (21..=24).contains(&day.day()), "{day}"),
                _ => {}
            }
            *count.entry(format!("{kind:?}")).or_default() += 1;
        }
        let mut want = vec![
            "AutumnalEquinox",
            "ChildrensDay",
            "ComingOfAgeDay",
            "ConstitutionDay",
            "CultureDay",
            "FoundationDay",
            "GreeneryDay",
            "LabourThanksgiving",
            "MarineDay",
            "NewYearsDay",
            "RespectForTheAged",
            "SportsDay",
            "VernalEquinox",
        ];
        if y != 2019 {
            want.push("EmperorsBirthday");
        }
        if y == 2019 {
            want.extend(["EnthronementCeremony", "EnthronementDay"]);
        }
        if y >= 2007 {
            want.push("ShowaDay");
        }
        if y >= 2016 {
            want.push("MountainDay");
        }
        want.sort_unstable();
        let got: Vec<&str> = count.keys().map(String::as_str).collect();
        assert_eq!(got, want, "the holidays of {y}");
        assert!(count.values().all(|n| *n == 1), "a holiday twice in {y}: {count:?}");
    }
}

#[test]
fn the_ends_of_chronos_range() {
    assert_eq!(closed(NaiveDate::MIN), closed(NaiveDate::MIN)); // no panic
    assert!(holiday(NaiveDate::MIN).is_none() && holiday(NaiveDate::MAX).is_none());
    assert_eq!(closed(NaiveDate::MAX), Some(Closed::YearEnd)); // chrono's last day is a 31 December
    assert_eq!(holiday(ymd(2000, 1, 1)), Some(Holiday::NewYearsDay));
    assert_eq!(holiday(ymd(1999, 12, 31)), None);
    assert_eq!(holiday(ymd(2100, 1, 1)), None);
}

/// Any date chrono holds, half of them in 1999–2100.
fn any_date() -> impl Strategy<Value = NaiveDate> {
    let all = NaiveDate::MIN.num_days_from_ce()..=NaiveDate::MAX.num_days_from_ce();
    let near = ymd(1999, 1, 1).num_days_from_ce()..=ymd(2100, 12, 31).num_days_from_ce();
    prop_oneof![all, near].prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    /// `closed` never panics, and its reasons come in the order of docs/rules.md §3.7.
    #[test]
    fn closed_is_total_and_first_reason_wins(d in any_date()) {
        let year_end = (d.month() == 12 && d.day() >= 29) || (d.month() == 1 && d.day() <= 3);
        let reason = closed(d);
        let named = holiday(d);
        prop_assert_eq!(reason == Some(Closed::YearEnd), year_end);
        if !HOLIDAY_YEARS.contains(&d.year()) {
            prop_assert_eq!(named, None);
        }
        if !year_end {
            prop_assert_eq!(reason == Some(Closed::Holiday), named.is_some());
            if named.is_none() {
                let weekend = match d.weekday() {
                    Weekday::Sun => Some(Closed::Sunday),
                    Weekday::Sat => Some(Closed::Saturday),
                    _ => None,
                };
                prop_assert_eq!(reason, weekend);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    /// The open day before a date is open, earlier, and every day between is closed; never a panic.
    #[test]
    fn the_open_day_before_is_the_last_open_day(d in any_date()) {
        match rules::open_day_before(d) {
            Some(open) => {
                prop_assert!(open < d);
                prop_assert_eq!(closed(open), None);
                prop_assert!((open - d).num_days() >= -12, "{open} is far before {d}");
                let mut day = open.succ_opt().unwrap();
                while day < d {
                    prop_assert!(closed(day).is_some(), "{day} is open, between {open} and {d}");
                    day = day.succ_opt().unwrap();
                }
            }
            None => prop_assert!(d - NaiveDate::MIN < chrono::TimeDelta::days(14)),
        }
    }
}
