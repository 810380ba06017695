//! The Sony RC-S300 (USB `054C:0DC8`, `054C:0DC9`) over CCID — flagged and **unproven**
//! (docs/reader.md §5.4). No public project is known to read a My Number Card through it over WebUSB;
//! this is the route libccid takes on Linux: GetSlotStatus, IccPowerOn → DataBlock with a
//! pseudo-ATR, then XfrBlock with one APDU → DataBlock with the R-APDU. The reader does ISO-DEP
//! itself, so [`Rcs300`] implements [`CardChannel`] directly. The app keeps its USB filters off
//! (`reader.rcs300 = false`) until a real read succeeds and its trace becomes a golden test.
//!
//! IccPowerOff at the end is the CCID counterpart of the RC-S380's "SwitchRF off"; §5.4 does not
//! name it, and it sends nothing to the card.

pub mod ccid;

use core::time::Duration;

use crate::apdu::{Command, Response};
use crate::iso_dep::APDU_LIMIT;
use crate::plan::{read_card, Options};
use crate::reading::CardReading;
use crate::session::{interrupt, link_failure, Host, POLL_INTERVAL, WAIT_FOR_CARD};
use crate::state::{ReadError, State};
use crate::transport::{CardChannel, Clock, Fault, LinkError, UsbLink};
use ccid::{Decoder, Message, DATA_BLOCK, ICC_MUTE, SLOT_STATUS};

/// The USB product ids of the RC-S300 (vendor `054C`).
pub const PRODUCT_IDS: [u16; 2] = crate::session::ReaderModel::Rcs300.product_ids();
/// The limit for a bulk OUT and for the answer to GetSlotStatus and IccPowerOff.
pub const USB_TIMEOUT: Duration = Duration::from_secs(1);
/// The limit for IccPowerOn, which activates the card (not in the spec: 2 s, room for Type B
/// activation and the pseudo-ATR).
pub const POWER_ON_TIMEOUT: Duration = Duration::from_secs(2);
/// Bytes asked for by each `transferIn`.
pub const READ_LEN: usize = 300;
/// Messages with another sequence number discarded before giving up (as for the RC-S380, §5.3).
const MAX_STALE: usize = 4;
/// Time extensions answered for one APDU (a bound besides the 10 s limit).
const MAX_TIME_EXTENSIONS: usize = 64;
/// Bytes read while waiting for one message before giving up.
const MAX_BYTES_PER_MESSAGE: usize = (MAX_STALE + 2) * (ccid::MAX_DATA + ccid::HEADER);
/// Empty `transferIn`s in a row before giving up.
const MAX_EMPTY_READS: usize = 4;

/// An RC-S300 on a USB link, with the clock that bounds one APDU.
pub struct Rcs300<'c, U> {
    usb: U,
    clock: &'c dyn Clock,
    decoder: Decoder,
    seq: u8,
    broken: bool,
}

impl<'c, U: UsbLink> Rcs300<'c, U> {
    /// The reader on `usb`; nothing is sent yet.
    pub fn new(usb: U, clock: &'c dyn Clock) -> Self {
        Self { usb, clock, decoder: Decoder::new(), seq: 0, broken: false }
    }

    /// Whether a USB transfer failed on this connection: the app must close the device.
    pub fn is_broken(&self) -> bool {
        self.broken
    }

    /// Whether a card is in the field: GetSlotStatus says present, then IccPowerOn answers.
    pub async fn power_on_card(&mut self) -> Result<bool, LinkError> {
        let status = self.request(ccid::GET_SLOT_STATUS, &[], USB_TIMEOUT).await?;
        if status.icc_status() == 2 {
            return Ok(false);
        }
        let answer = self.request(ccid::ICC_POWER_ON, &[], POWER_ON_TIMEOUT).await?;
        Ok(answer.kind == DATA_BLOCK && answer.command_status() == 0)
    }

    /// IccPowerOff, best effort, and nothing once a transfer has failed.
    pub async fn power_off(&mut self) {
        if !self.broken {
            let _ = self.request(ccid::ICC_POWER_OFF, &[], USB_TIMEOUT).await;
        }
    }

