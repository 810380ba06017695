//! カードを読み取る (docs/design.md §3.8, docs/reader.md §7): the app's side of the reader page. The page's heading and an
//! empty `#reader-root` are the app's; the content — the states of a read through a PaSoRi, the dates read, the
//! PIN counters, the live region of a read's progress — is drawn there by the card-reader module (`reader_view`,
//! `src/bin/card_reader.rs`) with Leptos, loaded when the page opens, so that none of it is in the first view
//! (docs/design.md §7). The app tells the module the citizen's language (it draws in texts of the same locale files)
//! and lends it its journeys through `window.mynaGuide` (`useDates`, `noCertificate`, `lockedPin`: the answers
//! read, marked 「カードから読み取りました」, docs/reader.md §4.3).

use leptos::prelude::*;
use rules::Pin;

use super::keep_title;
use crate::components::markup::{el, follow, page};
use crate::flow::answers::{Answer, DateText};
use crate::flow::route::Page;
use crate::flow::{Choice, Journey, Question};
use crate::i18n::rich::Arg;
use crate::i18n::{Locale, Msg};
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
        ToApp::FocusHeading => crate::focus_heading(state),
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

/// The page: the heading, the element the module draws into, and, when the module cannot be had, why. The
/// module is loaded, then mounted; it follows the language and the profile's arrival through the app.
pub fn reader_page() -> AnyView {
    let state = use_state();
    keep_title(state, Msg::ReaderTitle, Signal::derive(|| false));
    let failed = RwSignal::new(false);
    browser::open(state, failed);
    // A language switch reaches the module, which draws its texts again in it.
    Effect::new(move |previous: Option<Locale>| {
        let locale = state.locale.get();
        if previous.is_some_and(|p| p != locale) {
            browser::language(locale);
        }
        locale
    });
    // The municipality profile's switches reach the module once the profile has arrived or failed, and not
    // before: on a direct load of `#/reader` it is usually still on its way, and deciding then would put the
    // defaults in place of a city's `query_pin_tries: false` (docs/reader.md §1). Followed here, where its arrival
    // draws nothing; the module waits for it before offering Read.
    let settle = crate::profile::profile_view(Box::new(|_, profile| {
        browser::settle(switches(profile));
        ().into_any()
    }));
    // Without the module (a first visit offline, a blocked script): said so; the typed path stays a link away.
    let failure = follow(move || {
        if !failed.get() {
            return Vec::new();
        }
        let code = vec![("code", Arg::Text("module".to_owned()))];
        let typed = el("a", "myna-reader__typed").attr("href", crate::reader_view::TYPED_PATH).msg(Msg::ReaderTyped);
        vec![
            el("div", "myna-notice")
                .attr("role", "alert")
                .child(el("p", "").msg_with(Msg::ReaderStateUnknownError, code)),
            el("p", "").child(typed),
        ]
    });
    page(
        Msg::ReaderTitle,
        true,
        vec![el("div", "").attr("id", "reader-root"), el("div", "").view(failure).view(settle.into_any())],
    )
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
    use wasm_bindgen::closure::Closure;

    use crate::i18n::Locale;
    use crate::profile::ReaderSwitches;
    use crate::reader_bridge::{from_js, ToApp, ToModule, GUIDE};
    use crate::reader_module;
    use crate::state::AppState;

    /// Puts `window.mynaGuide` (the journeys) for the module, loads it and mounts it in the citizen's
    /// language (`failed` when it cannot be had); unmounts it when the page closes.
    pub fn open(state: AppState, failed: RwSignal<bool>) {
        let guide = Object::new();
        for name in ToApp::NAMES {
            let given = move |args: wasm_bindgen::JsValue| {
                if let Some(offer) = ToApp::decode(name, &from_js(&args)) {
                    super::use_offer(state, offer);
                }
            };
            let _ = Reflect::set(
                &guide,
                &name.into(),
                &Closure::<dyn Fn(wasm_bindgen::JsValue)>::new(given).into_js_value(),
            );
        }
        let _ = Reflect::set(&window(), &GUIDE.into(), &guide);

        leptos::task::spawn_local(async move {
            if reader_module::load().await.is_some() {
                reader_module::call(ToModule::Mount(state.locale.get_untracked()));
                settle(super::switches(crate::profile::current_untracked()));
            } else {
                failed.try_set(true);
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

    /// The citizen's language changed: the module draws its texts again in it (before it is loaded, nothing:
    /// it is mounted in the language of then).
    pub fn language(locale: Locale) {
        reader_module::call(ToModule::Draw(locale));
    }
}

/// Native builds (tests) have no browser and no module.
#[cfg(not(target_arch = "wasm32"))]
mod browser {
    pub fn open(_state: crate::state::AppState, _failed: leptos::prelude::RwSignal<bool>) {}
    pub fn language(_locale: crate::i18n::Locale) {}
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
