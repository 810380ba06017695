//! The simulated RC-S300 (docs/reader.md §8.2): CCID GetSlotStatus, IccPowerOn, XfrBlock and
//! IccPowerOff forwarding APDUs to the simulated card, so the flagged path has the same coverage.

use core::time::Duration;

use super::card::SimCard;
use super::clock::SimClock;
use super::usb::{LinkFaults, SimUsb, Transfer};
use crate::rcs300::ccid::{self, DATA_BLOCK, ICC_MUTE, SLOT_STATUS};
use crate::transport::{Clock, LinkError, UsbLink};

/// Faults of the RC-S300 and its card.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CcidFaults {
    /// Before answering the XfrBlock with this index (from 0), this many time extensions.
    pub time_extensions: Option<(usize, usize)>,
    /// From this XfrBlock on, the card is gone (ICC_MUTE).
    pub removed_after: Option<usize>,
    /// The USB link's faults.
    pub link: LinkFaults,
    /// Answer every message with this sequence number added (a confused reader).
    pub seq_offset: u8,
}

/// A simulated RC-S300.
#[derive(Clone, Debug)]
pub struct SimRcs300 {
    /// The card on the reader.
    pub card: Option<SimCard>,
    /// The card is on the reader only from this time on.
    pub card_placed_at: Duration,
    /// Faults to play.
    pub faults: CcidFaults,
    clock: SimClock,
    usb: SimUsb,
    xfr_blocks: usize,
    powered: bool,
    /// Messages the reader could not decode.
    pub bad_out_messages: Vec<Vec<u8>>,
}

impl SimRcs300 {
    /// A reader on `clock` with `card` on it.
    pub fn new(clock: SimClock, card: Option<SimCard>) -> Self {
        Self {
            card,
            card_placed_at: Duration::ZERO,
            faults: CcidFaults::default(),
            usb: SimUsb::new(clock.clone()),
            clock,
            xfr_blocks: 0,
            powered: false,
            bad_out_messages: Vec::new(),
        }
    }

    /// Every transfer so far.
    pub fn transcript(&self) -> &[Transfer] {
        self.usb.transcript()
    }

    /// Whether the card is powered.
    pub fn powered(&self) -> bool {
        self.powered
    }

    fn present(&self) -> bool {
        self.card.is_some() && self.clock.now() >= self.card_placed_at
    }

    fn answer(&mut self, kind: u8, seq: u8, status: u8, error: u8, data: &[u8]) {
        let mut message = ccid::encode(kind, seq.wrapping_add(self.faults.seq_offset), data);
        if let Some(byte) = message.get_mut(7) {
            *byte = status;
        }
        if let Some(byte) = message.get_mut(8) {
            *byte = error;
        }
        self.usb.queue(message);
    }

    fn handle(&mut self, message: &ccid::Message) {
        let icc = if !self.present() {
            2
        } else if self.powered {
            0
        } else {
            1
        };
        match message.kind {
            ccid::GET_SLOT_STATUS => self.answer(SLOT_STATUS, message.seq, icc, 0, &[]),
            ccid::ICC_POWER_ON if self.present() => {
                self.powered = true;
                if let Some(card) = &mut self.card {
                    card.reset();
                }
                self.answer(
                    DATA_BLOCK,
                    message.seq,
                    0,
                    0,
                    &[0x3B, 0x88, 0x80, 0x01, 0x00, 0x00, 0x00, 0x00, 0x33, 0x81, 0x81, 0x00, 0x3A],
                );
            }
            ccid::ICC_POWER_ON => self.answer(DATA_BLOCK, message.seq, 0x42, ICC_MUTE, &[]),
            ccid::ICC_POWER_OFF => {
                self.powered = false;
                self.answer(SLOT_STATUS, message.seq, 0x01, 0, &[]);
            }
            ccid::XFR_BLOCK => {
                let index = self.xfr_blocks;
                self.xfr_blocks += 1;
                let removed = self.faults.removed_after.is_some_and(|n| index >= n);
                match (&mut self.card, self.powered && !removed) {
                    (Some(card), true) => {
                        let reply = card.respond(&message.data);
                        if let Some((at, count)) = self.faults.time_extensions {
                            if at == index {
                                for _ in 0..count {
                                    self.answer(DATA_BLOCK, message.seq, 0x80, 0x01, &[]);
                                }
                            }
                        }
                        self.answer(DATA_BLOCK, message.seq, 0, 0, &reply);
                    }
                    _ => self.answer(DATA_BLOCK, message.seq, 0x42, ICC_MUTE, &[]),
                }
            }
            _ => self.answer(SLOT_STATUS, message.seq, 0x40 | icc, 0x00, &[]),
        }
    }
}

impl UsbLink for SimRcs300 {
    async fn write(&mut self, frame: &[u8], timeout: Duration) -> Result<(), LinkError> {
        self.usb.write(&mut self.faults.link, frame, timeout, Duration::from_millis(1))?;
        let mut decoder = ccid::Decoder::new();
        decoder.push(frame);
        match decoder.next_unit() {
            Ok(Some(message)) if message.slot == 0 => self.handle(&message),
            Ok(_) | Err(_) => self.bad_out_messages.push(frame.to_vec()),
        }
        Ok(())
    }

    async fn read(&mut self, max_len: usize, timeout: Duration) -> Result<Vec<u8>, LinkError> {
        // A time extension stands for a card that took time.
        let took = |bytes: &[u8]| {
            if bytes.get(7) == Some(&0x80) {
                Duration::from_secs(1)
            } else {
                Duration::from_millis(1)
            }
        };
        self.usb.read(&mut self.faults.link, max_len, timeout, took)
    }
}
