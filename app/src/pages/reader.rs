//! カードを読み取る (docs/design.md §3.8, docs/reader.md §7): the app's side of the reader page. The page's heading, its
//! polite live region and an empty `#reader-root` are the app's; the content — the states of a read through
//! a PaSoRi, the dates read, the PIN counters — is drawn there by the card-reader module
//! (`reader_view`, `src/bin/card_reader.rs`), loaded when the page opens, so that none of it is in the first
//! view (docs/design.md §7). The app lends the module two things through `window.mynaGuide`: its texts (`text`:
//! a message drawn in the citizen's language, with ruby, terms and dates) and its journeys (`useDates`,
//! `noCertificate`, `lockedPin`: the answers read, marked 「カードから読み取りました」, docs/reader.md §4.3), each
//! typed on both sides (`reader_bridge`).

use leptos::prelude::*;
use rules::Pin;

use super::keep_title;
use crate::components::markup::{el, page};
use crate::flow::answers::{Answer, DateText};
use crate::flow::route::Page;
use crate::flow::{Choice, Journey, Question};
use crate::i18n::Msg;
use crate::profile::{ProfileState, ReaderSwitches};
use crate::reader_bridge::ToApp;
use crate::state::{use_state, AppState};

thread_local! {
    /// Answers the reader filled in: their pages say 「カードから読み取りました」 while the answer is still
    /// the one read (docs/reader.md §4.3). Read without tracking, when a question page is drawn (a signal of a
    /// new type would cost its own generic code in the first view's wasm, docs/design.md §7).
    static FROM_CARD: std::cell::RefCell<Vec<(Question, Answer)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Whether `answer` to `question` is the one the card reader filled in.
pub fn read_from_card(question: Question, answer: Option<&Answer>) -> bool {
    FROM_CARD.with_borrow(|read| read.iter().any(|(q, a)| *q == question && Some(a) == answer))
}

/// The user certificate's dates read from the card (JST), into the expiry journey; or, with `None`, that
/// the card holds none. The citizen still confirms or edits each answer; `card.*` is never filled.
pub fn use_dates(state: AppState, dates: Option<(chrono::NaiveDate, chrono::NaiveDate)>) {
    let read = match dates {
        Some((issued_on, expires_on)) => vec![
            (Question::UserHeld, Answer::Choice(Choice::Yes)),
            (Question::UserExpiry, Answer::Date(DateText::from_date(expires_on))),
            (Question::UserIssued, Answer::Date(DateText::from_date(issued_on))),
        ],
        None => vec![(Question::UserHeld, Answer::Choice(Choice::No))],
    };
    open_journey(state, Journey::Expiry, read);
}

/// A locked PIN into the PIN journey (an event `pin_locked`; the journey still asks about the other
/// certificate's PIN).
pub fn use_locked_pin(state: AppState, pin: Pin) {
    open_journey(state, Journey::Pin, vec![(Question::WhichPin, Answer::Choice(Choice::Pin(pin)))]);
}

/// What the module gives from a read, into its journey.
pub fn use_offer(state: AppState, offer: ToApp) {
    match offer {
        ToApp::UseDates { issued_on, expires_on } => use_dates(state, Some((issued_on, expires_on))),
        ToApp::NoCertificate => use_dates(state, None),
        ToApp::LockedPin(pin) => use_locked_pin(state, pin),
    }
}

fn open_journey(state: AppState, journey: Journey, read: Vec<(Question, Answer)>) {
    state.answers.update(|answers| {
        for (question, answer) in &read {
            answers.set(*question, answer.clone());
        }
    });
    FROM_CARD.set(read);
    state.changing.set(false);
    let first = state.answers.with_untracked(|a| journey.path(a, state.today));
    let page = Page::Question(journey, first.questions.first().copied().unwrap_or(journey.first()));
    crate::nav::go(state, page);
}

/// The page (not a component: it draws itself into `<main>`, see `markup::page`): the heading, the element
/// the module draws into, and the live region. The module is loaded, then mounted.
pub fn reader_page() -> AnyView {
    let state = use_state();
    keep_title(state, Msg::ReaderTitle, Signal::derive(|| false));
    browser::open(state);
    // Drawn again when the language changes: the module then draws into the new element.
    let body = || {
        browser::redraw();
        vec![el("div", "").attr("id", "reader-root")]
    };
    page(Msg::ReaderTitle, true, Box::new(body), Some(("reader-status", Box::new(Vec::new))));
    // The municipality profile's switches reach the module once the profile has arrived or failed, and not
    // before: on a direct load of `#/reader` it is usually still on its way, and deciding then would put the
    // defaults in place of a city's `query_pin_tries: false` (docs/reader.md §1). Followed here, where its arrival
    // draws nothing (the page above is not drawn again); the module waits for it before offering Read.
    crate::profile::profile_view(Box::new(|_, profile| {
        browser::settle(switches(profile));
        ().into_any()
    }))
    .into_any()
}

/// The reader's switches once they can be decided (docs/reader.md §1): `None` while the profile is on its way;
/// then the profile's, or the defaults when it failed or is missing.
pub fn switches(profile: ProfileState) -> Option<ReaderSwitches> {
    match profile {
        ProfileState::Loading => None,
        profile => Some(profile.reader_switches()),
    }
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use js_sys::{Object, Reflect};
    use leptos::prelude::*;
    use leptos::tachys::view::{Mountable, Render};
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsValue;

    use crate::components::text::rich_view;
    use crate::i18n::rich::Arg;
    use crate::i18n::Msg;
    use crate::profile::ReaderSwitches;
    use crate::reader_bridge::{from_js, TextRequest, ToApp, ToModule, GUIDE, TEXT};
    use crate::reader_module;
    use crate::state::AppState;

    /// `mynaGuide.text`: the message asked for, in the citizen's language, drawn into a `<span>`.
    fn text(state: AppState, request: TextRequest) -> JsValue {
        let locale = state.locale.get_untracked();
        let args: Vec<(&str, Arg)> = request.args.into_iter().map(|(p, value)| (p.name(), value.into_arg())).collect();
        let span = document().create_element("span").ok();
        if let Some(span) = &span {
            rich_view(locale, locale.raw(request.msg), &args).build().mount(span, None);
        }
        span.map(JsValue::from).unwrap_or_default()
    }

    /// Puts `window.mynaGuide` (texts and journeys) for the module, loads it and mounts it; draws it again
    /// when the language changes; unmounts it when the page closes.
    pub fn open(state: AppState) {
        let guide = Object::new();
        let set = |key: &str, value: JsValue| {
            let _ = Reflect::set(&guide, &key.into(), &value);
        };
        let draw = move |args: JsValue| match TextRequest::decode(&from_js(&args)) {
            Some(request) => text(state, request),
            None => JsValue::UNDEFINED,
        };
        set(TEXT, Closure::<dyn Fn(JsValue) -> JsValue>::new(draw).into_js_value());
        for name in ToApp::NAMES {
            let given = move |args: JsValue| {
                if let Some(offer) = ToApp::decode(name, &from_js(&args)) {
                    super::use_offer(state, offer);
                }
            };
            set(name, Closure::<dyn Fn(JsValue)>::new(given).into_js_value());
        }
        let _ = Reflect::set(&window(), &GUIDE.into(), &guide);

        leptos::task::spawn_local(async move {
            if reader_module::load().await.is_some() {
                reader_module::call(ToModule::Mount);
                settle(super::switches(crate::profile::current_untracked()));
            } else if let Some(root) = document().get_element_by_id("reader-root") {
                // Without the module (a first visit offline, a blocked script): say so, keep the typed path.
                let failed = rich_view(
                    state.locale.get_untracked(),
                    state.locale.get_untracked().raw(Msg::ReaderStateUnknownError),
                    &[("code", Arg::Text("module".to_owned()))],
                );
                let _ = root.set_attribute("role", "alert");
                failed.build().mount(&root, None);
            }
        });
        on_cleanup(|| reader_module::call(ToModule::Unmount));
    }

    /// Gives the module the profile's switches, once decided (before it is loaded, nothing: it is given them
    /// again when it is).
    pub fn settle(switches: Option<ReaderSwitches>) {
        if let Some(switches) = switches {
            reader_module::call(ToModule::Settle(switches));
        }
    }

    /// Once the page's elements are drawn (again), the module draws into them (before it is loaded, nothing).
    pub fn redraw() {
        request_animation_frame(|| reader_module::call(ToModule::Draw));
    }
}

/// Native builds (tests) have no browser and no module.
#[cfg(not(target_arch = "wasm32"))]
mod browser {
    pub fn open(_state: crate::state::AppState) {}
    pub fn redraw() {}
    pub fn settle(_switches: Option<crate::profile::ReaderSwitches>) {}
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::{Profile, Texts};

    #[test]
    fn the_switches_wait_for_the_profile() {
        let city = |query_pin_tries| {
            ProfileState::Ready(Box::leak(Box::new(Profile {
                calendar_domain: "city.test.jp".into(),
                name: Texts::default(),
                reader: ReaderSwitches { query_pin_tries, rcs300: false },
                ..Profile::default()
            })))
        };
        // On its way: not decided, so a city's `false` is not replaced by the default.
        assert_eq!(switches(ProfileState::Loading), None);
        let on = |query_pin_tries| Some(ReaderSwitches { query_pin_tries, rcs300: false });
        assert_eq!(switches(city(false)), on(false));
        assert_eq!(switches(city(true)), on(true));
        // Failed or missing: the defaults of docs/reader.md §1.
        assert_eq!(switches(ProfileState::Missing), Some(ReaderSwitches::default()));
    }
}
