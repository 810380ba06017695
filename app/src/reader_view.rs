//! The reader page's content (design.md §3.8, reader.md §7), drawn by the card-reader module
//! (`src/bin/card_reader.rs`) into the page the app opened: the states of a read through a PaSoRi, each
//! with its text, the dates read offered to the expiry journey, and the typed path one click away in
//! every state. Progress is announced in the page's polite live region, failures with `role="alert"`, and
//! the focus moves to the heading on `done` and on failures only. The page never asks for a PIN.
//!
//! Only the module calls this (the app's own wasm never does, so none of it is in the first view). Texts
//! are the app's: each one is drawn by the app through `window.mynaGuide.text` (`pages::reader`), in the
//! language the citizen chose, with its ruby, terms and dates. The module only says which text.

use crate::i18n::Msg;

/// Every state of reader.md §7 with its text, in the order of `reader::state::State::ALL`.
pub const STATES: [(&str, Msg); 18] = [
    ("unsupported_browser", Msg::ReaderStateUnsupportedBrowser),
    ("blocked_by_embedding", Msg::ReaderStateBlockedByEmbedding),
    ("idle", Msg::ReaderStateIdle),
    ("no_device_chosen", Msg::ReaderStateNoDeviceChosen),
    ("device_unavailable", Msg::ReaderStateDeviceUnavailable),
    ("waiting_for_card", Msg::ReaderStateWaitingForCard),
    ("no_card", Msg::ReaderStateNoCard),
    ("wrong_card", Msg::ReaderStateWrongCard),
    ("reading", Msg::ReaderStateReading),
    ("done", Msg::ReaderStateDone),
    ("card_removed", Msg::ReaderStateCardRemoved),
    ("pin_locked", Msg::ReaderStatePinLocked),
    ("few_tries_left", Msg::ReaderStateFewTriesLeft),
    ("no_user_certificate", Msg::ReaderStateNoUserCertificate),
    ("timeout", Msg::ReaderStateTimeout),
    ("reader_disconnected", Msg::ReaderStateReaderDisconnected),
    ("cancelled", Msg::ReaderStateCancelled),
    ("unknown_error", Msg::ReaderStateUnknownError),
];

/// The text of a state of reader.md §7.
pub fn state_text(id: &str) -> Option<Msg> {
    STATES.iter().find(|(k, _)| *k == id).map(|(_, m)| *m)
}

/// The name of a PIN by its contract id (reader.md §1).
pub fn pin_name(id: &str) -> Option<Msg> {
    Some(match id {
        "user" => Msg::ReaderPinUser,
        "signature" => Msg::ReaderPinSignature,
        "card_info" => Msg::ReaderPinCardInfo,
        "residence" => Msg::ReaderPinResidence,
        _ => return None,
    })
}

/// The states announced politely while they last.
pub fn is_progress(state: &str) -> bool {
    matches!(state, "waiting_for_card" | "reading")
}

/// Every state but `idle`, `done`, the progress states and the page's own `loading` is a failure
/// (`role="alert"`, focus on the heading).
pub fn is_failure(state: &str) -> bool {
    !matches!(state, "idle" | "done" | "loading") && !is_progress(state)
}

/// Whether a PIN's counter is shown marked 「（未確認）」: a number (or "not locked") read the way no real
/// card has confirmed yet — today the 住基 PIN, whose application identifier is unsettled (reader.md §2.1).
/// An unknown counter says so already and carries no mark.
pub fn marked_unconfirmed(pin: reader::apdu::Pin, tries: reader::reading::Tries) -> bool {
    !pin.counter_confirmed() && tries != reader::reading::Tries::Unknown
}

/// The expiry journey's first page: the typed path, one click away in every state.
pub const TYPED_PATH: &str = "#/expiry/birth-date";

#[cfg(target_arch = "wasm32")]
pub use browser::{language, mount, settle, unmount};

#[cfg(target_arch = "wasm32")]
mod browser {
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;

    use js_sys::{Array, Function, Reflect};
    use leptos::mount::{mount_to, UnmountHandle};
    use leptos::prelude::*;
    use leptos::tachys::view::any_view::AnyViewState;
    use reader::apdu::Pin;
    use reader::plan::Options;
    use reader::reading::{CardReading, Notice, Tries};
    use reader::session::ReaderModel;
    use reader::state::{ReadError, State};
    use wasm_bindgen::{JsCast, JsValue};