    /// Sends one message and returns the reader's answer with the same sequence number.
    async fn request(&mut self, kind: u8, data: &[u8], timeout: Duration) -> Result<Message, LinkError> {
        self.seq = self.seq.wrapping_add(1);
        self.decoder.clear();
        let message = ccid::encode(kind, self.seq, data);
        if let Err(error) = self.usb.write(&message, USB_TIMEOUT).await {
            self.broken = true;
            return Err(error);
        }
        self.answer(timeout).await
    }

    async fn answer(&mut self, timeout: Duration) -> Result<Message, LinkError> {
        let mut stale = 0;
        let mut bytes_read = 0usize;
        let mut empty_reads = 0;
        loop {
            match self.decoder.next_unit() {
                Ok(Some(message)) if message.seq == self.seq && [DATA_BLOCK, SLOT_STATUS].contains(&message.kind) => {
                    return Ok(message)
                }
                Ok(Some(_)) => {
                    stale += 1;
                    if stale > MAX_STALE {
                        return Err(LinkError::Fault(Fault::Ccid(0)));
                    }
                    continue;
                }
                Ok(None) => {}
                Err(_) => return Err(LinkError::Fault(Fault::Ccid(0))),
            }
            match self.usb.read(READ_LEN, timeout).await {
                Ok(bytes) => {
                    bytes_read = bytes_read.saturating_add(bytes.len());
                    empty_reads = if bytes.is_empty() { empty_reads + 1 } else { 0 };
                    if bytes_read > MAX_BYTES_PER_MESSAGE || empty_reads > MAX_EMPTY_READS {
                        return Err(LinkError::Fault(Fault::Ccid(0)));
                    }
                    self.decoder.push(&bytes);
                }
                Err(error) => {
                    self.broken = true;
                    return Err(error);
                }
            }
        }
    }
}

impl<U: UsbLink> CardChannel for Rcs300<'_, U> {
    /// XfrBlock with the encoded APDU; a time extension keeps waiting, within 10 s (§6).
    async fn transmit(&mut self, command: Command) -> Result<Response, LinkError> {
        let deadline = self.clock.now().saturating_add(APDU_LIMIT);
        let apdu = command.encode();
        let mut answer = self.request(ccid::XFR_BLOCK, apdu.as_bytes(), APDU_LIMIT).await?;
        for _ in 0..MAX_TIME_EXTENSIONS {
            match (answer.kind, answer.command_status(), answer.error) {
                (DATA_BLOCK, 0, _) => return Response::parse(&answer.data).ok_or(LinkError::Fault(Fault::Response)),
                (_, 2, _) => {
                    let left = deadline.saturating_sub(self.clock.now());
                    if left.is_zero() {
                        return Err(LinkError::Timeout);
                    }
                    answer = self.answer(left).await?;
                }
                (_, _, ICC_MUTE) => return Err(LinkError::CardRemoved),
                (_, _, error) => return Err(LinkError::Fault(Fault::Ccid(error))),
            }
        }
        Err(LinkError::Fault(Fault::Ccid(0)))
    }
}

/// Reads a card through an RC-S300 on `usb` (flagged, unproven: docs/reader.md §5.4).
pub async fn read_with_rcs300<U: UsbLink, H: Host>(
    usb: U,
    host: &H,
    options: Options,
) -> Result<CardReading, ReadError> {
    let mut reader = Rcs300::new(usb, host);
    let result = run(&mut reader, host, options).await;
    reader.power_off().await;
    result
}

async fn run<U: UsbLink, H: Host>(
    reader: &mut Rcs300<'_, U>,
    host: &H,
    options: Options,
) -> Result<CardReading, ReadError> {
    host.progress(State::WaitingForCard);
    let waiting_since = host.now();
    loop {
        if host.cancelled() {
            return Err(ReadError::Cancelled);
        }
        if reader.power_on_card().await.map_err(link_failure)? {
            break;
        }
        if host.now().saturating_sub(waiting_since) >= WAIT_FOR_CARD {
            return Err(ReadError::NoCard);
        }
        host.pause(POLL_INTERVAL).await;
    }
    host.progress(State::Reading);
    let since = host.now();
    read_card(reader, options, &|| interrupt(host, since)).await
}
