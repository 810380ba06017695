//! The two kinds of answer: a date group (era select and three boxes) and radios (docs/design.md §3.2,
//! §3.3). Each `<fieldset>` has the page's `<h1>` in its `<legend>`, so it is heard once. The
//! fields decide nothing about validity: they show the error the page found. Drawn as markup `Node`s (one
//! generic element, docs/design.md §7); every box follows its signal in place, so what is typed is never drawn again.

use leptos::prelude::*;
use rules::{DatePart, Era};
use wasm_bindgen::JsValue;

use super::errors::{error_message, FieldError};
use super::markup::{el, page_heading, Node};
use super::text::dynamic;
use crate::flow::{Alternative, Choice};
use crate::i18n::rich::plain;
use crate::i18n::words;
use crate::i18n::Msg;
use crate::state::use_state;

/// What the date group edits.
#[derive(Debug, Clone, Copy)]
pub struct DateSignals {
    pub era: RwSignal<Era>,
    pub year: RwSignal<String>,
    pub month: RwSignal<String>,
    pub day: RwSignal<String>,
    /// 「わからない」 / 「まだ」 ticked.
    pub alternative: RwSignal<bool>,
}

/// Which boxes of the group are at fault.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Invalid {
    pub year: bool,
    pub month: bool,
    pub day: bool,
}

/// The page's heading inside a legend: focused on each page change (docs/design.md §5).
fn heading(title: Msg) -> Node {
    page_heading().msg(title)
}

