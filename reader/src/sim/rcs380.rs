//! The simulated RC-S380 at the USB-frame level (docs/reader.md §8.2): it decodes every OUT frame
//! (checking LCS and DCS), ACKs, answers the reader commands and plays the RF side with a
//! [`SimPicc`]. Waits move the shared [`SimClock`] instead of sleeping.

use core::time::Duration;
use std::collections::BTreeSet;

use super::clock::SimClock;
use super::picc::{RfOutcome, SimPicc};
pub use super::usb::{transcript_json, Transfer};
use super::usb::{LinkFaults, SimUsb};
use crate::rcs380::frame::{encode, Decoder, Frame, ACK};
use crate::rcs380::FLAG_TIMEOUT;
use crate::transport::{Clock, LinkError, UsbLink};

/// Faults of the reader and its USB link, by transfer index (OUT and IN counted together, from 0).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReaderFaults {
    /// These reader replies (by reply index, from 0) get a bad DCS.
    pub bad_checksum: BTreeSet<usize>,
    /// These reader replies are replaced by the error frame.
    pub error_frame: BTreeSet<usize>,
    /// The USB link's faults.
    pub link: LinkFaults,
    /// Deliver every IN frame in pieces of at most this many bytes.
    pub split_in: Option<usize>,
}

/// A simulated RC-S380 with a card on it, or none.
#[derive(Clone, Debug)]
pub struct SimRcs380 {
    /// The card in the field, if any.
    pub picc: Option<SimPicc>,
    /// The reader's faults.
    pub faults: ReaderFaults,
    /// The card is in the field only from this time on.
    pub card_placed_at: Duration,
    clock: SimClock,
    usb: SimUsb,
    replies: usize,
    rf_on: bool,
    /// Frames the reader could not decode (a bug in the crate if ever non-empty).
    pub bad_out_frames: Vec<Vec<u8>>,
    rf_sent: Vec<Vec<u8>>,
}

/// The body of the chip's InCommRF reply (docs/reader.md §5.3): `D7 05` + the error flags (u32 LE), and
/// only when they are 0 the RxLastBit byte and the card's bytes. A failed InCommRF is those 6 bytes
/// alone (no card in the field: `D7 05 80 00 00 00`), as nfcpy's and Linux port100's drivers read it.
pub fn in_comm_rf_reply(flags: u32, rf: &[u8]) -> Vec<u8> {
    let mut reply = vec![0xD7, 0x05];
    reply.extend_from_slice(&flags.to_le_bytes());
    if flags == 0 {
        reply.push(RX_LAST_BIT);
        reply.extend_from_slice(rf);
    }
    reply
}

/// RxLastBit of a frame whose last byte is whole, as in nfcpy's test vectors of successful replies
/// (`RSP('05 00000000 08' + …)`); the crate skips it.
const RX_LAST_BIT: u8 = 0x08;

/// The simulated time of one USB transfer.
const TRANSFER_TIME: Duration = Duration::from_micros(500);

impl SimRcs380 {
    /// A reader on `clock` with `picc` in its field.
    pub fn new(clock: SimClock, picc: Option<SimPicc>) -> Self {
        Self {
            picc,
            faults: ReaderFaults::default(),
            card_placed_at: Duration::ZERO,
            usb: SimUsb::new(clock.clone()),
            clock,
            replies: 0,
            rf_on: false,
            bad_out_frames: Vec::new(),
            rf_sent: Vec::new(),
        }
    }

    /// Every transfer so far.
    pub fn transcript(&self) -> &[Transfer] {
        self.usb.transcript()
    }

    /// Every RF frame the crate sent through InCommRF.
    pub fn rf_sent(&self) -> &[Vec<u8>] {
        &self.rf_sent
    }

    /// Whether the RF field is on.
    pub fn rf_on(&self) -> bool {
        self.rf_on
    }

    fn reply(&mut self, body: Vec<u8>) {
        let index = self.replies;
        self.replies += 1;
        self.usb.queue(ACK.to_vec());
        let mut frame = encode(&body);
        if self.faults.error_frame.contains(&index) {
            frame = vec![0x00, 0x00, 0xFF, 0xFF, 0xFF];
        } else if self.faults.bad_checksum.contains(&index) {
            let dcs = frame.len().saturating_sub(2);
            if let Some(byte) = frame.get_mut(dcs) {
                *byte ^= 0x55;
            }
        }
        match self.faults.split_in {
            Some(size) => {
                for piece in frame.chunks(size.max(1)) {
                    self.usb.queue(piece.to_vec());
                }
            }
            None => self.usb.queue(frame),
        }
    }

    fn command(&mut self, body: &[u8]) {
        let reply = match body {
            [0xD6, 0x2A, 0x01] => vec![0xD7, 0x2B, 0x00],
            [0xD6, 0x20] => vec![0xD7, 0x21, 0x11, 0x01],
            [0xD6, 0x06, on] => {
                self.rf_on = *on != 0;
                if !self.rf_on {
                    if let Some(picc) = &mut self.picc {
                        picc.power_off();
                    }
                }
                vec![0xD7, 0x07, 0x00]
            }
            [0xD6, 0x00, ..] => {
                self.rf_on = true;
                vec![0xD7, 0x01, 0x00]
            }
            [0xD6, 0x02, ..] => vec![0xD7, 0x03, 0x00],
            [0xD6, 0x04, lo, hi, rf @ ..] => {
                self.rf_sent.push(rf.to_vec());
                let timeout = Duration::from_micros(u64::from(u16::from_le_bytes([*lo, *hi])) * 100);
                let placed = self.clock.now() >= self.card_placed_at;
                let outcome = match (&mut self.picc, self.rf_on && placed) {
                    (Some(picc), true) => picc.hear(rf),
                    _ => RfOutcome::Silent,
                };
                let (flags, rf_reply) = match outcome {
                    RfOutcome::Reply(bytes) => {
                        // A card asking for more time has used the time it had.
                        let spent = if bytes.first() == Some(&0xF2) { timeout } else { Duration::from_millis(2) };
                        self.clock.advance(spent);
                        (0u32, bytes)
                    }
                    RfOutcome::Silent => {
                        self.clock.advance(timeout);
                        (FLAG_TIMEOUT, Vec::new())
                    }
                    RfOutcome::Failed(flags) => {
                        self.clock.advance(Duration::from_millis(2));
                        (flags, Vec::new())
                    }
                };
                in_comm_rf_reply(flags, &rf_reply)
            }
            [0xD6, code, ..] => vec![0xD7, code.wrapping_add(1), 0x01],
            _ => return,
        };
        self.reply(reply);
    }
}

impl UsbLink for SimRcs380 {
    async fn write(&mut self, frame: &[u8], timeout: Duration) -> Result<(), LinkError> {
        self.usb.write(&mut self.faults.link, frame, timeout, TRANSFER_TIME)?;
        let mut decoder = Decoder::new();
        decoder.push(frame);
        match decoder.next_unit() {
            // A soft reset or the end of a session. Frames already waiting in the IN endpoint stay
            // there: that is why the crate discards stale frames (§5.3).
            Ok(Some(Frame::Ack)) => {}
            Ok(Some(Frame::Data(body))) => self.command(&body),
            Ok(Some(Frame::Error) | None) | Err(_) => self.bad_out_frames.push(frame.to_vec()),
        }
        Ok(())
    }

    async fn read(&mut self, max_len: usize, timeout: Duration) -> Result<Vec<u8>, LinkError> {
        self.usb.read(&mut self.faults.link, max_len, timeout, |_| TRANSFER_TIME)
    }
}
