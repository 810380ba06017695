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
pub use browser::{draw, mount, settle, unmount};

#[cfg(target_arch = "wasm32")]
mod browser {
    use std::cell::RefCell;
    use std::rc::Rc;

    use js_sys::{Array, Function, Object, Reflect};
    use reader::apdu::Pin;
    use reader::plan::Options;
    use reader::reading::{CardReading, Notice, Tries};
    use reader::session::ReaderModel;
    use reader::state::{ReadError, State};
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::Element;

    use super::{is_failure, is_progress, marked_unconfirmed, pin_name, state_text, TYPED_PATH};
    use crate::i18n::Msg;
    use crate::usb::{self, Link, PageHost};

    type Listener = Closure<dyn FnMut(web_sys::Event)>;

    /// How long the page waits for the app to settle the profile's switches before it takes the defaults.
    const PROFILE_LIMIT: std::time::Duration = std::time::Duration::from_secs(10);

    /// Where the page is.
    struct Ui {
        /// A state id of reader.md §7, or `loading` until the browser has been asked.
        state: &'static str,
        /// A read (or the chooser) runs: Read is marked disabled and Cancel shown.
        busy: bool,
        /// The last read's outcome, while it is shown.
        outcome: Option<Result<CardReading, ReadError>>,
        /// "Forget this reader" was done.
        forgotten: bool,
        /// The Cancel flag of the read that runs.
        cancelled: Rc<std::cell::Cell<bool>>,
        /// The page's switches from the municipality profile, `(query_pin_tries, rcs300)`, once the app has
        /// decided them (`settle`); until then Read is not offered.
        switches: Option<(bool, bool)>,
        /// The listeners of the elements drawn last, dropped with the next drawing.
        listeners: Vec<Listener>,
        /// Whether the page is open (a read that ends after the citizen left draws nothing).
        open: bool,
        /// How many times the page was opened: a wait begun for an earlier opening does not act on this one.
        opened: u32,
    }

    thread_local! {
        static UI: RefCell<Ui> = RefCell::new(Ui {
            state: "loading",
            busy: false,
            outcome: None,
            forgotten: false,
            cancelled: Rc::new(std::cell::Cell::new(false)),
            switches: None,
            listeners: Vec::new(),
            open: false,
            opened: 0,
        });
    }

    fn document() -> Option<web_sys::Document> {
        web_sys::window()?.document()
    }

    /// `window.mynaGuide`, which the app's reader page puts there (`pages::reader`).
    fn guide() -> JsValue {
        web_sys::window()
            .map(|w| Reflect::get(&w, &"mynaGuide".into()).unwrap_or(JsValue::UNDEFINED))
            .unwrap_or_default()
    }