fn described_by(hint: Option<Msg>, error: Signal<Option<FieldError>>) -> impl FnMut() -> Option<String> + Send {
    move || {
        let mut ids = Vec::new();
        if hint.is_some() {
            ids.push("answer-hint");
        }
        if error.get().is_some() {
            ids.push("answer-error");
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// `"true"` while `on` says so, else no attribute (`aria-invalid`, `data-error`).
fn true_while(on: impl Fn() -> bool + Send + 'static) -> impl FnMut() -> Option<String> + Send {
    move || on().then(|| "true".to_owned())
}

/// A question's field: the `<fieldset>` (a `group` for the date's boxes) with the page's heading in its
/// legend, the hint, the error at the field, then `content`.
fn field(
    title: Msg,
    hint: Option<Msg>,
    role: Option<&'static str>,
    error: Signal<Option<FieldError>>,
    content: impl IntoIterator<Item = Node>,
) -> Node {
    let mut fieldset = el("fieldset", "myna-fieldset");
    if let Some(role) = role {
        fieldset = fieldset.attr("role", role);
    }
    let fieldset = fieldset
        .reactive_attr("aria-describedby", described_by(hint, error))
        .child(el("legend", "myna-legend").child(heading(title)))
        .children(hint.map(|h| el("p", "myna-hint").attr("id", "answer-hint").msg(h)))
        .view(error_message("answer-error", error))
        .children(content);
    el("div", "myna-field").reactive_attr("data-error", true_while(move || error.get().is_some())).child(fieldset)
}

/// The id of a number box of the date group (the error summary links to it).
pub fn box_id(part: DatePart) -> &'static str {
    match part {
        DatePart::Year => "answer-year",
        DatePart::Month => "answer-month",
        DatePart::Day => "answer-day",
    }
}

impl Invalid {
    /// Only `part` at fault.
    pub fn only(part: DatePart) -> Self {
        Invalid { year: part == DatePart::Year, month: part == DatePart::Month, day: part == DatePart::Day }
    }

    /// These boxes and `part` too.
    pub fn with(self, part: DatePart) -> Self {
        let other = Invalid::only(part);
        Invalid { year: self.year || other.year, month: self.month || other.month, day: self.day || other.day }
    }

    fn has(self, part: DatePart) -> bool {
        match part {
            DatePart::Year => self.year,
            DatePart::Month => self.month,
            DatePart::Day => self.day,
        }
    }
}

/// A number box of the date group: its label, what it edits, its width in digits (`data-width`, main.css) and
/// its autofill on a birth date.
fn number_box(part: DatePart, value: DateSignals, birth: bool, invalid: Signal<Invalid>) -> Node {
    let (label, text, width, bday) = match part {
        DatePart::Year => (Msg::DateYear, value.year, "4", "bday-year"),
        DatePart::Month => (Msg::DateMonth, value.month, "2", "bday-month"),
        DatePart::Day => (Msg::DateDay, value.day, "2", "bday-day"),
    };
    let at_fault = Signal::derive(move || invalid.get().has(part));
    date_box(box_id(part), label, text, at_fault, width, if birth { bday } else { "off" })
}

/// One number box of the date group, kept exactly as typed.
fn date_box(
    id: &'static str,
    label: Msg,
    value: RwSignal<String>,
    invalid: Signal<bool>,
    width: &'static str,
    autocomplete: &'static str,
) -> Node {
    let input = el("input", "myna-input")
        .attrs(&[("type", "text"), ("inputmode", "numeric"), ("spellcheck", "false")])
        .attr("data-width", width)
        .attr("id", id)
        .attr("name", id)
        .attr("autocomplete", autocomplete)
        .reactive_attr("aria-invalid", true_while(move || invalid.get()))
        .prop("value", move || JsValue::from_str(&value.get()))
        .on("input", move |ev| value.set(event_target_value(&ev)));
    el("div", "myna-date__item").child(el("label", "myna-label").attr("for", id).msg(label)).child(input)
}

/// The era select: its options named in the page's language, as plain text (an `<option>` holds no `<ruby>`,
/// whose reading would be glued on: 「西暦せいれき」).
fn era_select(era: RwSignal<Era>) -> Node {
    let state = use_state();
    let options = Era::ALL.into_iter().map(move |e| {
        el("option", "")
            .attr("value", e.id())
            .prop("selected", move || JsValue::from_bool(era.get() == e))
            .view(dynamic(move || plain(state.locale.get(), words::era(e), &[]).into_any()).into_any())
    });
    let select = el("select", "myna-select")
        .attrs(&[("id", "answer-era"), ("name", "answer-era")])
        .children(options)
        .on("change", move |ev| {
            let id = event_target_value(&ev);
            if let Some(chosen) = Era::from_id(&id) {
                era.set(chosen);
            }
        });
    el("div", "myna-date__item")
        .child(el("label", "myna-label").attr("for", "answer-era").msg(Msg::DateEra))
        .child(select)
}

/// A date question: era, year, month, day, and optionally 「わからない」 or 「まだ」. On a birth date the boxes
/// say so to autofill (`bday-*`).
pub fn date_field(
    title: Msg,
    hint: Option<Msg>,
    birth: bool,
    alternative: Option<Alternative>,
    value: DateSignals,
    error: Signal<Option<FieldError>>,
    invalid: Signal<Invalid>,
) -> Node {
    let boxes = [DatePart::Year, DatePart::Month, DatePart::Day].map(|part| number_box(part, value, birth, invalid));
    let date = el("div", "myna-date").child(era_select(value.era)).children(boxes);
    let alternative = alternative.map(|alt| {
        let label = match alt {
            Alternative::Unknown => Msg::DateUnknown,
            Alternative::NotYet => Msg::DateNotYet,
        };
        let tick = value.alternative;
        let input = el("input", "myna-checkbox__input")
            .attrs(&[("type", "checkbox"), ("id", "answer-alternative"), ("name", "answer-alternative")])
            .prop("checked", move || JsValue::from_bool(tick.get()))
            .on("change", move |ev| tick.set(event_target_checked(&ev)));
        [
            el("p", "myna-or").msg(Msg::DateOr),
            el("div", "myna-checkbox")
                .child(input)
                .child(el("label", "myna-checkbox__label").attr("for", "answer-alternative").msg(label)),
        ]
    });
    field(title, hint, Some("group"), error, std::iter::once(date).chain(alternative.into_iter().flatten()))
}

/// A choice question: one radio per choice.
pub fn radios(
    title: Msg,
    hint: Option<Msg>,
    choices: &'static [Choice],
    value: RwSignal<Option<Choice>>,
    error: Signal<Option<FieldError>>,
) -> Node {
    let radios = choices.iter().map(|choice| {
        let choice = *choice;
        let id = format!("answer-{}", choice.id());
        let input = el("input", "myna-radio__input")
            .attrs(&[("type", "radio"), ("name", "answer")])
            .attr_owned("id", id.clone())
            .attr("value", choice.id())
            .reactive_attr("aria-invalid", true_while(move || error.get().is_some()))
            .prop("checked", move || JsValue::from_bool(value.get() == Some(choice)))
            .on("change", move |_| value.set(Some(choice)));
        el("div", "myna-radio")
            .child(input)
            .child(el("label", "myna-radio__label").attr_owned("for", id).msg(choice.label()))
    });
    field(title, hint, None, error, [el("div", "myna-radios").children(radios)])
}
