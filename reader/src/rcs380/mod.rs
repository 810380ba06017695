//! The Sony RC-S380 ("NFC Port-100", USB `054C:06C1`, `054C:06C3`) over a [`UsbLink`]
//! (docs/reader.md §5.3): its reader commands, the InCommRF exchange as an [`RfLink`], and Type B
//! activation.
//!
//! The reader layer is closed too (§3 rule 4): [`ReaderCommand`] has one variant per command of
//! §5.3 and InCommRF carries only an [`RfFrame`].

pub mod frame;

use core::time::Duration;

use crate::iso_dep::MAX_RF_TIMEOUT;
use crate::rf::RfFrame;
use crate::transport::{Fault, LinkError, RfError, RfLink, UsbLink};
use crate::type_b::SensbRes;
use frame::{Decoder, Frame, ACK};

/// The USB product ids of the RC-S380 (vendor `054C`).
pub const PRODUCT_IDS: [u16; 2] = crate::session::ReaderModel::Rcs380.product_ids();
/// Bytes asked for by each `transferIn`, as nfcpy does.
pub const READ_LEN: usize = 300;
/// The limit for a bulk OUT, for an ACK and for the reply to a non-RF command (§6).
pub const USB_TIMEOUT: Duration = Duration::from_secs(1);
/// The RF timeout for SENSB_REQ and ATTRIB (§6).
pub const ACTIVATION_TIMEOUT: Duration = Duration::from_millis(30);
/// Frames that answer nothing we sent, discarded before giving up (§5.3).
const MAX_STALE: usize = 4;
/// Bytes read while waiting for one frame before giving up: room for the stale frames and the
/// frame itself (a bound, so a reader that streams junk ends in an error, never a hang).
const MAX_BYTES_PER_FRAME: usize = (MAX_STALE + 2) * (frame::MAX_BODY + 10);
/// Empty `transferIn`s in a row before giving up.
const MAX_EMPTY_READS: usize = 4;

/// Every reader command the crate can send (docs/reader.md §5.3).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReaderCommand<'a> {
    /// SetCommandType(1).
    SetCommandType,
    /// GetFirmwareVersion.
    GetFirmwareVersion,
    /// SwitchRF off.
    SwitchRfOff,
    /// InSetRF 106 kbps Type B.
    InSetRfTypeB,
    /// InSetProtocol with nfcpy's defaults.
    InSetProtocolDefaults,
    /// InSetProtocol for Type B: guard time 20, add and check SOF and EOF.
    InSetProtocolTypeB,
    /// InCommRF: send `rf` and wait at most `timeout` for the card.
    InCommRf(&'a RfFrame, Duration),
}

impl ReaderCommand<'_> {
    /// The frame body, `D6 CMD data…`.
    pub fn body(&self) -> Vec<u8> {
        match self {
            ReaderCommand::SetCommandType => vec![0xD6, 0x2A, 0x01],
            ReaderCommand::GetFirmwareVersion => vec![0xD6, 0x20],
            ReaderCommand::SwitchRfOff => vec![0xD6, 0x06, 0x00],
            ReaderCommand::InSetRfTypeB => vec![0xD6, 0x00, 0x03, 0x07, 0x0F, 0x07],
            ReaderCommand::InSetProtocolDefaults => vec![
                0xD6, 0x02, 0x00, 0x18, 0x01, 0x01, 0x02, 0x01, 0x03, 0x00, 0x04, 0x00, 0x05, 0x00, 0x06, 0x00, 0x07,
                0x08, 0x08, 0x00, 0x09, 0x00, 0x0A, 0x00, 0x0B, 0x00, 0x0C, 0x00, 0x0E, 0x04, 0x0F, 0x00, 0x10, 0x00,
                0x11, 0x00, 0x12, 0x00, 0x13, 0x06,
            ],
            ReaderCommand::InSetProtocolTypeB => {
                vec![0xD6, 0x02, 0x00, 0x14, 0x09, 0x01, 0x0A, 0x01, 0x0B, 0x01, 0x0C, 0x01]
            }
            ReaderCommand::InCommRf(rf, timeout) => {
                let [lo, hi] = rf_timeout_units(*timeout).to_le_bytes();
                let mut body = vec![0xD6, 0x04, lo, hi];
                body.extend_from_slice(rf.as_bytes());
                body
            }
        }
    }

    /// The command code (the byte after `D6`); the reply carries code + 1 after `D7`.
    fn code(&self) -> u8 {
        self.body().get(1).copied().unwrap_or(0)
    }
}