    use super::{is_failure, is_progress, marked_unconfirmed, pin_name, state_text, TYPED_PATH};
    use crate::components::markup::{draw_all, el, follow, summary_row, Node};
    use crate::components::text::{dynamic, t};
    use crate::flow::route::Page;
    use crate::i18n::rich::Arg;
    use crate::i18n::{loaded, Locale, Msg};
    use crate::state::AppState;
    use crate::usb::{self, Link, PageHost};

    /// How long the page waits for the app to settle the profile's switches before it takes the defaults.
    const PROFILE_LIMIT: std::time::Duration = std::time::Duration::from_secs(10);

    /// The outcome of the last read, while it is shown.
    type Outcome = Option<Result<CardReading, ReadError>>;

    /// Where the page is: signals of the view drawn by [`mount`], disposed with it (a read or a wait that ends
    /// after the citizen left, or after the page was opened again, changes nothing: its signals are gone).
    #[derive(Clone, Copy)]
    struct Ui {
        /// A state id of reader.md §7, or `loading` until the browser has been asked.
        state: RwSignal<&'static str>,
        /// A read (or the chooser) runs: Read is marked disabled and Cancel shown.
        busy: RwSignal<bool>,
        outcome: RwSignal<Outcome>,
        /// "Forget this reader" was done.
        forgotten: RwSignal<bool>,
        /// The page's switches from the municipality profile, `(query_pin_tries, rcs300)`, once the app has
        /// decided them (`settle`); until then Read is not offered.
        switches: RwSignal<Option<(bool, bool)>>,
        /// The language the texts are drawn in (the module's own copy of the visit's, `AppState`).
        locale: RwSignal<Locale>,
    }

    thread_local! {
        /// The view drawn into `#reader-root` and its signals, while the page is open.
        static PAGE: RefCell<Option<(Ui, UnmountHandle<AnyViewState>)>> = const { RefCell::new(None) };
        /// How many times the page was opened or closed: a mount that waited for its texts draws only if it is
        /// still the latest.
        static OPENING: Cell<u32> = const { Cell::new(0) };
        /// The switches given before the view was drawn (they arrive while the texts load).
        static SETTLED: Cell<Option<(bool, bool)>> = const { Cell::new(None) };
        /// The citizen's language, as the app last said (it may change while the texts load).
        static LOCALE: Cell<Locale> = const { Cell::new(Locale::Ja) };
        /// The Cancel flag of the read that runs.
        static CANCELLED: RefCell<Rc<Cell<bool>>> = RefCell::new(Rc::new(Cell::new(false)));
    }

    fn ui() -> Option<Ui> {
        PAGE.with_borrow(|page| page.as_ref().map(|(ui, _)| *ui))
    }

    /// Calls one of `window.mynaGuide`'s journeys, which the app's reader page puts there (`pages::reader`).
    fn call(name: &str, args: &Array) {
        let Some(window) = web_sys::window() else { return };
        let guide = Reflect::get(&window, &"mynaGuide".into()).unwrap_or(JsValue::UNDEFINED);
        if let Some(function) = Reflect::get(&guide, &name.into()).ok().and_then(|f| f.dyn_into::<Function>().ok()) {
            let _ = function.apply(&guide, args);
        }
    }

