//! Error summary and field errors (docs/design.md §5): the summary sits above the heading, is focused
//! when it appears, and links to the field at fault without changing the hash.

use leptos::prelude::*;

use super::text::{dynamic, rich_view, t};
use crate::i18n::rich::Arg;
use crate::i18n::Msg;
use crate::state::use_state;

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

/// The error summary: 「入力内容に問題があります」 and a link per error.
#[component]
pub fn ErrorSummary(errors: Signal<Vec<FieldError>>) -> impl IntoView {
    let state = use_state();
    let summary = NodeRef::<leptos::html::Div>::new();
    // Focus the summary whenever it (re)appears, so screen readers announce it.
    Effect::new(move |_| {
        if !errors.get().is_empty() {
            request_animation_frame(move || {
                if let Some(el) = summary.get_untracked() {
                    let _ = el.focus();
                }
            });
        }
    });
    dynamic(move || {
        let list = errors.get();
        if list.is_empty() {
            return ().into_any();
        }
        {
            let items = list
                .into_iter()
                .map(|e| {
                    let target = e.target.clone();
                    let text = dynamic(move || {
                        let locale = state.locale.get();
                        rich_view(locale, locale.raw(e.msg), &e.args)
                    });
                    view! {
                        <li>
                            <a
                                href=format!("#{}", target)
                                on:click=move |ev| {
                                    ev.prevent_default();
                                    focus_id(&target);
                                }
                            >
                                {text}
                            </a>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="myna-error-summary" tabindex="-1" node_ref=summary aria-labelledby="error-summary-title">
                    <h2 class="myna-error-summary__title" id="error-summary-title">{t(Msg::ErrorSummaryTitle)}</h2>
                    <ul class="myna-error-summary__list">{items}</ul>
                </div>
            }
            .into_any()
        }
    })
}

/// The message shown at the field, with a hidden 「エラー：」 for screen readers.
#[component]
pub fn ErrorMessage(id: String, error: Signal<Option<FieldError>>) -> impl IntoView {
    let state = use_state();
    dynamic(move || match error.get() {
        Some(e) => {
            let locale = state.locale.get();
            view! {
                <p class="myna-error-message" id=id.clone()>
                    <span class="myna-vh">{t(Msg::ErrorPrefix)}</span>
                    {rich_view(locale, locale.raw(e.msg), &e.args)}
                </p>
            }
            .into_any()
        }
        None => ().into_any(),
    })
}
