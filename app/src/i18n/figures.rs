//! The figures a text names and its caller does not pass: no fee, day count, age, legal date, try count,
//! length or hour is written into a text (ARCHITECTURE.md invariant 2); the text names it
//! (「{filing_days}日以内」) and [`figure`] fills it, from the engine's parameter table in force on the
//! visit's `today` (`rules::figures`) or from the services' hours (`contacts`). `rich_view` and
//! `plain` ask here for every placeholder their caller left out, so no call site passes a figure; a
//! placeholder the caller passes still wins. A native test fails on a digit in any text (`tests` below).

use std::cell::Cell;

use chrono::NaiveDate;
use rules::{figures, Figure};

use super::format;
use super::rich::Arg;
use super::Locale;
use crate::contacts::{Service, SERVICE_FIGURES};

thread_local! {
    /// The visit's `today`, set once at start (`lib.rs`).
    static TODAY: Cell<Option<NaiveDate>> = const { Cell::new(None) };
}

/// Sets the day whose figures the texts name: the visit's `today`, read once when the guide starts.
pub fn set_today(today: NaiveDate) {
    TODAY.with(|t| t.set(Some(today)));
}

/// The visit's `today`; before it is set (the card-reader module), the clock; natively (tests), the table's
/// latest effective date, on which its latest rows are in force.
fn today() -> NaiveDate {
    TODAY.with(Cell::get).or_else(crate::today::today_jst).unwrap_or_else(rules::rules_version)
}