    fn call(name: &str, args: &Array) -> JsValue {
        let guide = guide();
        Reflect::get(&guide, &name.into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
            .and_then(|f| f.apply(&guide, args).ok())
            .unwrap_or(JsValue::UNDEFINED)
    }

    /// A placeholder's value: text, a date (`YYYY-MM-DD`, written in the language's format) or another text.
    enum Value {
        Text(String),
        Date(chrono::NaiveDate),
        Msg(Msg),
    }

    /// The app draws `msg` with `args` in the citizen's language into a `<span>`.
    fn text(msg: Msg, args: &[(&str, Value)]) -> Option<Element> {
        let object = Object::new();
        for (name, value) in args {
            let value: JsValue = match value {
                Value::Text(t) => t.into(),
                Value::Date(d) => {
                    let o = Object::new();
                    let _ = Reflect::set(&o, &"date".into(), &rules::format_iso_date(*d).into());
                    o.into()
                }
                Value::Msg(m) => {
                    let o = Object::new();
                    let _ = Reflect::set(&o, &"msg".into(), &(*m as u32).into());
                    o.into()
                }
            };
            let _ = Reflect::set(&object, &(*name).into(), &value);
        }
        call("text", &Array::of2(&(msg as u32).into(), &object)).dyn_into::<Element>().ok()
    }

    /// An element with a class and, optionally, a text.
    fn el(tag: &str, class: &str, msg: Option<(Msg, &[(&str, Value)])>) -> Option<Element> {
        let element = document()?.create_element(tag).ok()?;
        if !class.is_empty() {
            element.set_class_name(class);
        }
        if let Some((msg, args)) = msg {
            let text = text(msg, args)?;
            let _ = element.append_child(&text);
        }
        Some(element)
    }

    fn p(class: &str, msg: Msg, args: &[(&str, Value)]) -> Option<Element> {
        el("p", class, Some((msg, args)))
    }

    fn attrs(element: &Element, pairs: &[(&str, &str)]) {
        for (name, value) in pairs {
            let _ = element.set_attribute(name, value);
        }
    }

    fn add(parent: &Element, child: Option<Element>) {
        if let Some(child) = child {
            let _ = parent.append_child(&child);
        }
    }

    /// A button whose click runs `action`; its listener lives until the next drawing.
    fn button(
        id: &str,
        class: &str,
        msg: Msg,
        listeners: &mut Vec<Listener>,
        action: impl Fn() + 'static,
    ) -> Option<Element> {
        let button = el("button", class, Some((msg, &[])))?;
        attrs(&button, &[("type", "button"), ("id", id)]);
        let listener = Listener::new(move |_| action());
        let _ = button.add_event_listener_with_callback("click", listener.as_ref().unchecked_ref());
        listeners.push(listener);
        Some(button)
    }

    fn tries_text(tries: Tries) -> (Msg, Vec<(&'static str, Value)>) {
        match tries {
            Tries::Left(n) => (Msg::ReaderTriesLeft, vec![("n", Value::Text(n.to_string()))]),
            Tries::Locked => (Msg::ReaderTriesLeft, vec![("n", Value::Text("0".to_owned()))]),
            Tries::NotLockedCountUnknown => (Msg::ReaderTriesNotLocked, Vec::new()),
            Tries::Unknown => (Msg::ReaderTriesUnknown, Vec::new()),
        }
    }

    /// `<dl>` rows: the certificate's dates (JST), its issuer, and each PIN's tries as a number only.
    fn result_list(reading: &CardReading) -> Option<Element> {
        let list = el("dl", "myna-summary myna-reader__result", None)?;
        let row = |key: Msg, value: Msg, args: &[(&str, Value)]| -> Option<Element> {
            let row = el("div", "myna-summary__row", None)?;
            add(&row, el("dt", "myna-summary__key", Some((key, &[]))));
            add(&row, el("dd", "myna-summary__value", Some((value, args))));
            Some(row)
        };
        match reading.user_certificate {
            Some(cert) => {
                add(&list, row(Msg::ReaderResultExpires, Msg::ReaderDate, &[("date", Value::Date(cert.expires_on))]));
                add(&list, row(Msg::ReaderResultIssued, Msg::ReaderDate, &[("date", Value::Date(cert.issued_on))]));
                add(&list, row(Msg::ReaderResultIssuer, Msg::ReaderIssuerJlis, &[]));
            }
            None => add(&list, row(Msg::ReaderResultExpires, Msg::ReaderResultNoCertificate, &[])),
        }
        for pin in Pin::ALL {
            if let Some(name) = pin_name(pin.id()) {
                let tries = reading.pins.get(pin);
                let (msg, args) = tries_text(tries);
                let line = row(name, msg, &args);
                let value = line.as_ref().and_then(|line| line.last_element_child());
                if let (true, Some(value)) = (marked_unconfirmed(pin, tries), value) {
                    add(&value, text(Msg::ReaderUnconfirmed, &[]));
                }
                add(&list, line);
            }
        }
        Some(list)
    }

    /// Why a counter is marked 「（未確認）」, under the list, when one is.
    fn unconfirmed_note(reading: &CardReading) -> Option<Element> {
        let marked = Pin::ALL.into_iter().any(|pin| marked_unconfirmed(pin, reading.pins.get(pin)));
        marked.then(|| p("myna-hint myna-reader__unconfirmed", Msg::ReaderResidenceUnconfirmed, &[])).flatten()
    }

    /// The notices inside `done`: a locked PIN (with the way to its reset), few tries left, no user certificate.
    fn notices(part: &Element, reading: &CardReading, listeners: &mut Vec<Listener>) {
        for notice in reading.notices() {
            let mut args = Vec::new();
            let mut locked = None;
            match notice {
                Notice::PinLocked(pin) => {
                    args.push(("pin", Value::Msg(pin_name(pin.id()).unwrap_or(Msg::ReaderPinUser))));
                    locked = Some(pin);
                }
                Notice::FewTriesLeft(pin, n) => {
                    args.push(("pin", Value::Msg(pin_name(pin.id()).unwrap_or(Msg::ReaderPinUser))));
                    args.push(("n", Value::Text(n.to_string())));
                }
                Notice::NoUserCertificate => {}
            }
            let Some(box_) = el("div", "myna-notice myna-reader__notice", None) else { continue };
            add(&box_, p("", state_text(notice.state().id()).unwrap_or(Msg::ReaderStateDone), &args));
            if let Some(pin) = locked {
                let id = ["reader-pin-", pin.id()].concat();
                let action = move || {
                    call("lockedPin", &Array::of1(&pin.id().into()));
                };
                add(&box_, button(&id, "myna-button myna-button--secondary", Msg::ReaderPinJourney, listeners, action));
            }
            add(part, Some(box_));
        }
    }

    /// The state drawn: `idle` waits, as `loading`, for the profile's switches.
    fn shown_state(ui: &Ui) -> &'static str {
        if ui.state == "idle" && ui.switches.is_none() {
            "loading"
        } else {
            ui.state
        }
    }

    /// The part of the page that follows the state.
    fn state_part(ui: &mut Ui) -> Option<Element> {
        let id = shown_state(ui);
        let part = el("div", "myna-reader", None)?;
        attrs(&part, &[("data-state", id)]);
        let message = state_text(id).unwrap_or(Msg::ReaderStateUnknownError);
        let mut listeners = std::mem::take(&mut ui.listeners);
        if is_failure(id) {
            let code = match &ui.outcome {
                Some(Err(error)) => error.code().unwrap_or_else(|| "-".to_owned()),
                _ => "-".to_owned(),
            };
            let alert = el("div", "myna-notice myna-reader__alert", None)?;
            attrs(&alert, &[("role", "alert")]);
            add(&alert, p("", message, &[("code", Value::Text(code))]));
            add(&part, Some(alert));
        } else if !is_progress(id) && id != "loading" {
            add(&part, p("myna-reader__message", message, &[]));
        }
        if id == "blocked_by_embedding" {
            let line = el("p", "", None)?;
            let link = el("a", "myna-reader__new-tab", Some((Msg::ReaderOpenTab, &[])))?;
            attrs(&link, &[("href", "./#/reader"), ("target", "_blank"), ("rel", "noopener")]);
            add(&line, Some(link));
            add(&part, Some(line));
        }
        if id == "unsupported_browser" {
            add(&part, p("", Msg::ReaderOfficialTools, &[]));
        }
        if let Some(Ok(reading)) = &ui.outcome {
            add(&part, result_list(reading));
            add(&part, unconfirmed_note(reading));
            add(&part, p("myna-hint", Msg::ReaderTriesNote, &[]));
            if let Some(ca) = reading.ca_certificate {
                let details = el("details", "myna-why", None)?;
                add(&details, el("summary", "", Some((Msg::ReaderDetails, &[]))));
                add(&details, p("", Msg::ReaderCaGeneration, &[("year", Value::Text(ca.generation.to_string()))]));
                add(&part, Some(details));
            }
            notices(&part, reading, &mut listeners);
            let user = reading
                .user_certificate
                .map(|c| (rules::format_iso_date(c.issued_on), rules::format_iso_date(c.expires_on)));
            let action = move || {
                match &user {
                    Some((issued, expires)) => call("useDates", &Array::of2(&issued.into(), &expires.into())),
                    None => call("noCertificate", &Array::new()),
                };
            };
            add(&part, button("reader-use", "myna-button", Msg::ReaderUse, &mut listeners, action));
        }
        if !matches!(id, "loading" | "unsupported_browser" | "blocked_by_embedding") {
            let actions = el("div", "myna-reader__actions", None)?;
            let label = if id == "idle" { Msg::ReaderRead } else { Msg::ReaderReadAgain };
            let read = button("reader-read", "myna-button", label, &mut listeners, start_read)?;
            if ui.busy {
                // aria-disabled rather than disabled: the button keeps the focus it had when it was pressed.
                attrs(&read, &[("aria-disabled", "true")]);
            }
            add(&actions, Some(read));
            if ui.busy {
                let cancel = || UI.with_borrow(|ui| ui.cancelled.set(true));
                add(
                    &actions,
                    button(
                        "reader-cancel",
                        "myna-button myna-button--secondary",
                        Msg::ReaderCancel,
                        &mut listeners,
                        cancel,
                    ),
                );
            }
            add(&part, Some(actions));
        }
        ui.listeners = listeners;
        Some(part)
    }

    /// Draws the page's content into `#reader-root` and the progress into `#reader-status` (again on every
    /// change and when the language changes).
    pub fn draw() {
        let Some(document) = document() else { return };
        let (Some(root), Some(live)) =
            (document.get_element_by_id("reader-root"), document.get_element_by_id("reader-status"))
        else {
            return;
        };
        UI.with_borrow_mut(|ui| {
            root.set_text_content(None);
            live.set_text_content(None);
            ui.listeners.clear();
            add(&root, p("myna-lead", Msg::ReaderLead, &[]));
            add(&root, p("myna-privacy", Msg::ReaderPrivacy, &[]));
            add(&root, state_part(ui));
            if let Some(line) = el("p", "", None) {
                if let Some(link) = el("a", "myna-reader__typed", Some((Msg::ReaderTyped, &[]))) {
                    attrs(&link, &[("href", TYPED_PATH)]);
                    add(&line, Some(link));
                }
                add(&root, Some(line));
            }
            add(&root, el("h2", "", Some((Msg::ReaderHelpHeading, &[]))));
            add(&root, p("", Msg::ReaderHelpReaders, &[]));
            add(&root, p("", Msg::ReaderHelpHid, &[]));
            if !ui.busy && !matches!(shown_state(ui), "loading" | "unsupported_browser" | "blocked_by_embedding") {
                if ui.forgotten {
                    let said = p("", Msg::ReaderForgotten, &[]);
                    if let Some(said) = &said {
                        attrs(said, &[("role", "status")]);
                    }
                    add(&root, said);
                } else {
                    let mut listeners = std::mem::take(&mut ui.listeners);
                    let forget = || {
                        wasm_bindgen_futures::spawn_local(async {
                            usb::forget().await;
                            UI.with_borrow_mut(|ui| ui.forgotten = true);
                            draw();
                        })
                    };
                    add(
                        &root,
                        button(
                            "reader-forget",
                            "myna-button myna-button--secondary",
                            Msg::ReaderForget,
                            &mut listeners,
                            forget,
                        ),
                    );
                    ui.listeners = listeners;
                }
            }
            if is_progress(ui.state) {
                add(&live, p("", state_text(ui.state).unwrap_or(Msg::ReaderStateReading), &[]));
            }
        });
    }

    /// Moves the focus to the page's heading (on `done` and on failures).
    fn focus_heading() {
        let heading = document().and_then(|d| d.query_selector("#myna-root h1").ok().flatten());
        if let Some(heading) = heading {
            let _ = heading.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    }

    /// A state reached: drawn, and the heading focused on `done` and failures.
    fn reach(state: State, busy: bool, outcome: Option<Result<CardReading, ReadError>>) {
        let open = UI.with_borrow_mut(|ui| {
            ui.state = state.id();
            ui.busy = busy;
            if !busy {
                ui.outcome = outcome;
            }
            ui.open
        });
        if open {
            draw();
            if state == State::Done || is_failure(state.id()) {
                focus_heading();
            }
        }
    }

    /// The Read button: the chooser (in the click's gesture), then the whole read.
    fn start_read() {
        let (busy, cancelled, switches) = UI.with_borrow(|ui| (ui.busy, ui.cancelled.clone(), ui.switches));
        let (false, Some((query_pin_tries, rcs300))) = (busy, switches) else {
            return;
        };
        cancelled.set(false);
        UI.with_borrow_mut(|ui| {
            ui.forgotten = false;
            ui.outcome = None;
        });
        reach(State::Idle, true, None);
        wasm_bindgen_futures::spawn_local(async move {
            let (device, model) = match usb::choose(rcs300).await {
                Ok(chosen) => chosen,
                Err(why) => return reach(why.state(), false, None),
            };
            let mut link = match Link::open(device).await {
                Ok(link) => link,
                Err(why) => return reach(why.state(), false, None),
            };
            let host = PageHost { cancelled: cancelled.clone(), progress: Box::new(|state| reach(state, true, None)) };
            let options = Options { query_pin_tries };
            let result = match model {
                ReaderModel::Rcs380 => reader::session::read_with_rcs380(&mut link, &host, options).await,
                ReaderModel::Rcs300 => reader::rcs300::read_with_rcs300(&mut link, &host, options).await,
            };
            link.close().await;
            match result {
                Ok(reading) => reach(State::Done, false, Some(Ok(reading))),
                // A read that ends badly after Cancel (a transfer that was waiting timed out, say) was cancelled.
                Err(_) if cancelled.get() => reach(State::Cancelled, false, None),
                Err(error) => {
                    let state = error.state();
                    reach(state, false, Some(Err(error)))
                }
            }
        });
    }

    /// The page opened: asks the browser whether WebUSB can be used here (never a prompt), then draws. Read
    /// is offered once the app has given the profile's switches (`settle`).
    pub fn mount() {
        let opened = UI.with_borrow_mut(|ui| {
            ui.opened = ui.opened.wrapping_add(1);
            ui.open = true;
            ui.switches = None;
            ui.outcome = None;
            ui.busy = false;
            ui.forgotten = false;
            ui.state = "loading";
            ui.opened
        });
        draw();
        wasm_bindgen_futures::spawn_local(async {
            let state = match usb::availability().await {
                Ok(()) => State::Idle,
                Err(why) => why.state(),
            };
            reach(state, false, None);
        });
        // A profile that neither arrives nor fails (a stalled request) counts as failed after a while: the
        // defaults of reader.md §1, rather than a page that never offers Read.
        wasm_bindgen_futures::spawn_local(async move {
            usb::sleep(PROFILE_LIMIT).await;
            if UI.with_borrow(|ui| ui.open && ui.opened == opened && ui.switches.is_none()) {
                settle(true, false);
            }
        });
    }

    /// The municipality profile's switches `(query_pin_tries, rcs300)`, decided by the app once the profile
    /// has arrived or failed (`pages::reader`): Read is offered from now on, with them.
    pub fn settle(query_pin_tries: bool, rcs300: bool) {
        let open = UI.with_borrow_mut(|ui| {
            ui.switches = Some((query_pin_tries, rcs300));
            ui.open
        });
        if open {
            draw();
        }
    }

    /// The page closed: a running read is cancelled and nothing more is drawn.
    pub fn unmount() {
        UI.with_borrow_mut(|ui| {
            ui.open = false;
            ui.cancelled.set(true);
            ui.listeners.clear();
            ui.outcome = None;
        });
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
