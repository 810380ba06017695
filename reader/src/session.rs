//! A whole read through a PaSoRi, from the first USB frame to the last (docs/reader.md §5.3, §6):
//! start the reader, wait for a card, activate it, run the read plan, switch the RF off.
//!
//! The app gives a [`UsbLink`] (its WebUSB bridge) and a [`Host`]: the clock, a pause, the Cancel
//! flag and a place to report progress. It opens and closes the device itself; after a failed USB
//! transfer it must close the device and not reuse it (§6).

use core::time::Duration;

use crate::iso_dep::IsoDep;
use crate::plan::{read_card, Interrupt, Options};
use crate::rcs380::Rcs380;
use crate::reading::CardReading;
use crate::state::{FailureCode, ReadError, State};
use crate::transport::{Clock, LinkError, UsbLink};

/// SENSB_REQ every 300 ms while waiting for a card (§6).
pub const POLL_INTERVAL: Duration = Duration::from_millis(300);
/// Waiting for a card ends as `no_card` after 20 s (§6).
pub const WAIT_FOR_CARD: Duration = Duration::from_secs(20);
/// The whole read, from the first SENSB_RES, ends as `timeout` after 30 s (§6).
pub const WHOLE_READ: Duration = Duration::from_secs(30);

/// Sony's USB vendor id.
pub const SONY: u16 = 0x054C;

/// The readers the crate can drive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReaderModel {
    /// RC-S380 (`06C1`, `06C3`): shipped.
    Rcs380,
    /// RC-S300 (`0DC8`, `0DC9`): flagged, unproven on hardware (§5.4).
    Rcs300,
}

impl ReaderModel {
    /// Every model, the shipped one first.
    pub const ALL: [ReaderModel; 2] = [ReaderModel::Rcs380, ReaderModel::Rcs300];

    /// The model's USB product ids (vendor [`SONY`]): the one place they are written (docs/reader.md §5.2).
    pub const fn product_ids(self) -> [u16; 2] {
        match self {
            ReaderModel::Rcs380 => [0x06C1, 0x06C3],
            ReaderModel::Rcs300 => [0x0DC8, 0x0DC9],
        }
    }

    /// The model of a USB device, if it is one the crate drives.
    pub fn from_ids(vendor: u16, product: u16) -> Option<Self> {
        if vendor != SONY {
            return None;
        }
        Self::ALL.into_iter().find(|model| model.product_ids().contains(&product))
    }
}

/// What the app lends a read: its monotonic clock, a pause, the Cancel flag and the progress
/// announcements (`waiting_for_card`, `reading`). Single-threaded: no `Send` bound.
#[allow(async_fn_in_trait)]
pub trait Host: Clock {
    /// Whether the citizen pressed Cancel. Checked between exchanges.
    fn cancelled(&self) -> bool;
    /// Waits `duration` (a `setTimeout` in the app; the simulator only moves its clock).
    async fn pause(&self, duration: Duration);
    /// The read entered a progress state of docs/reader.md §7.
    fn progress(&self, state: State);
}

/// When the next SENSB_REQ goes out: "every 300 ms" (§6) as a period counted from the first poll,
/// not a pause after each one, so that the number of polls in 20 s does not depend on how long each
/// takes (about 40 ms through a real reader, nothing in the browser mock): the e2e transcript of
/// `no_card` replays poll for poll. A poll that overran its period is followed by the next at once,
/// but the schedule never runs ahead of `now` (no burst after a slow moment).
pub fn next_poll_after(previous: Duration, now: Duration) -> Duration {
    previous.saturating_add(POLL_INTERVAL).max(now)
}

/// Maps a link failure outside the read plan: before activation a lost card is `no_card`.
pub(crate) fn link_failure(error: LinkError) -> ReadError {
    match error {
        LinkError::Timeout => ReadError::Timeout,
        LinkError::Disconnected => ReadError::ReaderDisconnected,
        LinkError::CardRemoved => ReadError::NoCard,
        LinkError::Fault(fault) => ReadError::Unknown(FailureCode::Link(fault)),
    }
}

/// The interrupt check of the read plan: Cancel, or 30 s since the card answered.
pub(crate) fn interrupt<H: Host>(host: &H, since: Duration) -> Option<Interrupt> {
    if host.cancelled() {
        Some(Interrupt::Cancelled)
    } else if host.now().saturating_sub(since) >= WHOLE_READ {
        Some(Interrupt::TimedOut)
    } else {
        None
    }
}

/// Reads a card through an RC-S380 on `usb`.
pub async fn read_with_rcs380<U: UsbLink, H: Host>(
    usb: U,
    host: &H,
    options: Options,
) -> Result<CardReading, ReadError> {
    let mut reader = Rcs380::new(usb);
    let result = run_rcs380(&mut reader, host, options).await;
    reader.finish().await;
    result
}

async fn run_rcs380<U: UsbLink, H: Host>(
    reader: &mut Rcs380<U>,
    host: &H,
    options: Options,
) -> Result<CardReading, ReadError> {
    reader.start().await.map_err(link_failure)?;
    host.progress(State::WaitingForCard);
    let waiting_since = host.now();
    let mut next_poll = waiting_since;
    let sensb = loop {
        if host.cancelled() {
            return Err(ReadError::Cancelled);
        }
        if let Some(sensb) = reader.sense_type_b().await.map_err(link_failure)? {
            // A card that leaves between SENSB_RES and ATTRIB is polled for again.
            if reader.attrib(&sensb).await.map_err(link_failure)? {
                break sensb;
            }
        }
        if host.now().saturating_sub(waiting_since) >= WAIT_FOR_CARD {
            return Err(ReadError::NoCard);
        }
        // The field off during each pause (§6): a card that heard ATTRIB but whose answer was lost is
        // still active and would ignore every later SENSB_REQ; without the field it resets.
        reader.switch_rf_off().await.map_err(link_failure)?;
        next_poll = next_poll_after(next_poll, host.now());
        host.pause(next_poll.saturating_sub(host.now())).await;
    };
    host.progress(State::Reading);
    let since = host.now();
    let mut card = IsoDep::new(&mut *reader, host, &sensb);
    let result = read_card(&mut card, options, &|| interrupt(host, since)).await;
    if !matches!(result, Err(ReadError::Timeout | ReadError::ReaderDisconnected | ReadError::CardRemoved { .. })) {
        card.deselect().await;
    }
    result
}