/// InCommRF's timeout field: (ms + 1) × 10, in units of 0.1 ms, at most `FFFF` (§5.3).
pub fn rf_timeout_units(timeout: Duration) -> u16 {
    // u64 arithmetic, not `as_millis` (u128 division pulls in about 1 KB of wasm).
    let timeout = timeout.min(MAX_RF_TIMEOUT);
    let ms = timeout.as_secs().saturating_mul(1000).saturating_add(u64::from(timeout.subsec_millis()));
    u16::try_from(ms.saturating_add(1).saturating_mul(10)).unwrap_or(u16::MAX)
}

/// An RC-S380 on a USB link.
pub struct Rcs380<U> {
    usb: U,
    decoder: Decoder,
    /// A USB transfer failed: no more transfers on this connection (§6).
    broken: bool,
}

impl<U: UsbLink> Rcs380<U> {
    /// The reader on `usb`; nothing is sent yet.
    pub fn new(usb: U) -> Self {
        Self { usb, decoder: Decoder::new(), broken: false }
    }

    /// Gives the link back.
    pub fn into_inner(self) -> U {
        self.usb
    }

    /// Whether a USB transfer failed on this connection: the app must close the device.
    pub fn is_broken(&self) -> bool {
        self.broken
    }

    /// ACK (soft reset), SetCommandType(1), GetFirmwareVersion, SwitchRF off (§5.3).
    pub async fn start(&mut self) -> Result<(), LinkError> {
        self.write(&ACK).await?;
        self.command(&ReaderCommand::SetCommandType, USB_TIMEOUT).await?;
        self.command(&ReaderCommand::GetFirmwareVersion, USB_TIMEOUT).await?;
        self.switch_rf_off().await
    }

    /// SwitchRF off. Also between two polls (docs/reader.md §6): a card left half-activated by a garbled
    /// ATTRIB answer would ignore every later SENSB_REQ; without the field it resets and answers the
    /// next one afresh. nfcpy likewise mutes (`switch_rf("off")`) after each sense that found nothing.
    pub async fn switch_rf_off(&mut self) -> Result<(), LinkError> {
        self.command(&ReaderCommand::SwitchRfOff, USB_TIMEOUT).await.map(|_| ())
    }

    /// SwitchRF off, then ACK: best effort, and nothing at all once a transfer has failed.
    pub async fn finish(&mut self) {
        if !self.broken {
            let _ = self.command(&ReaderCommand::SwitchRfOff, USB_TIMEOUT).await;
        }
        if !self.broken {
            let _ = self.write(&ACK).await;
        }
    }

    /// One poll: SENSB_REQ with a 30 ms RF timeout. `Ok(None)` when no card answered.
    pub async fn sense_type_b(&mut self) -> Result<Option<SensbRes>, LinkError> {
        match self.exchange(&RfFrame::sensb_req(), ACTIVATION_TIMEOUT).await {
            Ok(reply) => Ok(SensbRes::parse(&reply)),
            Err(RfError::Timeout | RfError::Invalid(_)) => Ok(None),
            Err(RfError::Link(error)) => Err(error),
        }
    }

    /// ATTRIB for the card that answered `sensb`. `Ok(false)` when it did not answer.
    pub async fn attrib(&mut self, sensb: &SensbRes) -> Result<bool, LinkError> {
        match self.exchange(&RfFrame::attrib(sensb.pupi), ACTIVATION_TIMEOUT).await {
            Ok(reply) => Ok(!reply.is_empty()),
            Err(RfError::Timeout | RfError::Invalid(_)) => Ok(false),
            Err(RfError::Link(error)) => Err(error),
        }
    }

