//! The two kinds of answer: a date group (era select and three boxes) and radios (docs/design.md §3.2,
//! §3.3). Each `<fieldset>` has the page's `<h1>` in its `<legend>`, so it is heard once. The
//! fields decide nothing about validity: they show the error the page found.

use leptos::prelude::*;
use rules::Era;

use super::errors::{ErrorMessage, FieldError};
use super::text::t;
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
#[component]
pub fn Heading(title: Msg) -> impl IntoView {
    view! { <h1 class="myna-heading" tabindex="-1">{t(title)}</h1> }
}

fn hint_view(hint: Option<Msg>) -> impl IntoView {
    hint.map(|h| view! { <p class="myna-hint" id="answer-hint">{t(h)}</p> })
}

fn described_by(hint: Option<Msg>, error: Signal<Option<FieldError>>) -> impl Fn() -> Option<String> {
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

/// One number box of the date group, kept exactly as typed.
#[component]
fn DateBox(
    id: &'static str,
    label: Msg,
    value: RwSignal<String>,
    invalid: Signal<bool>,
    autocomplete: Option<&'static str>,
    width: &'static str,
) -> impl IntoView {
    view! {
        <div class="myna-date__item">
            <label class="myna-label" for=id>{t(label)}</label>
            <input
                class="myna-input"
                data-width=width
                id=id
                name=id
                type="text"
                inputmode="numeric"
                autocomplete=autocomplete.unwrap_or("off")
                spellcheck="false"
                aria-invalid=move || invalid.get().then_some("true")
                prop:value=move || value.get()
                on:input:target=move |ev| value.set(ev.target().value())
            />
        </div>
    }
}

/// A date question: era, year, month, day, and optionally 「わからない」 or 「まだ」.
#[component]
pub fn DateField(
    title: Msg,
    hint: Option<Msg>,
    birth: bool,
    alternative: Option<Alternative>,
    value: DateSignals,
    error: Signal<Option<FieldError>>,
    invalid: Signal<Invalid>,
) -> impl IntoView {
    let bday = |part: &'static str| birth.then_some(part);
    let state = use_state();
    let eras = Era::ALL
        .into_iter()
        .map(|era| {
            // Plain text: an <option> holds no <ruby>, whose reading would be glued on (「西暦せいれき」).
            let name = move || plain(state.locale.get(), words::era(era), &[]);
            view! {
                <option value=era.id() selected=move || value.era.get() == era>
                    {name}
                </option>
            }
        })
        .collect_view();
    let alternative_box = alternative.map(|alt| {
        let label = match alt {
            Alternative::Unknown => Msg::DateUnknown,
            Alternative::NotYet => Msg::DateNotYet,
        };
        view! {
            <p class="myna-or">{t(Msg::DateOr)}</p>
            <div class="myna-checkbox">
                <input
                    class="myna-checkbox__input"
                    type="checkbox"
                    id="answer-alternative"
                    name="answer-alternative"
                    prop:checked=move || value.alternative.get()
                    on:change:target=move |ev| value.alternative.set(ev.target().checked())
                />
                <label class="myna-checkbox__label" for="answer-alternative">{t(label)}</label>
            </div>
        }
    });
    view! {
        <div class="myna-field" data-error=move || error.get().is_some().then_some("true")>
            <fieldset class="myna-fieldset" role="group" aria-describedby=described_by(hint, error)>
                <legend class="myna-legend">
                    <Heading title=title />
                </legend>
                {hint_view(hint)}
                <ErrorMessage id="answer-error".to_owned() error=error />
                <div class="myna-date">
                    <div class="myna-date__item">
                        <label class="myna-label" for="answer-era">{t(Msg::DateEra)}</label>
                        <select
                            class="myna-select"
                            id="answer-era"
                            name="answer-era"
                            on:change:target=move |ev| {
                                let id = ev.target().value();
                                if let Some(era) = Era::from_id(&id) {
                                    value.era.set(era);
                                }
                            }
                        >
                            {eras}
                        </select>
                    </div>
                    <DateBox
                        id="answer-year"
                        label=Msg::DateYear
                        value=value.year
                        invalid=Signal::derive(move || invalid.get().year)
                        autocomplete=bday("bday-year")
                        width="4"
                    />
                    <DateBox
                        id="answer-month"
                        label=Msg::DateMonth
                        value=value.month
                        invalid=Signal::derive(move || invalid.get().month)
                        autocomplete=bday("bday-month")
                        width="2"
                    />
                    <DateBox
                        id="answer-day"
                        label=Msg::DateDay
                        value=value.day
                        invalid=Signal::derive(move || invalid.get().day)
                        autocomplete=bday("bday-day")
                        width="2"
                    />
                </div>
                {alternative_box}
            </fieldset>
        </div>
    }
}

/// A choice question: one radio per choice.
#[component]
pub fn Radios(
    title: Msg,
    hint: Option<Msg>,
    choices: &'static [Choice],
    value: RwSignal<Option<Choice>>,
    error: Signal<Option<FieldError>>,
) -> impl IntoView {
    let radios = choices
        .iter()
        .map(|choice| {
            let choice = *choice;
            let id = format!("answer-{}", choice.id());
            view! {
                <div class="myna-radio">
                    <input
                        class="myna-radio__input"
                        type="radio"
                        name="answer"
                        id=id.clone()
                        value=choice.id()
                        aria-invalid=move || error.get().is_some().then_some("true")
                        prop:checked=move || value.get() == Some(choice)
                        on:change=move |_| value.set(Some(choice))
                    />
                    <label class="myna-radio__label" for=id>{t(choice.label())}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="myna-field" data-error=move || error.get().is_some().then_some("true")>
            <fieldset class="myna-fieldset" aria-describedby=described_by(hint, error)>
                <legend class="myna-legend">
                    <Heading title=title />
                </legend>
                {hint_view(hint)}
                <ErrorMessage id="answer-error".to_owned() error=error />
                <div class="myna-radios">{radios}</div>
            </fieldset>
        </div>
    }
}
