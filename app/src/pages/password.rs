//! The signature password checker (docs/design.md §3.8): a password box with show/hide, checked by
//! `rules::check_password` after a short pause, the problems in words in an `aria-live="polite"` region.
//! The password lives in this component only — not in the answers, not in storage, not in the URL or
//! title — and is cleared when the page is left (also when the browser keeps the page in its back-forward
//! cache). The form the card reads (half-width capitals) is shown only while the password is shown, so a
//! hidden password is never written out beside its box nor read aloud.

use std::time::Duration;

use leptos::prelude::*;
use rules::PasswordCheck;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::keep_title;
use crate::components::markup::{el, page, Node};
use crate::i18n::{words, Msg};
use crate::state::use_state;

/// How long typing must pause before the password is checked.
const PAUSE: Duration = Duration::from_millis(400);

/// What the region under the box says about a checked password.
fn result_nodes(check: PasswordCheck, shown: bool) -> Vec<Node> {
    let verdict = if check.valid { Msg::PasswordValid } else { Msg::PasswordInvalid };
    let mut nodes = vec![el("p", "myna-password__verdict").msg(verdict)];
    if !check.problems.is_empty() {
        let items = check.problems.iter().map(|p| el("li", "").msg(words::password_problem(*p)));
        nodes.push(el("ul", "myna-password__problems").children(items));
    }
    nodes.push(if shown {
        // Raw text: never read as markup, whatever was typed.
        let value = el("code", "myna-password__normalized").attr("lang", "en").raw(check.normalized);
        el("dl", "myna-summary").child(
            el("div", "myna-summary__row")
                .child(el("dt", "myna-summary__key").msg(Msg::PasswordNormalized))
                .child(el("dd", "myna-summary__value").child(value)),
        )
    } else {
        el("p", "myna-hint").msg(Msg::PasswordNormalizedHidden)
    });
    nodes
}

/// Shows or hides the password in the box that is there now (the form is not redrawn for it).
fn show(shown: bool) {
    let document = document();
    if let Some(input) = document.get_element_by_id("password") {
        let _ = input.set_attribute("type", if shown { "text" } else { "password" });
    }
    if let Some(button) = document.get_element_by_id("password-toggle") {
        let _ = button.set_attribute("aria-pressed", if shown { "true" } else { "false" });
    }
}

/// The page (not a component: it draws itself into `<main>`, see `markup::page`).
pub fn password_page() -> AnyView {
    let state = use_state();
    keep_title(state, Msg::PasswordTitle, Signal::derive(|| false));
    // The password and its check: this component's own, dropped with it.
    let value = RwSignal::new(String::new());
    let check = RwSignal::new(None::<PasswordCheck>);
    let shown = RwSignal::new(false);
    let on_input = move |ev: web_sys::Event| {
        let text = event_target_value(&ev);
        let empty = text.is_empty();
        value.set(text.clone());
        if empty {
            check.set(None);
            return;
        }
        // Checked once typing has paused: only if the box still holds the same text by then.
        set_timeout(
            move || {
                if value.try_get_untracked().as_deref() == Some(text.as_str()) {
                    check.try_set(Some(rules::check_password(&text)));
                }
            },
            PAUSE,
        );
    };
    let toggle = move |_: web_sys::Event| {
        let now = !shown.get_untracked();
        shown.set(now);
        show(now);
    };
    // Leaving the page for another site keeps it in the back-forward cache: empty the box first.
    let on_pagehide = Closure::<dyn FnMut()>::new(move || {
        value.try_set(String::new());
        check.try_set(None);
        shown.try_set(false);
        show(false);
        let input =
            document().get_element_by_id("password").and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(input) = input {
            input.set_value("");
        }
    })
    .into_js_value();
    window().set_onpagehide(Some(on_pagehide.unchecked_ref()));
    on_cleanup(|| window().set_onpagehide(None));

    // Drawn again only when the language changes; the box keeps what was typed and whether it is shown.
    let form = move || {
        let shown = shown.get_untracked();
        let input = el("input", "myna-input myna-password__input")
            .attrs(&[
                ("id", "password"),
                ("name", "password"),
                ("autocomplete", "off"),
                ("spellcheck", "false"),
                ("autocapitalize", "off"),
                ("autocorrect", "off"),
                ("aria-describedby", "password-hint"),
            ])
            .attr("type", if shown { "text" } else { "password" })
            .value(value.get_untracked())
            .on("input", on_input);
        // A toggle button: one name, its state in aria-pressed.
        let toggle = el("button", "myna-button myna-button--secondary")
            .attrs(&[("type", "button"), ("id", "password-toggle"), ("aria-controls", "password")])
            .attr("aria-pressed", if shown { "true" } else { "false" })
            .msg(Msg::PasswordShow)
            .on("click", toggle);
        vec![
            el("p", "myna-lead").msg(Msg::PasswordLead),
            el("p", "myna-privacy").msg(Msg::PasswordPrivacy),
            el("div", "myna-field")
                .child(el("label", "myna-label").attr("for", "password").msg(Msg::PasswordLabel))
                .child(el("p", "myna-hint").attr("id", "password-hint").msg(Msg::PasswordRule))
                .child(el("div", "myna-password").child(input).child(toggle)),
        ]
    };
    let result = move || check.get().map(|c| result_nodes(c, shown.get())).unwrap_or_default();
    page(Msg::PasswordTitle, true, Box::new(form), Some(("password-result", Box::new(result))))
}
