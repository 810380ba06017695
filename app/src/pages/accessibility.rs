//! The accessibility statement (docs/design.md §5), laid out as JIS X 8341-3:2016 附属書JB (JB.3, the display
//! of test results) asks: the standard and the target level, the conformance claimed (「配慮」 in the
//! terms of WAIC's 対応度表記ガイドライン, since not every success criterion has been tested), the scope,
//! the technologies relied upon, the test date, the methods and tools, each page or step tested as a row
//! with its result, and the known limitations. Update [`TESTED_ON`] and the rows of [`BODY`] with each test round;
//! every row names what `e2e/tests/` actually checks. Text only, so drawn from data (`components::markup`).

use chrono::NaiveDate;
use leptos::prelude::*;

use super::keep_title;
use crate::components::markup::{page, tree, Kind, Row};
use crate::i18n::rich::Arg;
use crate::i18n::Msg;
use crate::state::use_state;

/// The day of the last test round (the e2e run of the accessibility specs).
pub const TESTED_ON: Option<NaiveDate> = NaiveDate::from_ymd_opt(2026, 11, 26);

/// The elements of the page: `(tag, class, attribute)`, indexed by the rows below.
const KINDS: [Kind; 18] = [
    ("p", "myna-lead", ("", "")),                                 // 0
    ("p", "", ("", "")),                                          // 1
    ("h2", "", ("", "")),                                         // 2
    ("dl", "myna-summary", ("", "")),                             // 3
    ("div", "myna-summary__row", ("", "")),                       // 4
    ("dt", "myna-summary__key", ("", "")),                        // 5
    ("dd", "myna-summary__value", ("", "")),                      // 6
    ("ul", "myna-list", ("", "")),                                // 7
    ("li", "", ("", "")),                                         // 8
    ("h2", "", ("id", "a11y-results")),                           // 9
    ("table", "myna-table", ("aria-labelledby", "a11y-results")), // 10
    ("thead", "", ("", "")),                                      // 11
    ("tbody", "", ("", "")),                                      // 12
    ("tr", "", ("", "")),                                         // 13
    ("th", "", ("scope", "col")),                                 // 14
    ("th", "", ("scope", "row")),                                 // 15
    ("td", "", ("", "")),                                         // 16
    ("ul", "", ("", "")),                                         // 17
];

/// The page below its heading, in document order: (depth, kind, text). First the policy, the conformance and
/// the facts JB.3 asks for (standard, level, scope, technologies, date, methods), then the pages and steps
/// tested, one table row each with the `e2e/tests/` spec that checks it, then the known limitations.
const BODY: [Row; 74] = [
    (0, 0, Some(Msg::A11yLead)),
    (0, 1, Some(Msg::A11yPolicy)),
    (0, 2, Some(Msg::A11yConformanceHeading)),
    (0, 1, Some(Msg::A11yConformance)),
    (0, 2, Some(Msg::A11yFactsHeading)),
    (0, 3, None),
    (1, 4, None),
    (2, 5, Some(Msg::A11yStandardLabel)),
    (2, 6, Some(Msg::A11yStandard)),
    (1, 4, None),
    (2, 5, Some(Msg::A11yLevelLabel)),
    (2, 6, Some(Msg::A11yLevel)),
    (1, 4, None),
    (2, 5, Some(Msg::A11yScopeLabel)),
    (2, 6, Some(Msg::A11yScope)),
    (1, 4, None),
    (2, 5, Some(Msg::A11yTechnologiesLabel)),
    (2, 6, Some(Msg::A11yTechnologies)),
    (1, 4, None),
    (2, 5, Some(Msg::A11yDateLabel)),
    (2, 6, Some(Msg::CommonDate)), // TESTED_ON
    (1, 4, None),
    (2, 5, Some(Msg::A11yToolsLabel)),
    (2, 6, None),
    (3, 7, None),
    (4, 8, Some(Msg::A11yToolAxe)),
    (4, 8, Some(Msg::A11yToolKeyboard)),
    (4, 8, Some(Msg::A11yToolReflow)),
    (4, 8, Some(Msg::A11yToolZoom)),
    (4, 8, Some(Msg::A11yToolForcedColors)),
    (0, 9, Some(Msg::A11yResultsHeading)),
    (0, 10, None),
    (1, 11, None),
    (2, 13, None),
    (3, 14, Some(Msg::A11yColPage)),
    (3, 14, Some(Msg::A11yColTests)),
    (3, 14, Some(Msg::A11yColResult)),
    (1, 12, None),
    (2, 13, None), // accessibility.spec.ts, smoke.spec.ts
    (3, 15, Some(Msg::A11yRowStart)),
    (3, 16, Some(Msg::A11yTestsAll)),
    (3, 16, Some(Msg::A11yResultPass)),
    (2, 13, None), // expiry.spec.ts
    (3, 15, Some(Msg::A11yRowExpiry)),
    (3, 16, Some(Msg::A11yTestsJourney)),
    (3, 16, Some(Msg::A11yResultPass)),
    (2, 13, None), // accessibility.spec.ts (keyboard, reflow, zoom)
    (3, 15, Some(Msg::A11yRowPin)),
    (3, 16, Some(Msg::A11yTestsKeyboardJourney)),
    (3, 16, Some(Msg::A11yResultPass)),
    (2, 13, None), // password.spec.ts, accessibility.spec.ts
    (3, 15, Some(Msg::A11yRowPassword)),
    (3, 16, Some(Msg::A11yTestsAll)),
    (3, 16, Some(Msg::A11yResultPass)),
    (2, 13, None), // storage.spec.ts
    (3, 15, Some(Msg::A11yRowSaving)),
    (3, 16, Some(Msg::A11yTestsAxe)),
    (3, 16, Some(Msg::A11yResultPass)),
    (2, 13, None), // accessibility.spec.ts
    (3, 15, Some(Msg::A11yRowStatement)),
    (3, 16, Some(Msg::A11yTestsLayout)),
    (3, 16, Some(Msg::A11yResultPass)),
    (2, 13, None), // embed.spec.ts
    (3, 15, Some(Msg::A11yRowEmbedded)),
    (3, 16, Some(Msg::A11yTestsFrame)),
    (3, 16, Some(Msg::A11yResultPass)),
    (0, 2, Some(Msg::A11yLimitsHeading)),
    (0, 17, None),
    (1, 8, Some(Msg::A11yLimitAssistive)),
    (1, 8, Some(Msg::A11yLimitJourneys)),
    (1, 8, Some(Msg::A11yLimitRuby)),
    (1, 8, Some(Msg::A11yLimitReader)),
    (1, 8, Some(Msg::A11yLimitHost)),
    (0, 1, Some(Msg::A11yContact)),
];

/// The page (not a component: it draws itself into `<main>`, see `markup::page`).
pub fn accessibility_page() -> AnyView {
    let state = use_state();
    keep_title(state, Msg::A11yTitle, Signal::derive(|| false));
    let date: Vec<(&'static str, Arg)> = TESTED_ON.map(|d| ("date", Arg::Date(d))).into_iter().collect();
    page(Msg::A11yTitle, false, Box::new(move || tree(&KINDS, &BODY, &date)), None)
}
