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
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;

    use leptos::mount::{mount_to, UnmountHandle};
    use leptos::prelude::*;
    use leptos::tachys::view::any_view::AnyViewState;
    use reader::apdu::Pin;
    use reader::plan::Options;
    use reader::reading::{CardReading, Notice, Tries};
    use reader::session::ReaderModel;
    use reader::state::{ReadError, State};
    use wasm_bindgen::JsCast;

    use super::{is_progress, marked_unconfirmed, pin_name, Shown, TYPED_PATH};
    use crate::components::markup::{draw_all, el, follow, summary_row, Node};
    use crate::components::text::{dynamic, t};
    use crate::flow::route::Page;
    use crate::i18n::rich::Arg;
    use crate::i18n::{loaded, words, Locale, Msg};
    use crate::profile::ReaderSwitches;
    use crate::reader_bridge::{self, contract_pin, ToApp, ToModule, GUIDE};
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
        /// A state of docs/reader.md §7, or `Loading` until the browser has been asked.
        state: RwSignal<Shown>,
        /// A read (or the chooser) runs: Read is marked disabled and Cancel shown.
        busy: RwSignal<bool>,
        outcome: RwSignal<Outcome>,
        /// "Forget this reader" was done.
        forgotten: RwSignal<bool>,
        /// The page's switches from the municipality profile, once the app has decided them
        /// (`ToModule::Settle`); until then Read is not offered.
        switches: RwSignal<Option<ReaderSwitches>>,
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
        static SETTLED: Cell<Option<ReaderSwitches>> = const { Cell::new(None) };
        /// The citizen's language, as the app last said (it may change while the texts load).
        static LOCALE: Cell<Locale> = const { Cell::new(Locale::Ja) };
        /// The Cancel flag of the read that runs.
        static CANCELLED: RefCell<Rc<Cell<bool>>> = RefCell::new(Rc::new(Cell::new(false)));
    }

    fn ui() -> Option<Ui> {
        PAGE.with_borrow(|page| page.as_ref().map(|(ui, _)| *ui))
    }

    /// Gives the app what a read offers (`pages::reader`, through `reader_bridge`).
    fn offer(offer: ToApp) {
        let (name, args) = offer.encode();
        reader_bridge::call(GUIDE, name, &args);
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
        let pins = Pin::ALL.into_iter().map(|pin| {
            let name = pin_name(pin);
            let tries = reading.pins.get(pin);
            let (msg, args) = tries_text(tries);
            let mark = marked_unconfirmed(pin, tries).then(|| el("span", "").msg(Msg::ReaderUnconfirmed));
            summary_row(name, value(msg, args).children(mark))
        });
        el("dl", "myna-summary myna-reader__result").children(certificate).children(pins)
    }

    /// The notices inside `done`: a locked PIN (with the way to its reset), few tries left, no user certificate.
    fn notice_node(notice: Notice) -> Node {
        let pin = |pin: Pin| ("pin", Arg::Msg(pin_name(pin)));
        let args = match notice {
            Notice::PinLocked(p) => vec![pin(p)],
            Notice::FewTriesLeft(p, n) => vec![pin(p), ("n", Arg::Text(n.to_string()))],
            Notice::NoUserCertificate => Vec::new(),
        };
        let text = words::reader_state(notice.state());
        let notice_box = el("div", "myna-notice myna-reader__notice").child(el("p", "").msg_with(text, args));
        match notice {
            Notice::PinLocked(pin) => notice_box.child(
                el("button", "myna-button myna-button--secondary")
                    .attr("type", "button")
                    .attr_owned("id", ["reader-pin-", pin.id()].concat())
                    .msg(Msg::ReaderPinJourney)
                    .on("click", move |_| offer(ToApp::LockedPin(contract_pin(pin)))),
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
        let dates = match reading.user_certificate {
            Some(c) => ToApp::UseDates { issued_on: c.issued_on, expires_on: c.expires_on },
            None => ToApp::NoCertificate,
        };
        let use_dates = move |_: web_sys::Event| offer(dates);
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
    fn message_nodes(shown: Shown, outcome: &Outcome) -> Vec<Node> {
        let Shown::At(state) = shown else { return Vec::new() };
        let message = words::reader_state(state);
        let mut nodes = Vec::new();
        if shown.is_failure() {
            let code = match outcome {
                Some(Err(error)) => error.code().unwrap_or_else(|| "-".to_owned()),
                _ => "-".to_owned(),
            };
            let line = el("p", "").msg_with(message, vec![("code", Arg::Text(code))]);
            nodes.push(el("div", "myna-notice myna-reader__alert").attr("role", "alert").child(line));
        } else if !is_progress(state) {
            nodes.push(el("p", "myna-reader__message").msg(message));
        }
        if state == State::BlockedByEmbedding {
            let link = el("a", "myna-reader__new-tab")
                .attrs(&[("href", "./#/reader"), ("target", "_blank"), ("rel", "noopener")])
                .msg(Msg::ReaderOpenTab);
            nodes.push(el("p", "").child(link));
        }
        if state == State::UnsupportedBrowser {
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
            if state == Shown::At(State::Idle) && ui.switches.get().is_none() {
                Shown::Loading
            } else {
                state
            }
        });
        let actionable = Memo::new(move |_| shown.get().offers_read());
        let message = follow(move || ui.outcome.with(|outcome| message_nodes(shown.get(), outcome)));
        let reading = follow(move || {
            ui.outcome.with(|o| o.as_ref().and_then(|o| o.as_ref().ok()).map(reading_nodes)).unwrap_or_default()
        });
        let actions = follow(move || {
            if !actionable.get() {
                return Vec::new();
            }
            let idle = Memo::new(move |_| shown.get() == Shown::At(State::Idle));
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
        let status = follow(move || match ui.state.get() {
            Shown::At(state) if is_progress(state) => vec![el("p", "").msg(words::reader_state(state))],
            _ => Vec::new(),
        });
        draw_all(vec![
            el("p", "myna-lead").msg(Msg::ReaderLead),
            el("p", "myna-privacy").msg(Msg::ReaderPrivacy),
            el("div", "myna-reader")
                .reactive_attr("data-state", move || Some(shown.get().id().to_owned()))
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

    /// A state reached: shown (nothing if the page has gone), and the heading focused on `done` and failures.
    fn reach(ui: Ui, state: State, busy: bool, outcome: Outcome) {
        if ui.state.try_set(Shown::At(state)).is_some() {
            return; // the page has gone
        }
        ui.busy.try_set(busy);
        if !busy {
            ui.outcome.try_set(outcome);
        }
        if state == State::Done || Shown::At(state).is_failure() {
            // The heading is the app's page's: the app focuses it.
            offer(ToApp::FocusHeading);
        }
    }

    /// The Read button: the chooser (in the click's gesture), then the whole read.
    fn start_read(ui: Ui) {
        let (false, Some(ReaderSwitches { query_pin_tries, rcs300 })) =
            (ui.busy.get_untracked(), ui.switches.get_untracked())
        else {
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

    /// What the app asks (`pages::reader`, through `reader_bridge`).
    pub fn handle(call: ToModule) {
        match call {
            ToModule::Mount(locale) => mount(locale),
            ToModule::Settle(switches) => settle(switches),
            ToModule::Draw(locale) => language(locale),
            ToModule::Unmount => unmount(),
        }
    }

    /// The page opened (`locale`: the citizen's language): fetches the texts of that
    /// language (the app's own file, `i18n::loaded`), draws into `#reader-root`, asks the browser whether WebUSB
    /// can be used here (never a prompt), and offers Read once the app has given the profile's switches (`settle`).
    fn mount(locale: Locale) {
        let opening = OPENING.with(|o| o.get().wrapping_add(1));
        OPENING.set(opening);
        SETTLED.set(None);
        close();
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
                state: RwSignal::new(Shown::Loading),
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
        // defaults of docs/reader.md §1, rather than a page that never offers Read.
        wasm_bindgen_futures::spawn_local(async move {
            usb::sleep(PROFILE_LIMIT).await;
            if OPENING.get() == opening && ui.switches.try_get_untracked() == Some(None) {
                settle(ReaderSwitches::default());
            }
        });
    }

    /// The municipality profile's switches `(query_pin_tries, rcs300)`, decided by the app once the profile
    /// has arrived or failed (`pages::reader`): Read is offered from now on, with them.
    fn settle(switches: ReaderSwitches) {
        SETTLED.set(Some(switches));
        if let Some(ui) = ui() {
            ui.switches.set(Some(switches));
        }
    }

    /// The citizen changed the language: its texts are fetched, then drawn again in it.
    fn language(locale: Locale) {
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
    fn unmount() {
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