    fn tries_text(tries: Tries) -> (Msg, Vec<(&'static str, Arg)>) {
        match tries {
            Tries::Left(n) => (Msg::ReaderTriesLeft, vec![("n", Arg::Text(n.to_string()))]),
            Tries::Locked => (Msg::ReaderTriesLeft, vec![("n", Arg::Text("0".to_owned()))]),
            Tries::NotLockedCountUnknown => (Msg::ReaderTriesNotLocked, Vec::new()),
            Tries::Unknown => (Msg::ReaderTriesUnknown, Vec::new()),
        }
    }

    fn value(msg: Msg, args: Vec<(&'static str, Arg)>) -> Node {
        el("dd", "myna-summary__value").msg_with(msg, args)
    }

    /// `<dl>` rows: the certificate's dates (JST), its issuer, and each PIN's tries as a number only.
    fn result_list(reading: &CardReading) -> Node {
        let date = |d| vec![("date", Arg::Date(d))];
        let certificate = match reading.user_certificate {
            Some(cert) => vec![
                summary_row(Msg::ReaderResultExpires, value(Msg::ReaderDate, date(cert.expires_on))),
                summary_row(Msg::ReaderResultIssued, value(Msg::ReaderDate, date(cert.issued_on))),
                summary_row(Msg::ReaderResultIssuer, value(Msg::ReaderIssuerJlis, Vec::new())),
            ],
            None => vec![summary_row(Msg::ReaderResultExpires, value(Msg::ReaderResultNoCertificate, Vec::new()))],
        };
        let pins = Pin::ALL.into_iter().filter_map(|pin| {
            let name = pin_name(pin.id())?;
            let tries = reading.pins.get(pin);
            let (msg, args) = tries_text(tries);
            let mark = marked_unconfirmed(pin, tries).then(|| el("span", "").msg(Msg::ReaderUnconfirmed));
            Some(summary_row(name, value(msg, args).children(mark)))
        });
        el("dl", "myna-summary myna-reader__result").children(certificate).children(pins)
    }

    /// The notices inside `done`: a locked PIN (with the way to its reset), few tries left, no user certificate.
    fn notice_node(notice: Notice) -> Node {
        let pin = |pin: Pin| ("pin", Arg::Msg(pin_name(pin.id()).unwrap_or(Msg::ReaderPinUser)));
        let args = match notice {
            Notice::PinLocked(p) => vec![pin(p)],
            Notice::FewTriesLeft(p, n) => vec![pin(p), ("n", Arg::Text(n.to_string()))],
            Notice::NoUserCertificate => Vec::new(),
        };
        let text = state_text(notice.state().id()).unwrap_or(Msg::ReaderStateDone);
        let notice_box = el("div", "myna-notice myna-reader__notice").child(el("p", "").msg_with(text, args));
        match notice {
            Notice::PinLocked(pin) => notice_box.child(
                el("button", "myna-button myna-button--secondary")
                    .attr("type", "button")
                    .attr_owned("id", ["reader-pin-", pin.id()].concat())
                    .msg(Msg::ReaderPinJourney)
                    .on("click", move |_| call("lockedPin", &Array::of1(&pin.id().into()))),
            ),
            _ => notice_box,
        }
    }

    /// What a read found: the list, the mark's note, the CA's generation, the notices, and 「この日付を使う」.
    fn reading_nodes(reading: &CardReading) -> Vec<Node> {
        let mut nodes = vec![result_list(reading)];
        if Pin::ALL.into_iter().any(|pin| marked_unconfirmed(pin, reading.pins.get(pin))) {
            nodes.push(el("p", "myna-hint myna-reader__unconfirmed").msg(Msg::ReaderResidenceUnconfirmed));
        }
        nodes.push(el("p", "myna-hint").msg(Msg::ReaderTriesNote));
        if let Some(ca) = reading.ca_certificate {
            let year = vec![("year", Arg::Text(ca.generation.to_string()))];
            nodes.push(
                el("details", "myna-why")
                    .child(el("summary", "").msg(Msg::ReaderDetails))
                    .child(el("p", "").msg_with(Msg::ReaderCaGeneration, year)),
            );
        }
        nodes.extend(reading.notices().into_iter().map(notice_node));
        let dates = reading
            .user_certificate
            .map(|c| (rules::iso::format_date(c.issued_on), rules::iso::format_date(c.expires_on)));
        let use_dates = move |_: web_sys::Event| match &dates {
            Some((issued, expires)) => call("useDates", &Array::of2(&issued.into(), &expires.into())),
            None => call("noCertificate", &Array::new()),
        };
        nodes.push(
            el("button", "myna-button")
                .attrs(&[("type", "button"), ("id", "reader-use")])
                .msg(Msg::ReaderUse)
                .on("click", use_dates),
        );
        nodes
    }

    /// The message of the state shown: an alert with the error's code on a failure, else a line (none while a
    /// read is in progress, which the live region says).
    fn message_nodes(id: &'static str, outcome: &Outcome) -> Vec<Node> {
        let message = state_text(id).unwrap_or(Msg::ReaderStateUnknownError);
        let mut nodes = Vec::new();
        if is_failure(id) {
            let code = match outcome {
                Some(Err(error)) => error.code().unwrap_or_else(|| "-".to_owned()),
                _ => "-".to_owned(),
            };
            let line = el("p", "").msg_with(message, vec![("code", Arg::Text(code))]);
            nodes.push(el("div", "myna-notice myna-reader__alert").attr("role", "alert").child(line));
        } else if !is_progress(id) && id != "loading" {
            nodes.push(el("p", "myna-reader__message").msg(message));
        }
        if id == "blocked_by_embedding" {
            let link = el("a", "myna-reader__new-tab")
                .attrs(&[("href", "./#/reader"), ("target", "_blank"), ("rel", "noopener")])
                .msg(Msg::ReaderOpenTab);
            nodes.push(el("p", "").child(link));
        }
        if id == "unsupported_browser" {
            nodes.push(el("p", "").msg(Msg::ReaderOfficialTools));
        }
        nodes
    }

    /// A text chosen by a signal (`msg` is followed), in the page's language.
    fn text_of(msg: impl Fn() -> Msg + Send + Sync + 'static) -> AnyView {
        dynamic(move || t(msg()).into_any()).into_any()
    }

    /// The page's content: the lead, the part that follows the state (`.myna-reader`), the typed path, the
    /// help, 「このリーダーの許可を取り消す」, and the live region that says a read's progress. Read and Cancel are
    /// drawn once and follow the state in place, so the button pressed keeps the focus during a read.
    fn content(ui: Ui) -> AnyView {
        // The state shown: `idle` waits, as `loading`, for the profile's switches.
        let shown = Memo::new(move |_| {
            let state = ui.state.get();
            if state == "idle" && ui.switches.get().is_none() {
                "loading"
            } else {
                state
            }
        });
        let actionable =
            Memo::new(move |_| !matches!(shown.get(), "loading" | "unsupported_browser" | "blocked_by_embedding"));
        let message = follow(move || ui.outcome.with(|outcome| message_nodes(shown.get(), outcome)));
        let reading = follow(move || {
            ui.outcome.with(|o| o.as_ref().and_then(|o| o.as_ref().ok()).map(reading_nodes)).unwrap_or_default()
        });
        let actions = follow(move || {
            if !actionable.get() {
                return Vec::new();
            }
            let idle = Memo::new(move |_| shown.get() == "idle");
            let read = el("button", "myna-button")
                .attrs(&[("type", "button"), ("id", "reader-read")])
                // aria-disabled rather than disabled: the button keeps the focus it had when it was pressed.
                .reactive_attr("aria-disabled", move || ui.busy.get().then(|| "true".to_owned()))
                .view(text_of(move || if idle.get() { Msg::ReaderRead } else { Msg::ReaderReadAgain }))
                .on("click", move |_| start_read(ui));
            let cancel = follow(move || {
                if !ui.busy.get() {
                    return Vec::new();
                }
                let cancel = || CANCELLED.with_borrow(|c| c.set(true));
                vec![el("button", "myna-button myna-button--secondary")
                    .attrs(&[("type", "button"), ("id", "reader-cancel")])
                    .msg(Msg::ReaderCancel)
                    .on("click", move |_| cancel())]
            });
            vec![el("div", "myna-reader__actions").child(read).view(cancel)]
        });
        let forget = follow(move || {
            if ui.busy.get() || !actionable.get() {
                return Vec::new();
            }
            if ui.forgotten.get() {
                return vec![el("p", "").attr("role", "status").msg(Msg::ReaderForgotten)];
            }
            let forget = move |_: web_sys::Event| {
                wasm_bindgen_futures::spawn_local(async move {
                    usb::forget().await;
                    ui.forgotten.try_set(true);
                })
            };
            vec![el("button", "myna-button myna-button--secondary")
                .attrs(&[("type", "button"), ("id", "reader-forget")])
                .msg(Msg::ReaderForget)
                .on("click", forget)]
        });
        let status = follow(move || {
            let state = ui.state.get();
            if is_progress(state) {
                vec![el("p", "").msg(state_text(state).unwrap_or(Msg::ReaderStateReading))]
            } else {
                Vec::new()
            }
        });
        draw_all(vec![
            el("p", "myna-lead").msg(Msg::ReaderLead),
            el("p", "myna-privacy").msg(Msg::ReaderPrivacy),
            el("div", "myna-reader")
                .reactive_attr("data-state", move || Some(shown.get().to_owned()))
                .view(message)
                .view(reading)
                .view(actions),
            el("p", "").child(el("a", "myna-reader__typed").attr("href", TYPED_PATH).msg(Msg::ReaderTyped)),
            el("h2", "").msg(Msg::ReaderHelpHeading),
            el("p", "").msg(Msg::ReaderHelpReaders),
            el("p", "").msg(Msg::ReaderHelpHid),
            el("div", "").view(forget),
            el("div", "myna-live").attrs(&[("id", "reader-status"), ("aria-live", "polite")]).view(status),
        ])
    }

    /// Moves the focus to the page's heading (on `done` and on failures).
    fn focus_heading() {
        let heading =
            web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector("#myna-root h1").ok().flatten());
        if let Some(heading) = heading {
            let _ = heading.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    }

    /// A state reached: shown (nothing if the page has gone), and the heading focused on `done` and failures.
    fn reach(ui: Ui, state: State, busy: bool, outcome: Outcome) {
        if ui.state.try_set(state.id()).is_some() {
            return; // the page has gone
        }
        ui.busy.try_set(busy);
        if !busy {
            ui.outcome.try_set(outcome);
        }
        if state == State::Done || is_failure(state.id()) {
            focus_heading();
        }
    }

    /// The Read button: the chooser (in the click's gesture), then the whole read.
    fn start_read(ui: Ui) {
        let (false, Some((query_pin_tries, rcs300))) = (ui.busy.get_untracked(), ui.switches.get_untracked()) else {
            return;
        };
        let cancelled = Rc::new(Cell::new(false));
        CANCELLED.set(cancelled.clone());
        ui.forgotten.set(false);
        ui.outcome.set(None);
        reach(ui, State::Idle, true, None);
        wasm_bindgen_futures::spawn_local(async move {
            let (device, model) = match usb::choose(rcs300).await {
                Ok(chosen) => chosen,
                Err(why) => return reach(ui, why.state(), false, None),
            };
            let mut link = match Link::open(device).await {
                Ok(link) => link,
                Err(why) => return reach(ui, why.state(), false, None),
            };
            let host = PageHost {
                cancelled: cancelled.clone(),
                progress: Box::new(move |state| reach(ui, state, true, None)),
            };
            let options = Options { query_pin_tries };
            let result = match model {
                ReaderModel::Rcs380 => reader::session::read_with_rcs380(&mut link, &host, options).await,
                ReaderModel::Rcs300 => reader::rcs300::read_with_rcs300(&mut link, &host, options).await,
            };
            link.close().await;
            match result {
                Ok(reading) => reach(ui, State::Done, false, Some(Ok(reading))),
                // A read that ends badly after Cancel (a transfer that was waiting timed out, say) was cancelled.
                Err(_) if cancelled.get() => reach(ui, State::Cancelled, false, None),
                Err(error) => {
                    let state = error.state();
                    reach(ui, state, false, Some(Err(error)))
                }
            }
        });
    }

    /// The page opened (`locale`: the citizen's language, an id of `?lang=`): fetches the texts of that
    /// language (the app's own file, `i18n::loaded`), draws into `#reader-root`, asks the browser whether WebUSB
    /// can be used here (never a prompt), and offers Read once the app has given the profile's switches (`settle`).
    pub fn mount(locale: String) {
        let opening = OPENING.with(|o| o.get().wrapping_add(1));
        OPENING.set(opening);
        SETTLED.set(None);
        close();
        let locale = Locale::from_id(&locale).unwrap_or_default();
        LOCALE.set(locale);
        wasm_bindgen_futures::spawn_local(async move {
            // Without its file (offline), the texts fall back as the app's do (`loaded::text`).
            let _ = loaded::load(locale).await;
            if OPENING.get() != opening {
                return; // closed, or opened again, while the texts loaded
            }
            // In the language of now: one chosen meanwhile follows once its texts are there (`language`).
            draw(LOCALE.get(), opening);
        });
    }

    fn draw(locale: Locale, opening: u32) {
        let root = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("reader-root"))
            .and_then(|root| root.dyn_into::<web_sys::HtmlElement>().ok());
        let Some(root) = root else { return };
        let ui = Rc::new(Cell::new(None));
        let drawn = ui.clone();
        let view = mount_to(root, move || {
            // The module's own copy of the visit's state: only its language is read (by the texts).
            let state = AppState::new(chrono::NaiveDate::MIN, locale, Page::Reader);
            provide_context(state);
            let ui = Ui {
                state: RwSignal::new("loading"),
                busy: RwSignal::new(false),
                outcome: RwSignal::new(None),
                forgotten: RwSignal::new(false),
                switches: RwSignal::new(SETTLED.get()),
                locale: state.locale,
            };
            drawn.set(Some(ui));
            content(ui)
        });
        let Some(ui) = ui.get() else { return };
        PAGE.set(Some((ui, view)));
        wasm_bindgen_futures::spawn_local(async move {
            let state = match usb::availability().await {
                Ok(()) => State::Idle,
                Err(why) => why.state(),
            };
            reach(ui, state, false, None);
        });
        // A profile that neither arrives nor fails (a stalled request) counts as failed after a while: the
        // defaults of reader.md §1, rather than a page that never offers Read.
        wasm_bindgen_futures::spawn_local(async move {
            usb::sleep(PROFILE_LIMIT).await;
            if OPENING.get() == opening && ui.switches.try_get_untracked() == Some(None) {
                settle(true, false);
            }
        });
    }

    /// The municipality profile's switches `(query_pin_tries, rcs300)`, decided by the app once the profile
    /// has arrived or failed (`pages::reader`): Read is offered from now on, with them.
    pub fn settle(query_pin_tries: bool, rcs300: bool) {
        SETTLED.set(Some((query_pin_tries, rcs300)));
        if let Some(ui) = ui() {
            ui.switches.set(Some((query_pin_tries, rcs300)));
        }
    }

    /// The citizen changed the language: its texts are fetched, then drawn again in it.
    pub fn language(locale: String) {
        let Some(locale) = Locale::from_id(&locale) else { return };
        LOCALE.set(locale);
        wasm_bindgen_futures::spawn_local(async move {
            let _ = loaded::load(locale).await;
            // Unless the citizen has chosen yet another one meanwhile.
            if let (Some(ui), true) = (ui(), LOCALE.get() == locale) {
                ui.locale.set(locale);
            }
        });
    }

    /// The view and its signals go; a running read is cancelled.
    fn close() {
        CANCELLED.with_borrow(|c| c.set(true));
        // Taken out first: dropping the view runs its cleanups, which must find the page closed.
        let page = PAGE.take();
        drop(page);
    }

    /// The page closed: a running read is cancelled and nothing more is drawn.
    pub fn unmount() {
        OPENING.with(|o| o.set(o.get().wrapping_add(1)));
        close();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::route::Page;
    use crate::flow::Journey;

    #[test]
    fn every_state_of_the_table_has_a_text() {
        // The ids of reader.md §7, as the reader crate names them.
        let ids: Vec<&str> = reader::state::State::ALL.iter().map(|s| s.id()).collect();
        assert_eq!(ids, STATES.iter().map(|(id, _)| *id).collect::<Vec<_>>());
        for pin in ["user", "signature", "card_info", "residence"] {
            assert!(pin_name(pin).is_some(), "{pin}");
        }
        assert!(pin_name("master").is_none());
    }

    #[test]
    fn progress_and_failures() {
        assert!(is_progress("reading") && is_progress("waiting_for_card"));
        assert!(is_failure("no_card") && is_failure("unsupported_browser") && is_failure("cancelled"));
        assert!(!is_failure("done") && !is_failure("idle") && !is_failure("reading") && !is_failure("loading"));
    }

    #[test]
    fn only_a_residence_counter_read_is_marked_unconfirmed() {
        use reader::apdu::Pin;
        use reader::reading::Tries;
        for tries in [Tries::Left(3), Tries::Locked, Tries::NotLockedCountUnknown] {
            assert!(marked_unconfirmed(Pin::Residence, tries), "{tries:?}");
            for pin in [Pin::User, Pin::Signature, Pin::CardInfo] {
                assert!(!marked_unconfirmed(pin, tries), "{pin:?}");
            }
        }
        assert!(!marked_unconfirmed(Pin::Residence, Tries::Unknown));
    }

    #[test]
    fn the_typed_path_is_the_expiry_journeys_first_page() {
        assert_eq!(TYPED_PATH, Page::Question(Journey::Expiry, Journey::Expiry.first()).hash());
    }
}
