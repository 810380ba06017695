//! Error summary and field errors (docs/design.md §5): the summary sits above the heading, is focused
//! when it appears, and links to the field at fault without changing the hash.

use leptos::prelude::*;

use super::markup::{el, follow, ElementRef};
use super::text::t_with;
use crate::i18n::rich::Arg;
use crate::i18n::Msg;

/// One problem on a page: the element to focus, the message and its placeholders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The id of the first box at fault.
    pub target: String,
    pub msg: Msg,
    pub args: Vec<(&'static str, Arg)>,
}

/// Focuses an element by id (links of the error summary, skip links): never the hash.
pub fn focus_id(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
        el.scroll_into_view();
    }
}

/// The error's message in the page's language.
fn message(error: &FieldError) -> AnyView {
    t_with(error.msg, error.args.clone()).into_any()
}

/// The error summary: 「入力内容に問題があります」 and a link per error. Drawn again, and focused, whenever
/// the errors change, so screen readers announce it.
pub fn error_summary(errors: Signal<Vec<FieldError>>) -> AnyView {
    let summary = ElementRef::new();
    Effect::new(move |_| {
        if !errors.get().is_empty() {
            // After the summary has been drawn again (and Leptos has filled `summary` with it).
            request_animation_frame(move || {
                if let Some(element) = summary.get_untracked() {
                    let _ = element.focus();
                }
            });
        }
    });
    follow(move || {
        let list = errors.get();
        if list.is_empty() {
            return Vec::new();
        }
        let items = list.into_iter().map(|e| {
            let target = e.target.clone();
            let link = el("a", "").attr_owned("href", format!("#{target}")).view(message(&e)).on("click", move |ev| {
                ev.prevent_default();
                focus_id(&target);
            });
            el("li", "").child(link)
        });
        vec![el("div", "myna-error-summary")
            .attrs(&[("tabindex", "-1"), ("aria-labelledby", "error-summary-title")])
            .node_ref(summary)
            .child(el("h2", "myna-error-summary__title").attr("id", "error-summary-title").msg(Msg::ErrorSummaryTitle))
            .child(el("ul", "myna-error-summary__list").children(items))]
    })
}

/// The message shown at the field (`id`), with a hidden 「エラー：」 for screen readers.
pub fn error_message(id: &'static str, error: Signal<Option<FieldError>>) -> AnyView {
    follow(move || {
        error
            .get()
            .map(|e| {
                vec![el("p", "myna-error-message")
                    .attr("id", id)
                    .child(el("span", "myna-vh").msg(Msg::ErrorPrefix))
                    .view(message(&e))]
            })
            .unwrap_or_default()
    })
}