/// The value of the placeholder `name` when it names a figure, written in `locale`'s format: money with
/// `format::money`, a rule's effective day as an [`Arg::Day`] (`<time>`), days, months and hours with their
/// unit (14日, 14 days, 1 month), other counts as digits, times of day as a clock shows them.
pub fn figure(locale: Locale, name: &str) -> Option<Arg> {
    if let Some((_, value)) = figures(today()).into_iter().find(|(n, _)| *n == name) {
        return Some(match value {
            Figure::Yen(yen) => Arg::Text(format::money(locale, yen)),
            Figure::Count(n) => Arg::Text(n.to_string()),
            Figure::Days(n) => Arg::Text(format::counted(locale, n, format::DAYS)),
            Figure::Months(n) => Arg::Text(format::counted(locale, n, format::MONTHS)),
            Figure::Date(d) => Arg::Day(d),
        });
    }
    SERVICE_FIGURES.iter().find(|(n, _)| *n == name).map(|(_, service)| match *service {
        Service::Clock(hour, minute) => Arg::Text(format::clock(hour, minute)),
        Service::Hours(n) => Arg::Text(format::counted(locale, n, format::HOURS)),
    })
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::i18n::rich::{parse, plain, Piece};
    use crate::i18n::{Msg, ALL, KEYS};

    /// The digits a text may hold, each with why it is not a figure of the rules. Everything else that is a
    /// number — a fee, a day count, an age, a legal date, tries, a length, an hour, a phone number — is a
    /// placeholder. Keep this short: prefer a placeholder.
    const ALLOWED: [(&str, &str); 15] = [
        // The loss line's hours (docs/rules.md §18), what a worried citizen must read at a glance before calling:
        // a fact of the national service, not a parameter of the rules.
        ("24時間365日", "the loss line answers at any hour, every day"),
        ("24 hours a day", "the loss line answers at any hour, every day"),
        // The standards' names, as they are cited.
        ("JIS X 8341-3:2016", "the Japanese standard's name and year"),
        ("第3部", "the Japanese standard's title: 「…－第3部：ウェブコンテンツ」"),
        ("WCAG 2.2", "the standard's name and version"),
        ("WCAG 2.0", "the standard's name and version"),
        // The test conditions of the accessibility statement: figures of WCAG itself (1.4.10, 1.4.4).
        ("320 px", "WCAG 1.4.10 Reflow: a 320 CSS px wide screen"),
        ("200 %", "WCAG 1.4.4 Resize text: zoomed to 200 %"),
        ("axe-core 4.13.0", "the test tool and the version the statement was checked with (e2e/package.json)"),
        ("RC-S380", "the card reader's model name, as printed on it"),
        // The My Number's length is what the citizen must recognise to know what the guide never asks.
        ("12桁", "the My Number has 12 digits"),
        ("12-digit", "the My Number has 12 digits"),
        ("12けた", "the My Number has 12 digits"),
        // The characters a password may hold, named by themselves.
        ("0～9", "the digits a password may hold"),
        ("0–9", "the digits a password may hold"),
    ];

    /// Whole texts that may hold digits: names of things, not figures of the rules.
    const ALLOWED_KEYS: [(&str, &str); 6] = [
        ("format.month.", "the month names: 1月 is how Japanese names January"),
        (
            "caveat.feb29_birthday",
            "the leap day and the day counted instead (docs/rules.md §3.1), days of the calendar",
        ),
        ("why.dates.feb29", "the leap day and the day counted instead (docs/rules.md §3.1), days of the calendar"),
        ("document.photo", "the photo's size (縦4.5cm×横3.5cm): no engine parameter, it is the photo's format"),
        ("q.birth_date.hint", "an example of how the card prints a date (昭和60年10月10日), not a figure"),
        ("error.date.not_a_number", "a Western year has 4 digits: how to type a year, not a figure"),
    ];

    fn table(locale: &str) -> BTreeMap<String, String> {
        let path = format!("{}/locales/{locale}.json", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(path).unwrap_or_default();
        serde_json::from_str(&text).unwrap_or_default()
    }

    /// The texts of `files` that hold a digit (ASCII or full-width) outside the allow-lists.
    fn digits_in(files: &[(&str, BTreeMap<String, String>)]) -> Vec<String> {
        let mut bad = Vec::new();
        for (locale, texts) in files {
            for (key, text) in texts {
                if ALLOWED_KEYS.iter().any(|(prefix, _)| key.starts_with(prefix)) {
                    continue;
                }
                let rest = ALLOWED.iter().fold(text.clone(), |rest, (allowed, _)| rest.replace(allowed, ""));
                if rest.chars().any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c)) {
                    bad.push(format!("{locale}.json {key}: {text}"));
                }
            }
        }
        bad
    }

    #[test]
    fn no_figure_is_written_into_a_text() {
        let files: Vec<_> = ["ja", "en", "ja-easy"].into_iter().map(|l| (l, table(l))).collect();
        assert!(files.iter().all(|(_, t)| t.len() == KEYS.len()), "the three files are read");
        let bad = digits_in(&files);
        assert!(bad.is_empty(), "digits in texts: name a figure as a placeholder instead:\n{}", bad.join("\n"));
    }

    #[test]
    fn the_check_fails_on_a_digit_put_back() {
        // A figure written back into a text, in either kind of digit, is caught; an allowed name is not.
        let text = |t: &str| vec![("ja", BTreeMap::from([("why.loss.reissue".to_owned(), t.to_owned())]))];
        assert_eq!(digits_in(&text("手数料は1,000円です")).len(), 1);
        assert_eq!(digits_in(&text("{filing_days}日（１４日）以内")).len(), 1);
        assert!(digits_in(&text("手数料は{fee_reissue_certificates}です")).is_empty());
        assert!(digits_in(&text("12桁のマイナンバー、WCAG 2.2")).is_empty());
    }

    /// The Rust sources of the app, to find the placeholder names its code passes.
    fn sources(dir: &std::path::Path, out: &mut String) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                sources(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push_str(&std::fs::read_to_string(&path).unwrap_or_default());
            }
        }
    }

    #[test]
    fn every_placeholder_is_a_figure_or_passed() {
        // A `{name}` is a figure, or its caller passes it, and then the code names it ("date", or "{amount}"
        // for a `replace`): a misspelt
        // figure (`{filing_day}`) is neither, and would be shown as it is.
        let mut code = String::new();
        sources(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut code);
        assert!(code.contains("fn figure("), "the sources are read");
        let mut unknown = Vec::new();
        for msg in ALL {
            for piece in parse(Locale::Ja.raw(msg)) {
                if let Piece::Placeholder(name) = piece {
                    let passed = [format!("\"{name}\""), format!("\"{{{name}}}\"")];
                    if figure(Locale::Ja, name).is_none() && !passed.iter().any(|p| code.contains(p.as_str())) {
                        unknown.push(format!("{msg:?}: {{{name}}}"));
                    }
                }
            }
        }
        assert!(unknown.is_empty(), "placeholders neither a figure nor passed by the code:\n{}", unknown.join("\n"));
    }

    #[test]
    fn figures_fill_texts_in_each_language() {
        // (language, message, expected plain text) on the table's latest rows.
        let cases = [
            (Locale::Ja, Msg::WhyLossReissue, "1,000円"),
            (Locale::En, Msg::WhyLossReissue, "¥800"),
            (Locale::Ja, Msg::WhyReissueRapid, "2024年12月2日"),
            (Locale::En, Msg::WhyMoveAbroad, "27 May 2024"),
            (Locale::JaEasy, Msg::WhyDetailsChange, "14"),
            (Locale::Ja, Msg::ActionResetPinBodyStore, "6:30"),
        ];
        for (locale, msg, want) in cases {
            let text = plain(locale, msg, &[]);
            assert!(text.contains(want), "{locale:?} {msg:?}: {text}");
            assert!(!text.contains('{'), "{locale:?} {msg:?} left a placeholder: {text}");
        }
        // A placeholder the caller passes wins over the figure.
        let passed = plain(Locale::Ja, Msg::WhyDetailsChange, &[("filing_days", Arg::Text("X".into()))]);
        assert!(passed.contains('X') && !passed.contains("14"), "{passed}");
    }
}
