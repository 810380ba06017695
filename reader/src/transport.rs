//! The three links between the read plan and the hardware (docs/reader.md §6), and the clock the app
//! lends the crate.
//!
//! The traits are `async` so that the app's WebUSB bridge can await `transferIn`/`transferOut`
//! promises; nothing here names an executor. The app is single-threaded wasm and needs no `Send`
//! bound on these futures, hence `#[allow(async_fn_in_trait)]` (docs/reader.md §6).

use core::time::Duration;

use crate::apdu::{Command, Response};
use crate::rf::RfFrame;

/// Why a link could not deliver an answer. Each maps to one state of docs/reader.md §7.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// A wait outlasted its limit (§6): `timeout`. The bridge returns this when a transfer times out.
    Timeout,
    /// The reader was unplugged (`disconnect`, `NotFoundError`, `NetworkError`): `reader_disconnected`.
    Disconnected,
    /// The card stopped answering after activation (§6): `card_removed`.
    CardRemoved,
    /// A reader or protocol fault: `unknown_error` with its code.
    Fault(Fault),
}

/// A fault below the card commands; its code is shown with `unknown_error` (docs/reader.md §7).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    /// InCommRF transmission errors (any flag but the timeout, docs/reader.md §5.3) that outlasted the
    /// ISO-DEP retries (code `RF 0x…`).
    Rf(u32),
    /// A reader command answered with a non-zero status byte.
    ReaderStatus(u8),
    /// A USB frame with a bad checksum, the error frame, or too many stale frames.
    Frame,
    /// An ISO-DEP protocol error: wrong block number, unexpected PCB, WTXM out of range.
    IsoDep,
    /// A CCID message that does not answer the command, or a CCID error byte.
    Ccid(u8),
    /// A USB transfer ended in a stall or another failure the bridge could not name.
    Usb,
    /// A card answer that no card command can produce (shorter than a status word).
    Response,
}

/// Why one RF exchange failed (docs/reader.md §5.3: the InCommRF error flags).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RfError {
    /// Flag `0x80`: nothing received before the RF timeout. Answered by R(NAK).
    Timeout,
    /// Any other non-zero flags (protocol `01`, parity `02`, CRC `04`, collision `08`, overflow `10`,
    /// RF off `400`, …): a transmission error, answered by R(NAK) as nfcpy does (docs/reader.md §5.3).
    Invalid(u32),
    /// The link below failed.
    Link(LinkError),
}

/// Sends one allow-listed command to the card and returns its answer. Implemented by the ISO-DEP
/// stack, by the RC-S300 CCID path and by the simulated card. It takes a [`Command`], never bytes.
#[allow(async_fn_in_trait)]
pub trait CardChannel {
    /// One command, one answer. A failed exchange is never retried with other parameters.
    async fn transmit(&mut self, command: Command) -> Result<Response, LinkError>;
}

/// One RF exchange with the card (ISO 14443 bytes; the reader chip adds and checks CRC_B).
/// Implemented by the RC-S380 layer. Takes an [`RfFrame`], which only this crate can build.
#[allow(async_fn_in_trait)]
pub trait RfLink {
    /// Sends `rf` and waits at most `timeout` for the card's answer.
    async fn exchange(&mut self, rf: &RfFrame, timeout: Duration) -> Result<Vec<u8>, RfError>;
}

/// One bulk OUT / bulk IN pipe pair. Implemented by the WebUSB bridge in `app/` and by the
/// simulated readers. The implementation enforces `timeout` and returns [`LinkError::Timeout`]; a
/// timed-out transfer ends the connection (docs/reader.md §6), so the caller never reads again after one.
#[allow(async_fn_in_trait)]
pub trait UsbLink {
    /// One `transferOut` of `frame` (plus a zero-length packet when the bridge needs one, §5.2).
    async fn write(&mut self, frame: &[u8], timeout: Duration) -> Result<(), LinkError>;
    /// One `transferIn` of at most `max_len` bytes. May return fewer bytes than a whole frame.
    async fn read(&mut self, max_len: usize, timeout: Duration) -> Result<Vec<u8>, LinkError>;
}

/// A monotonic clock lent by the app (`performance.now()`), like `today` is: the crate never reads
/// one itself (docs/design.md §1.1 invariant 4). Used only for the limits of docs/reader.md §6.
pub trait Clock {
    /// Time since an arbitrary origin; never goes backwards.
    fn now(&self) -> Duration;
}

impl<C: CardChannel + ?Sized> CardChannel for &mut C {
    async fn transmit(&mut self, command: Command) -> Result<Response, LinkError> {
        (**self).transmit(command).await
    }
}

impl<R: RfLink + ?Sized> RfLink for &mut R {
    async fn exchange(&mut self, rf: &RfFrame, timeout: Duration) -> Result<Vec<u8>, RfError> {
        (**self).exchange(rf, timeout).await
    }
}

impl<U: UsbLink + ?Sized> UsbLink for &mut U {
    async fn write(&mut self, frame: &[u8], timeout: Duration) -> Result<(), LinkError> {
        (**self).write(frame, timeout).await
    }

    async fn read(&mut self, max_len: usize, timeout: Duration) -> Result<Vec<u8>, LinkError> {
        (**self).read(max_len, timeout).await
    }
}