    async fn write(&mut self, frame: &[u8]) -> Result<(), LinkError> {
        let result = self.usb.write(frame, USB_TIMEOUT).await;
        self.broken |= result.is_err();
        result
    }

    /// Reads until a frame that `wanted` accepts, discarding up to four stale ones.
    async fn read_frame(&mut self, timeout: Duration, wanted: impl Fn(&Frame) -> bool) -> Result<Frame, LinkError> {
        let mut stale = 0;
        let mut bytes_read = 0usize;
        let mut empty_reads = 0;
        loop {
            match self.decoder.next_unit() {
                Ok(Some(Frame::Error)) => return Err(LinkError::Fault(Fault::Frame)),
                Ok(Some(frame)) if wanted(&frame) => return Ok(frame),
                Ok(Some(_)) => {
                    stale += 1;
                    if stale > MAX_STALE {
                        return Err(LinkError::Fault(Fault::Frame));
                    }
                    continue;
                }
                Ok(None) => {}
                Err(_) => return Err(LinkError::Fault(Fault::Frame)),
            }
            match self.usb.read(READ_LEN, timeout).await {
                Ok(bytes) => {
                    bytes_read = bytes_read.saturating_add(bytes.len());
                    empty_reads = if bytes.is_empty() { empty_reads + 1 } else { 0 };
                    if bytes_read > MAX_BYTES_PER_FRAME || empty_reads > MAX_EMPTY_READS {
                        return Err(LinkError::Fault(Fault::Frame));
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

    /// Sends a reader command, waits for its ACK and then its reply; returns the reply's payload
    /// after `D7 (CMD+1)`.
    async fn command(&mut self, command: &ReaderCommand<'_>, reply_timeout: Duration) -> Result<Vec<u8>, LinkError> {
        self.decoder.clear();
        self.write(&frame::encode(&command.body())).await?;
        self.read_frame(USB_TIMEOUT, |f| *f == Frame::Ack).await?;
        let reply_code = command.code().wrapping_add(1);
        let reply = self
            .read_frame(reply_timeout, |f| matches!(f, Frame::Data(body) if body.get(..2) == Some(&[0xD7, reply_code])))
            .await?;
        let Frame::Data(body) = reply else {
            return Err(LinkError::Fault(Fault::Frame));
        };
        let payload = body.get(2..).unwrap_or(&[]).to_vec();
        match (command, payload.first()) {
            (ReaderCommand::InCommRf(..) | ReaderCommand::GetFirmwareVersion, _) | (_, Some(0)) => Ok(payload),
            (_, Some(status)) => Err(LinkError::Fault(Fault::ReaderStatus(*status))),
            (_, None) => Err(LinkError::Fault(Fault::Frame)),
        }
    }
}

impl<U: UsbLink> RfLink for Rcs380<U> {
    /// InSetRF, InSetProtocol (defaults, then Type B) before every InCommRF, as nfcpy and the
    /// known WebUSB reader do (§5.3); then InCommRF, whose reply [`in_comm_rf_reply`] reads.
    async fn exchange(&mut self, rf: &RfFrame, timeout: Duration) -> Result<Vec<u8>, RfError> {
        for setup in
            [ReaderCommand::InSetRfTypeB, ReaderCommand::InSetProtocolDefaults, ReaderCommand::InSetProtocolTypeB]
        {
            self.command(&setup, USB_TIMEOUT).await.map_err(RfError::Link)?;
        }
        let timeout = timeout.min(MAX_RF_TIMEOUT);
        let payload = self
            .command(&ReaderCommand::InCommRf(rf, timeout), timeout.saturating_add(USB_TIMEOUT))
            .await
            .map_err(RfError::Link)?;
        in_comm_rf_reply(&payload)
    }
}

/// InCommRF's error flag for "nothing received before the RF timeout" (nfcpy `RECEIVE_TIMEOUT_ERROR`,
/// Linux port100 `PORT100_CMD_STATUS_TIMEOUT`).
pub const FLAG_TIMEOUT: u32 = 0x80;

/// Reads the payload of an InCommRF reply (after `D7 05`) as the chip sends it (docs/reader.md §5.3):
/// 4 error-flag bytes (u32 LE) first; **only when they are 0** do RxLastBit (1 byte) and the RF
/// bytes follow. A failed InCommRF is `D7 05` + the flags and nothing more: no card in the field
/// answers `D7 05 80 00 00 00`.
///
/// The same reading in two independent drivers proven on real readers:
/// - nfcpy `src/nfc/clf/rcs380.py`, `Chipset.in_comm_rf`: raises `CommunicationError(data[0:4])`
///   when the flags are not 0, else returns `data[5:]`; its tests answer a silent field with
///   `RSP('05 80000000')` and a found Type B card with `RSP('05 00000000 08 ' + sensb_res)`.
/// - Linux `drivers/nfc/port100.c`, `port100_in_comm_rf_complete`: a reply shorter than 4 bytes is
///   invalid; it reads the u32 LE status, `0x80` is `-ETIMEDOUT`, any other non-zero status `-EIO`;
///   only on success does it skip the 1-byte RxLastBit before the data.
///
/// Flag `0x80` (alone or with others: nfcpy tests the bit) is [`RfError::Timeout`]. Every other
/// non-zero flag (protocol `01`, parity `02`, CRC `04`, collision `08`, overflow `10`, RF off
/// `400`, receive length `80000000`, …) is a transmission error, [`RfError::Invalid`]: nfcpy's
/// `send_cmd_recv_rsp` turns it into `TransmissionError`, which its ISO-DEP initiator (`tt4.py`)
/// answers with R(NAK) within its retry limit, as [`crate::iso_dep`] does. Nothing here is fatal
/// by itself; only a reply too short to hold the flags (or, on success, RxLastBit) is a frame fault.
pub fn in_comm_rf_reply(payload: &[u8]) -> Result<Vec<u8>, RfError> {
    let Some((flags, rest)) = payload.split_first_chunk::<4>() else {
        return Err(RfError::Link(LinkError::Fault(Fault::Frame)));
    };
    match u32::from_le_bytes(*flags) {
        0 => match rest.split_first() {
            Some((_rx_last_bit, rf_bytes)) => Ok(rf_bytes.to_vec()),
            None => Err(RfError::Link(LinkError::Fault(Fault::Frame))),
        },
        flags if flags & FLAG_TIMEOUT != 0 => Err(RfError::Timeout),
        flags => Err(RfError::Invalid(flags)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(s: &str) -> Vec<u8> {
        s.split_whitespace().map(|b| u8::from_str_radix(b, 16).unwrap()).collect()
    }

    /// The golden vectors of docs/reader.md §5.3, byte for byte.
    #[test]
    fn golden_vectors() {
        let select = crate::apdu::Command::SelectApplication(crate::apdu::Application::Jpki).encode();
        let i_block = RfFrame::i_block(0, false, &select, 0, select.as_bytes().len());
        let attrib = RfFrame::attrib([0x11, 0x22, 0x33, 0x44]);
        let sensb = RfFrame::sensb_req();
        let rows: [(ReaderCommand<'_>, &str); 9] = [
            (ReaderCommand::SetCommandType, "00 00 FF FF FF 03 00 FD D6 2A 01 FF 00"),
            (ReaderCommand::GetFirmwareVersion, "00 00 FF FF FF 02 00 FE D6 20 0A 00"),
            (ReaderCommand::SwitchRfOff, "00 00 FF FF FF 03 00 FD D6 06 00 24 00"),
            (ReaderCommand::InSetRfTypeB, "00 00 FF FF FF 06 00 FA D6 00 03 07 0F 07 0A 00"),
            (
                ReaderCommand::InSetProtocolDefaults,
                "00 00 FF FF FF 28 00 D8 D6 02 00 18 01 01 02 01 03 00 04 00 05 00 06 00 07 08 08 00 09 00 0A 00 0B 00 \
                 0C 00 0E 04 0F 00 10 00 11 00 12 00 13 06 4B 00",
            ),
            (ReaderCommand::InSetProtocolTypeB, "00 00 FF FF FF 0C 00 F4 D6 02 00 14 09 01 0A 01 0B 01 0C 01 E6 00"),
            (ReaderCommand::InCommRf(&sensb, ACTIVATION_TIMEOUT), "00 00 FF FF FF 07 00 F9 D6 04 36 01 05 00 10 DA 00"),
            (
                ReaderCommand::InCommRf(&attrib, ACTIVATION_TIMEOUT),
                "00 00 FF FF FF 0D 00 F3 D6 04 36 01 1D 11 22 33 44 00 08 01 00 1F 00",
            ),
            (
                ReaderCommand::InCommRf(&i_block, Duration::from_millis(2478)),
                "00 00 FF FF FF 14 00 EC D6 04 D6 60 02 00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01 B3 00",
            ),
        ];
        for (command, expected) in rows {
            assert_eq!(frame::encode(&command.body()), hex(expected), "{command:?}");
        }
        assert_eq!(ACK, hex("00 00 FF 00 FF 00").as_slice());
    }

    /// A USB link that answers each reader command with the next scripted replies and records what
    /// was written.
    struct Scripted {
        ins: std::collections::VecDeque<Vec<u8>>,
        outs: Vec<Vec<u8>>,
    }

    impl UsbLink for Scripted {
        async fn write(&mut self, frame: &[u8], _: Duration) -> Result<(), LinkError> {
            self.outs.push(frame.to_vec());
            Ok(())
        }

        async fn read(&mut self, _: usize, _: Duration) -> Result<Vec<u8>, LinkError> {
            self.ins.pop_front().ok_or(LinkError::Timeout)
        }
    }

    /// The reader's answers to InSetRF, InSetProtocol twice, then the InCommRF reply `frame`.
    fn replies_then(frame: &str) -> Vec<Vec<u8>> {
        let ok = |frame: &str| [ACK.to_vec(), hex(frame)];
        let mut ins: Vec<Vec<u8>> = Vec::new();
        ins.extend(ok("00 00 FF FF FF 03 00 FD D7 01 00 28 00"));
        ins.extend(ok("00 00 FF FF FF 03 00 FD D7 03 00 26 00"));
        ins.extend(ok("00 00 FF FF FF 03 00 FD D7 03 00 26 00"));
        ins.extend(ok(frame));
        ins
    }

    fn exchange(reply_frame: &str) -> (Result<Vec<u8>, RfError>, Vec<Vec<u8>>) {
        let mut reader = Rcs380::new(Scripted { ins: replies_then(reply_frame).into(), outs: Vec::new() });
        let result = crate::exec::block_on(reader.exchange(&RfFrame::sensb_req(), ACTIVATION_TIMEOUT)).unwrap();
        (result, reader.into_inner().outs)
    }

    /// The chip's InCommRF replies byte for byte (docs/reader.md §5.3): a failure is `D7 05` + 4 flag
    /// bytes and nothing more. The frames are nfcpy's test vectors (`tests/test_clf_rcs380.py`:
    /// `RSP('05 80000000')`, `RSP('05 02000000')`, `RSP('05 00000000 08 50E8253EEC00000011008185')`)
    /// wrapped in their USB frames.
    #[test]
    fn in_comm_rf_replies_as_the_chip_sends_them() {
        // No card in the field: `D7 05 80 00 00 00`, a timeout (nfcpy `TimeoutError`, port100 `-ETIMEDOUT`).
        let (result, outs) = exchange("00 00 FF FF FF 06 00 FA D7 05 80 00 00 00 A4 00");
        assert_eq!(result, Err(RfError::Timeout));
        assert_eq!(outs.last().unwrap(), &hex("00 00 FF FF FF 07 00 F9 D6 04 36 01 05 00 10 DA 00"));
        // A parity error: `D7 05 02 00 00 00`, a transmission error (nfcpy `TransmissionError`).
        let (result, _) = exchange("00 00 FF FF FF 06 00 FA D7 05 02 00 00 00 22 00");
        assert_eq!(result, Err(RfError::Invalid(0x02)));
        // Success: the flags 0, RxLastBit `08`, then the card's SENSB_RES.
        let (result, _) =
            exchange("00 00 FF FF FF 13 00 ED D7 05 00 00 00 00 08 50 E8 25 3E EC 00 00 00 11 00 81 85 7E 00");
        assert_eq!(result, Ok(hex("50 E8 25 3E EC 00 00 00 11 00 81 85")));
    }

    #[test]
    fn every_other_flag_is_a_transmission_error_and_only_a_short_reply_a_frame_fault() {
        assert_eq!(in_comm_rf_reply(&hex("80 00 00 00")), Err(RfError::Timeout));
        assert_eq!(in_comm_rf_reply(&hex("84 00 00 00")), Err(RfError::Timeout), "nfcpy tests the timeout bit");
        for flags in [0x01u32, 0x02, 0x04, 0x08, 0x10, 0x40, 0x100, 0x200, 0x400, 0x800, 0x8000_0000, 0x0C] {
            let payload = flags.to_le_bytes();
            assert_eq!(in_comm_rf_reply(&payload), Err(RfError::Invalid(flags)), "{flags:#x}");
            // Bytes after failed flags (not sent by the chip) change nothing.
            assert_eq!(in_comm_rf_reply(&[&payload[..], &[0x00, 0x90]].concat()), Err(RfError::Invalid(flags)));
        }
        let frame = Err(RfError::Link(LinkError::Fault(Fault::Frame)));
        assert_eq!(in_comm_rf_reply(&[]), frame);
        assert_eq!(in_comm_rf_reply(&hex("80 00 00")), frame);
        assert_eq!(in_comm_rf_reply(&hex("00 00 00 00")), frame, "success without RxLastBit");
        assert_eq!(in_comm_rf_reply(&hex("00 00 00 00 08")), Ok(vec![]));
        assert_eq!(in_comm_rf_reply(&hex("00 00 00 00 00 02 90 00")), Ok(hex("02 90 00")));
    }

    /// A clock that stands still: the exchanges below are all answered at once.
    struct Still;
    impl crate::transport::Clock for Still {
        fn now(&self) -> Duration {
            Duration::ZERO
        }
    }

    /// ISO-DEP over the reader: the chip's parity-error reply to an I-block is answered with R(NAK)
    /// in the next InCommRF, and the card's repeated answer completes the APDU.
    #[test]
    fn a_transmission_error_is_answered_with_nak() {
        use crate::apdu::{Command, DataFile};
        let mut ins = replies_then("00 00 FF FF FF 06 00 FA D7 05 02 00 00 00 22 00");
        ins.extend(replies_then("00 00 FF FF FF 0A 00 F6 D7 05 00 00 00 00 08 02 90 00 8A 00"));
        let reader = Rcs380::new(Scripted { ins: ins.into(), outs: Vec::new() });
        let sensb = SensbRes::parse(&hex("50 E8 25 3E EC 00 00 00 11 00 81 85")).unwrap();
        let mut iso = crate::iso_dep::IsoDep::new(reader, &Still, &sensb);
        let answer = crate::exec::block_on(iso.transmit_apdu(Command::SelectFile(DataFile::Token).encode())).unwrap();
        assert_eq!(answer.map(|r| r.sw()), Ok(crate::apdu::StatusWord::OK));
        let outs = iso.into_inner().into_inner().outs;
        let in_comm_rf: Vec<&Vec<u8>> = outs.iter().filter(|f| f.get(8..10) == Some(&[0xD6, 0x04][..])).collect();
        assert_eq!(in_comm_rf.len(), 2);
        let rf = |frame: &[u8]| frame[12..frame.len() - 2].to_vec();
        assert_eq!(rf(in_comm_rf[0]), hex("02 00 A4 02 0C 02 00 06"), "the I-block");
        assert_eq!(rf(in_comm_rf[1]), [0xB2], "then R(NAK), block number 0");
    }

    #[test]
    fn rf_timeout_field() {
        assert_eq!(rf_timeout_units(Duration::from_millis(30)), 310);
        assert_eq!(rf_timeout_units(Duration::from_millis(6552)), 65530);
        assert_eq!(rf_timeout_units(Duration::from_secs(100)), 65530);
        assert_eq!(rf_timeout_units(Duration::ZERO), 10);
    }
}
