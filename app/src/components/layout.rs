//! The frame of every page: the header with the language switch, the back link, the footer with
//! the same help on every page (WCAG 3.2.6), the loss line notice, and what is said when texts cannot be
//! fetched (the fetching itself is `i18n::load`).

use leptos::prelude::*;

use super::markup::{el, page_heading, Node};
use super::text::{dynamic, rich_view, t, t_with};
use crate::contacts::{CARD_CALL_CENTRE, CITY_CALL_CENTRE_FALLBACK, FOREIGN_LANGUAGE_LINES, LOSS_LINE};
use crate::flow::route::Page;
use crate::i18n::rich::Arg;
use crate::i18n::{load, Locale, Msg};
use crate::profile::{is_free_dial, profile_view, ProfileState, CITY_CALL_CENTRE};
use crate::state::use_state;

/// Texts that could not be fetched, said where the citizen is: for Japanese beyond the first view, in
/// place of the page (`page`: it cannot be drawn without them); for a language switched to, under the
/// language switch, the page staying in the language it had. Both with a button that asks again. Their
/// texts are of the first view (built into the wasm), so they can always be shown. Drawn as data
/// (`markup`): no `view!` code of its own in the wasm (docs/design.md §7).
pub fn texts_failed(page: bool) -> AnyView {
    use crate::state::Arrival;
    let state = use_state();
    super::markup::follow(move || {
        let failed = if page { state.texts } else { state.switching };
        if failed.get() != Arrival::Failed {
            return Vec::new();
        }
        let retry = move |_| {
            failed.set(Arrival::Loading);
            if page {
                load::texts(state, Locale::Ja, false);
            } else {
                load::switch_language(state, load::asked());
            }
        };
        let message = if page { Msg::AppLoadFailed } else { Msg::AppLanguageFailed };
        let notice = el("div", "myna-notice myna-failed").attr("role", "alert").child(el("p", "").msg(message)).child(
            el("button", "myna-button myna-button--secondary")
                .attr("type", "button")
                .msg(Msg::AppRetry)
                .on("click", retry),
        );
        let mut nodes = Vec::new();
        if page {
            // In place of a page, the page's heading too: the guide's name.
            nodes.push(page_heading().msg(Msg::AppName));
        }
        nodes.push(notice);
        nodes
    })
}

/// The language switch: each language named in itself, with its own `lang` (docs/design.md §4).
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let state = use_state();
    let buttons = Locale::ALL
        .into_iter()
        .map(|locale| {
            let (label, lang) = match locale {
                Locale::Ja => ("日本語", "ja"),
                Locale::En => ("English", "en"),
                Locale::JaEasy => ("やさしい にほんご", "ja"),
            };
            view! {
                <li>
                    <button
                        type="button"
                        class="myna-lang__button"
                        lang=lang
                        aria-pressed=move || if state.locale.get() == locale { "true" } else { "false" }
                        on:click=move |_| load::switch_language(state, locale)
                    >
                        {label}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="myna-lang" aria-label=move || crate::i18n::rich::plain(state.locale.get(), Msg::NavLanguage, &[])>
            <ul class="myna-lang__list">{buttons}</ul>
        </nav>
    }
}

#[component]
pub fn Header() -> impl IntoView {
    view! {
        <header class="myna-header">
            <p class="myna-header__name">
                <a href=Page::Start.hash()>{t(Msg::AppName)}</a>
            </p>
            <LanguageSwitch />
            {texts_failed(false)}
        </header>
    }
}

/// The city call centre: the profile's contact once it has arrived (free dial and paid numbers
/// told apart by their prefix), else the built-in fallback (docs/design.md §6.2, graceful absence).
fn city_call_centre(locale: Locale, profile: ProfileState) -> AnyView {
    let contact = profile.profile().and_then(|p| p.contact(CITY_CALL_CENTRE));
    let from_profile = contact.and_then(|c| {
        let name = ("name", Arg::Text(c.name.get(locale).to_owned()));
        let hours = ("hours", Arg::Text(c.hours.as_ref().map(|h| h.get(locale).to_owned()).unwrap_or_default()));
        let free = c.phones.iter().find(|p| is_free_dial(p));
        let paid = c.phones.iter().find(|p| !is_free_dial(p));
        match (free, paid) {
            (Some(free), Some(paid)) => Some((
                Msg::FooterCity,
                vec![name, ("free", Arg::Phone(free.clone())), ("paid", Arg::Phone(paid.clone())), hours],
            )),
            _ => c.phones.first().map(|p| (Msg::FooterCityOne, vec![name, ("phone", Arg::Phone(p.clone())), hours])),
        }
    });
    let (msg, args) = from_profile.unwrap_or_else(|| {
        let [free, paid] = CITY_CALL_CENTRE_FALLBACK;
        let args = vec![
            ("name", Arg::Msg(Msg::FooterCityName)),
            ("free", Arg::Phone(free.to_owned())),
            ("paid", Arg::Phone(paid.to_owned())),
            ("hours", Arg::Msg(Msg::FooterCityHours)),
        ];
        (Msg::FooterCity, args)
    });
    rich_view(locale, locale.raw(msg), &args)
}

/// On English pages, the lines a citizen who does not read Japanese can call (docs/rules.md §18): the foreign-
/// language lines and the national call centre. Japanese pages leave them out: the lines above serve.
fn english_lines(state: crate::state::AppState) -> impl IntoView {
    let lines = move || {
        (state.locale.get() == Locale::En).then(|| {
            let [paid, free_one, free_two] = FOREIGN_LANGUAGE_LINES;
            let [phone, fallback] = CARD_CALL_CENTRE;
            let foreign = vec![
                ("paid", Arg::Phone(paid.to_owned())),
                ("free_one", Arg::Phone(free_one.to_owned())),
                ("free_two", Arg::Phone(free_two.to_owned())),
            ];
            let centre = vec![("phone", Arg::Phone(phone.to_owned())), ("fallback", Arg::Phone(fallback.to_owned()))];
            view! {
                <p>{t_with(Msg::ContactForeign, foreign)}</p>
                <p>{t_with(Msg::ContactCardCentre, centre)}</p>
            }
        })
    };
    dynamic(move || lines().into_any())
}

#[component]
pub fn Footer() -> impl IntoView {
    let city = profile_view(Box::new(city_call_centre));
    let state = use_state();
    view! {
        <footer class="myna-footer">
            <h2 class="myna-footer__title">{t(Msg::FooterHeading)}</h2>
            <p>{t_with(Msg::FooterLoss, vec![("phone", Arg::Phone(LOSS_LINE.to_owned()))])}</p>
            <p class="myna-footer__city">{city}</p>
            {english_lines(state)}
            <p>{t(Msg::FooterPrivacy)}</p>
            <p class="myna-noprint">
                <a href=Page::Accessibility.hash()>{t(Msg::FooterAccessibility)}</a>
            </p>
        </footer>
    }
}

/// The first thing on every page of the loss journey: call now to stop the card (docs/design.md §3.1).
pub fn stop_card_notice() -> Node {
    el("div", "myna-urgent")
        .attr("role", "note")
        .child(el("h2", "myna-urgent__title").msg(Msg::LostStopHeading))
        .child(el("p", "").msg_with(Msg::LostStopBody, vec![("phone", Arg::Phone(LOSS_LINE.to_owned()))]))
}
