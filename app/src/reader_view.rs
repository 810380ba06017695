//! The reader page's content (docs/design.md §3.8, docs/reader.md §7), drawn by the card-reader module
//! (`src/bin/card_reader.rs`) into the page the app opened: the states of a read through a PaSoRi, each
//! with its text, the dates read offered to the expiry journey, and the typed path one click away in
//! every state. Progress is announced in the page's polite live region, failures with `role="alert"`, and
//! the focus moves to the heading on `done` and on failures only. The page never asks for a PIN.
//!
//! Only the module calls this (the app's own wasm never does, so none of it is in the first view). Texts
//! are the app's: each one is drawn by the app through `window.mynaGuide.text` (`pages::reader`), in the
//! language the citizen chose, with its ruby, terms and dates. The module only says which text.

use reader::state::State;

use crate::i18n::{words, Msg};

/// What the page shows: `Loading` until the browser has been asked whether WebUSB can be used and the
/// municipality profile's switches are known, then a state of docs/reader.md §7.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown {
    Loading,
    At(State),
}

impl Shown {
    /// The page's `data-state`: the state's id of docs/reader.md §7, or `loading`.
    pub fn id(self) -> &'static str {
        match self {
            Shown::Loading => "loading",
            Shown::At(state) => state.id(),
        }
    }

    /// Every state but `idle`, `done`, the progress states and `loading` is a failure (`role="alert"`, focus
    /// on the heading).
    pub fn is_failure(self) -> bool {
        match self {
            Shown::Loading => false,
            Shown::At(state) => !matches!(state, State::Idle | State::Done) && !is_progress(state),
        }
    }

    /// Whether the page offers Read (and "forget this reader") in it.
    pub fn offers_read(self) -> bool {
        !matches!(self, Shown::Loading | Shown::At(State::UnsupportedBrowser | State::BlockedByEmbedding))
    }
}

/// The states announced politely while they last.
pub fn is_progress(state: State) -> bool {
    matches!(state, State::WaitingForCard | State::Reading)
}

/// The name of a PIN the reader read (`reader.pin.<contract id>`).
pub fn pin_name(pin: reader::apdu::Pin) -> Msg {
    words::reader_pin(crate::reader_bridge::contract_pin(pin))
}

/// Whether a PIN's counter is shown marked 「（未確認）」: a number (or "not locked") read the way no real
/// card has confirmed yet — today the 住基 PIN, whose application identifier is unsettled (docs/reader.md §2.1).
/// An unknown counter says so already and carries no mark.
pub fn marked_unconfirmed(pin: reader::apdu::Pin, tries: reader::reading::Tries) -> bool {
    !pin.counter_confirmed() && tries != reader::reading::Tries::Unknown
}

/// The expiry journey's first page: the typed path, one click away in every state.
pub const TYPED_PATH: &str = "#/expiry/birth-date";

#[cfg(target_arch = "wasm32")]
pub use browser::handle;

#[cfg(target_arch = "wasm32")]
mod browser {
    use std::cell::RefCell;
    use std::rc::Rc;

    use reader::apdu::Pin;
    use reader::plan::Options;
    use reader::reading::{CardReading, Notice, Tries};
    use reader::session::ReaderModel;
    use reader::state::{ReadError, State};
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    use web_sys::Element;

    use super::{is_progress, marked_unconfirmed, pin_name, Shown, TYPED_PATH};
    use crate::i18n::{words, Msg};
    use crate::profile::ReaderSwitches;
    use crate::reader_bridge::{self, contract_pin, Placeholder, TextRequest, ToApp, ToModule, Value, GUIDE, TEXT};
    use crate::usb::{self, Link, PageHost};

    type Listener = Closure<dyn FnMut(web_sys::Event)>;

    /// How long the page waits for the app to settle the profile's switches before it takes the defaults.
    const PROFILE_LIMIT: std::time::Duration = std::time::Duration::from_secs(10);

    /// Where the page is.
    struct Ui {
        /// A state of docs/reader.md §7, or `Loading` until the browser has been asked.
        state: Shown,
        /// A read (or the chooser) runs: Read is marked disabled and Cancel shown.
        busy: bool,
        /// The last read's outcome, while it is shown.
        outcome: Option<Result<CardReading, ReadError>>,
        /// "Forget this reader" was done.
        forgotten: bool,
        /// The Cancel flag of the read that runs.
        cancelled: Rc<std::cell::Cell<bool>>,
        /// The page's switches from the municipality profile, once the app has decided them
        /// (`ToModule::Settle`); until then Read is not offered.
        switches: Option<ReaderSwitches>,
        /// The listeners of the elements drawn last, dropped with the next drawing.
        listeners: Vec<Listener>,
        /// Whether the page is open (a read that ends after the citizen left draws nothing).
        open: bool,
        /// How many times the page was opened: a wait begun for an earlier opening does not act on this one.
        opened: u32,
    }

