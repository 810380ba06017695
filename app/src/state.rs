//! The state of one visit, shared by context: the language, the answers (memory only), the page,
//! and today's date read once when the guide starts.

use chrono::NaiveDate;
use leptos::prelude::*;
use rules::InputError;

use crate::components::markup::ElementRef;
use crate::flow::route::Page;
use crate::flow::{Answers, Question};
use crate::i18n::{Locale, Msg};
use crate::storage::Saving;

/// An error the check page found, to show on the question it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingError {
    pub question: Question,
    pub error: InputError,
}

/// Everything the pages share. Signals are `Copy`, so the state is too.
#[derive(Debug, Clone, Copy)]
pub struct AppState {
    pub locale: RwSignal<Locale>,
    pub answers: RwSignal<Answers>,
    pub page: RwSignal<Page>,
    /// Today in Japan, read once (docs/design.md §8.3); e2e fixes the clock.
    pub today: NaiveDate,
    /// The citizen came from the check page: after this question, go back there.
    pub changing: RwSignal<bool>,
    /// A note for the next page (「入力した内容は保存されていないため…」).
    pub note: RwSignal<Option<Msg>>,
    pub pending_error: RwSignal<Option<PendingError>>,
    /// Which texts are at hand: `Loading` until the texts beyond the first view have arrived.
    pub texts: RwSignal<Arrival>,
    /// Whether the answers are also kept on this device (opt-in, docs/design.md §3.7; `storage.rs`).
    pub saving: RwSignal<Saving>,
    /// The texts of the language last switched to (English or やさしい日本語): `Failed` when they could not
    /// be fetched (offline without a cached copy, a server error, a stale file); the page then stays in the
    /// language it had and says so, with a retry (`layout::texts_failed`). (An `Arrival` signal: a signal of a
    /// new type would cost its own code in the wasm, docs/design.md §7.)
    pub switching: RwSignal<Arrival>,
    /// The ward the citizen said they live in (the profile's office `id`), asked once on the result page and
    /// kept for the visit; `None`: not said, so every ward's office is listed.
    pub ward: RwSignal<Option<String>>,
    /// The page's `<h1>` (every page's is drawn by `markup::page_heading`): focused on each page change and when
    /// the card-reader module finishes a read (docs/design.md §5).
    pub heading: ElementRef,
}

/// Whether the texts beyond the first view have arrived (`i18n::loaded`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrival {
    Loading,
    Ready,
    Failed,
}

impl AppState {
    pub fn new(today: NaiveDate, locale: Locale, page: Page) -> Self {
        AppState {
            locale: RwSignal::new(locale),
            answers: RwSignal::new(Answers::default()),
            page: RwSignal::new(page),
            today,
            changing: RwSignal::new(false),
            note: RwSignal::new(None),
            pending_error: RwSignal::new(None),
            // Native builds hold every text.
            texts: RwSignal::new(if cfg!(target_arch = "wasm32") { Arrival::Loading } else { Arrival::Ready }),
            saving: RwSignal::new(Saving::Off),
            switching: RwSignal::new(Arrival::Ready),
            ward: RwSignal::new(None),
            heading: ElementRef::new(),
        }
    }
}

/// The state of the visit. Provided by `start` (lib.rs); a component rendered outside it (never in the guide)
/// gets a fresh state rather than a panic.
pub fn use_state() -> AppState {
    use_context::<AppState>().unwrap_or_else(|| AppState::new(NaiveDate::MIN, Locale::Ja, Page::Start))
}
