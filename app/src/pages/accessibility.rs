//! The accessibility statement (docs/design.md §5), laid out as JIS X 8341-3:2016 附属書JB (JB.3, the display
//! of test results) asks: the standard and the target level, the conformance claimed (「配慮」 in the
//! terms of WAIC's 対応度表記ガイドライン, since not every success criterion has been tested), the scope,
//! the technologies relied upon, the test date, the methods and tools, each page or step tested as a row
//! with its result, and the known limitations. Update [`TESTED_ON`] and the rows of [`RESULTS`] with each test round;
//! every row names what `e2e/tests/` actually checks. Text only, so drawn from data (`components::markup`).

use chrono::NaiveDate;
use leptos::prelude::*;

use super::keep_title;
use crate::components::markup::{el, page, summary_row, Node};
use crate::i18n::rich::Arg;
use crate::i18n::Msg;
use crate::state::use_state;

/// The day of the last test round (the e2e run of the accessibility specs).
pub const TESTED_ON: Option<NaiveDate> = NaiveDate::from_ymd_opt(2026, 11, 26);

/// The facts JB.3 asks for, as (label, value); the test date and the tools follow them.
const FACTS: [(Msg, Msg); 4] = [
    (Msg::A11yStandardLabel, Msg::A11yStandard),
    (Msg::A11yLevelLabel, Msg::A11yLevel),
    (Msg::A11yScopeLabel, Msg::A11yScope),
    (Msg::A11yTechnologiesLabel, Msg::A11yTechnologies),
];

/// The methods and tools of the test round.
const TOOLS: [Msg; 5] =
    [Msg::A11yToolAxe, Msg::A11yToolKeyboard, Msg::A11yToolReflow, Msg::A11yToolZoom, Msg::A11yToolForcedColors];

/// The table's columns.
const COLUMNS: [Msg; 3] = [Msg::A11yColPage, Msg::A11yColTests, Msg::A11yColResult];

/// Each page or step tested: (page, what was tested, result), with the `e2e/tests/` specs that check it.
const RESULTS: [(Msg, Msg, Msg); 7] = [
    // accessibility.spec.ts, smoke.spec.ts
    (Msg::A11yRowStart, Msg::A11yTestsAll, Msg::A11yResultPass),
    // expiry.spec.ts
    (Msg::A11yRowExpiry, Msg::A11yTestsJourney, Msg::A11yResultPass),
    // accessibility.spec.ts (keyboard, reflow, zoom)
    (Msg::A11yRowPin, Msg::A11yTestsKeyboardJourney, Msg::A11yResultPass),
    // password.spec.ts, accessibility.spec.ts
    (Msg::A11yRowPassword, Msg::A11yTestsAll, Msg::A11yResultPass),
    // storage.spec.ts
    (Msg::A11yRowSaving, Msg::A11yTestsAxe, Msg::A11yResultPass),
    // accessibility.spec.ts
    (Msg::A11yRowStatement, Msg::A11yTestsLayout, Msg::A11yResultPass),
    // embed.spec.ts
    (Msg::A11yRowEmbedded, Msg::A11yTestsFrame, Msg::A11yResultPass),
];

/// The known limitations.
const LIMITS: [Msg; 5] =
    [Msg::A11yLimitAssistive, Msg::A11yLimitJourneys, Msg::A11yLimitRuby, Msg::A11yLimitReader, Msg::A11yLimitHost];

fn items(tag: &'static str, class: &'static str, texts: &[Msg]) -> Node {
    el(tag, class).children(texts.iter().map(|m| el("li", "").msg(*m)))
}

fn value(msg: Msg) -> Node {
    el("dd", "myna-summary__value").msg(msg)
}

/// The page below its heading: the policy, the conformance and the facts JB.3 asks for (standard, level,
/// scope, technologies, date, methods), then the pages and steps tested, one table row each, then the known
/// limitations.
fn body() -> Vec<Node> {
    let date: Vec<(&'static str, Arg)> = TESTED_ON.map(|d| ("date", Arg::Date(d))).into_iter().collect();
    let facts = el("dl", "myna-summary")
        .children(FACTS.map(|(label, text)| summary_row(label, value(text))))
        .child(summary_row(Msg::A11yDateLabel, el("dd", "myna-summary__value").msg_with(Msg::CommonDate, date)))
        .child(summary_row(
            Msg::A11yToolsLabel,
            el("dd", "myna-summary__value").child(items("ul", "myna-list", &TOOLS)),
        ));
    let head = el("tr", "").children(COLUMNS.map(|m| el("th", "").attr("scope", "col").msg(m)));
    let rows = RESULTS.map(|(row, tests, result)| {
        el("tr", "")
            .child(el("th", "").attr("scope", "row").msg(row))
            .child(el("td", "").msg(tests))
            .child(el("td", "").msg(result))
    });
    let table = el("table", "myna-table")
        .attr("aria-labelledby", "a11y-results")
        .child(el("thead", "").child(head))
        .child(el("tbody", "").children(rows));
    vec![
        el("p", "myna-lead").msg(Msg::A11yLead),
        el("p", "").msg(Msg::A11yPolicy),
        el("h2", "").msg(Msg::A11yConformanceHeading),
        el("p", "").msg(Msg::A11yConformance),
        el("h2", "").msg(Msg::A11yFactsHeading),
        facts,
        el("h2", "").attr("id", "a11y-results").msg(Msg::A11yResultsHeading),
        table,
        el("h2", "").msg(Msg::A11yLimitsHeading),
        items("ul", "", &LIMITS),
        el("p", "").msg(Msg::A11yContact),
    ]
}

pub fn accessibility_page() -> AnyView {
    let state = use_state();
    keep_title(state, Msg::A11yTitle, Signal::derive(|| false));
    page(Msg::A11yTitle, false, body())
}