    thread_local! {
        static UI: RefCell<Ui> = RefCell::new(Ui {
            state: Shown::Loading,
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

    /// Gives the app what a read offers (`pages::reader`).
    fn offer(offer: ToApp) {
        let (name, args) = offer.encode();
        reader_bridge::call(GUIDE, name, &args);
    }

    /// The app draws `msg` with `args` in the citizen's language into a `<span>`.
    fn text(msg: Msg, args: &[(Placeholder, Value)]) -> Option<Element> {
        let request = TextRequest { msg, args: args.to_vec() };
        reader_bridge::call(GUIDE, TEXT, &request.encode()).dyn_into::<Element>().ok()
    }

    /// An element with a class and, optionally, a text.
    fn el(tag: &str, class: &str, msg: Option<(Msg, &[(Placeholder, Value)])>) -> Option<Element> {
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

    fn p(class: &str, msg: Msg, args: &[(Placeholder, Value)]) -> Option<Element> {
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

    fn tries_text(tries: Tries) -> (Msg, Vec<(Placeholder, Value)>) {
        match tries {
            Tries::Left(n) => (Msg::ReaderTriesLeft, vec![(Placeholder::N, Value::Text(n.to_string()))]),
            Tries::Locked => (Msg::ReaderTriesLeft, vec![(Placeholder::N, Value::Text("0".to_owned()))]),
            Tries::NotLockedCountUnknown => (Msg::ReaderTriesNotLocked, Vec::new()),
            Tries::Unknown => (Msg::ReaderTriesUnknown, Vec::new()),
        }
    }

    /// `<dl>` rows: the certificate's dates (JST), its issuer, and each PIN's tries as a number only.
    fn result_list(reading: &CardReading) -> Option<Element> {
        let list = el("dl", "myna-summary myna-reader__result", None)?;
        let row = |key: Msg, value: Msg, args: &[(Placeholder, Value)]| -> Option<Element> {
            let row = el("div", "myna-summary__row", None)?;
            add(&row, el("dt", "myna-summary__key", Some((key, &[]))));
            add(&row, el("dd", "myna-summary__value", Some((value, args))));
            Some(row)
        };
        match reading.user_certificate {
            Some(cert) => {
                add(
                    &list,
                    row(
                        Msg::ReaderResultExpires,
                        Msg::ReaderDate,
                        &[(Placeholder::Date, Value::Date(cert.expires_on))],
                    ),
                );
                add(
                    &list,
                    row(Msg::ReaderResultIssued, Msg::ReaderDate, &[(Placeholder::Date, Value::Date(cert.issued_on))]),
                );
                add(&list, row(Msg::ReaderResultIssuer, Msg::ReaderIssuerJlis, &[]));
            }
            None => add(&list, row(Msg::ReaderResultExpires, Msg::ReaderResultNoCertificate, &[])),
        }
        for pin in Pin::ALL {
            let tries = reading.pins.get(pin);
            let (msg, args) = tries_text(tries);
            let line = row(pin_name(pin), msg, &args);
            let value = line.as_ref().and_then(|line| line.last_element_child());
            if let (true, Some(value)) = (marked_unconfirmed(pin, tries), value) {
                add(&value, text(Msg::ReaderUnconfirmed, &[]));
            }
            add(&list, line);
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
                    args.push((Placeholder::Pin, Value::Msg(pin_name(pin))));
                    locked = Some(pin);
                }
                Notice::FewTriesLeft(pin, n) => {
                    args.push((Placeholder::Pin, Value::Msg(pin_name(pin))));
                    args.push((Placeholder::N, Value::Text(n.to_string())));
                }
                Notice::NoUserCertificate => {}
            }
            let Some(box_) = el("div", "myna-notice myna-reader__notice", None) else { continue };
            add(&box_, p("", words::reader_state(notice.state()), &args));
            if let Some(pin) = locked {
                let id = ["reader-pin-", pin.id()].concat();
                let action = move || offer(ToApp::LockedPin(contract_pin(pin)));
                add(&box_, button(&id, "myna-button myna-button--secondary", Msg::ReaderPinJourney, listeners, action));
            }
            add(part, Some(box_));
        }
    }

    /// The state drawn: `idle` waits, as `loading`, for the profile's switches.
    fn shown_state(ui: &Ui) -> Shown {
        if ui.state == Shown::At(State::Idle) && ui.switches.is_none() {
            Shown::Loading
        } else {
            ui.state
        }
    }

    /// The part of the page that follows the state.
    fn state_part(ui: &mut Ui) -> Option<Element> {
        let shown = shown_state(ui);
        let part = el("div", "myna-reader", None)?;
        attrs(&part, &[("data-state", shown.id())]);
        let mut listeners = std::mem::take(&mut ui.listeners);
        if let (true, Shown::At(state)) = (shown.is_failure(), shown) {
            let code = match &ui.outcome {
                Some(Err(error)) => error.code().unwrap_or_else(|| "-".to_owned()),
                _ => "-".to_owned(),
            };
            let alert = el("div", "myna-notice myna-reader__alert", None)?;
            attrs(&alert, &[("role", "alert")]);
            add(&alert, p("", words::reader_state(state), &[(Placeholder::Code, Value::Text(code))]));
            add(&part, Some(alert));
        } else if let Shown::At(state) = shown {
            if !is_progress(state) {
                add(&part, p("myna-reader__message", words::reader_state(state), &[]));
            }
        }
        if shown == Shown::At(State::BlockedByEmbedding) {
            let line = el("p", "", None)?;
            let link = el("a", "myna-reader__new-tab", Some((Msg::ReaderOpenTab, &[])))?;
            attrs(&link, &[("href", "./#/reader"), ("target", "_blank"), ("rel", "noopener")]);
            add(&line, Some(link));
            add(&part, Some(line));
        }
        if shown == Shown::At(State::UnsupportedBrowser) {
            add(&part, p("", Msg::ReaderOfficialTools, &[]));
        }
        if let Some(Ok(reading)) = &ui.outcome {
            add(&part, result_list(reading));
            add(&part, unconfirmed_note(reading));
            add(&part, p("myna-hint", Msg::ReaderTriesNote, &[]));
            if let Some(ca) = reading.ca_certificate {
                let details = el("details", "myna-why", None)?;
                add(&details, el("summary", "", Some((Msg::ReaderDetails, &[]))));
                add(
                    &details,
                    p("", Msg::ReaderCaGeneration, &[(Placeholder::Year, Value::Text(ca.generation.to_string()))]),
                );
                add(&part, Some(details));
            }
            notices(&part, reading, &mut listeners);
            let given = match reading.user_certificate {
                Some(c) => ToApp::UseDates { issued_on: c.issued_on, expires_on: c.expires_on },
                None => ToApp::NoCertificate,
            };
            let action = move || offer(given);
            add(&part, button("reader-use", "myna-button", Msg::ReaderUse, &mut listeners, action));
        }
        if shown.offers_read() {
            let actions = el("div", "myna-reader__actions", None)?;
            let label = if shown == Shown::At(State::Idle) { Msg::ReaderRead } else { Msg::ReaderReadAgain };
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
    fn draw() {
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
            if !ui.busy && shown_state(ui).offers_read() {
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
            if let Shown::At(state) = ui.state {
                if is_progress(state) {
                    add(&live, p("", words::reader_state(state), &[]));
                }
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
            ui.state = Shown::At(state);
            ui.busy = busy;
            if !busy {
                ui.outcome = outcome;
            }
            ui.open
        });
        if open {
            draw();
            if state == State::Done || Shown::At(state).is_failure() {
                focus_heading();
            }
        }
    }

    /// The Read button: the chooser (in the click's gesture), then the whole read.
    fn start_read() {
        let (busy, cancelled, switches) = UI.with_borrow(|ui| (ui.busy, ui.cancelled.clone(), ui.switches));
        let (false, Some(ReaderSwitches { query_pin_tries, rcs300 })) = (busy, switches) else {
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

    /// What the app asks (`pages::reader`, through `reader_bridge`).
    pub fn handle(call: ToModule) {
        match call {
            ToModule::Mount => mount(),
            ToModule::Settle(switches) => settle(switches),
            ToModule::Draw => draw(),
            ToModule::Unmount => unmount(),
        }
    }

    /// The page opened: asks the browser whether WebUSB can be used here (never a prompt), then draws. Read
    /// is offered once the app has given the profile's switches (`settle`).
    fn mount() {
        let opened = UI.with_borrow_mut(|ui| {
            ui.opened = ui.opened.wrapping_add(1);
            ui.open = true;
            ui.switches = None;
            ui.outcome = None;
            ui.busy = false;
            ui.forgotten = false;
            ui.state = Shown::Loading;
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
        // defaults of docs/reader.md §1, rather than a page that never offers Read.
        wasm_bindgen_futures::spawn_local(async move {
            usb::sleep(PROFILE_LIMIT).await;
            if UI.with_borrow(|ui| ui.open && ui.opened == opened && ui.switches.is_none()) {
                settle(ReaderSwitches::default());
            }
        });
    }

    /// The municipality profile's switches, decided by the app once the profile has arrived or failed
    /// (`pages::reader`): Read is offered from now on, with them.
    fn settle(switches: ReaderSwitches) {
        let open = UI.with_borrow_mut(|ui| {
            ui.switches = Some(switches);
            ui.open
        });
        if open {
            draw();
        }
    }

    /// The page closed: a running read is cancelled and nothing more is drawn.
    fn unmount() {
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
    fn progress_and_failures() {
        use reader::state::State as S;
        assert!(is_progress(S::Reading) && is_progress(S::WaitingForCard));
        for failure in [S::NoCard, S::UnsupportedBrowser, S::Cancelled] {
            assert!(Shown::At(failure).is_failure(), "{failure:?}");
        }
        for calm in [Shown::At(S::Done), Shown::At(S::Idle), Shown::At(S::Reading), Shown::Loading] {
            assert!(!calm.is_failure(), "{calm:?}");
        }
        assert_eq!(Shown::Loading.id(), "loading");
        assert!(!Shown::Loading.offers_read() && !Shown::At(S::BlockedByEmbedding).offers_read());
        assert!(Shown::At(S::NoCard).offers_read());
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
