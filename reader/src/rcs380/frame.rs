//! The RC-S380's USB frames (docs/reader.md §5.3, nfcpy `rcs380.py`).
//!
//! ACK: `00 00 FF 00 FF 00`. Command and reply: `00 00 FF FF FF`, LEN (u16 LE), LCS, body, DCS,
//! `00`, with LCS = −(LEN_lo + LEN_hi) and DCS = −Σ body (mod 256). `00 00 FF FF FF` alone is the
//! error frame. The decoder is incremental: a frame may arrive over more than one `transferIn`.

use crate::transfer_in::Wire;

/// The ACK frame (also sent by us as a soft reset and to end a session).
pub const ACK: [u8; 6] = [0x00, 0x00, 0xFF, 0x00, 0xFF, 0x00];
/// The start of every data frame, and the whole error frame.
const EXTENDED: [u8; 5] = [0x00, 0x00, 0xFF, 0xFF, 0xFF];
/// The longest body accepted: an InCommRF reply with a 256-byte frame fits well under it.
pub const MAX_BODY: usize = 1024;

/// A whole frame from the reader.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Frame {
    /// `00 00 FF 00 FF 00`.
    Ack,
    /// `00 00 FF FF FF` alone.
    Error,
    /// A data frame's body (`D7 …` for a reply).
    Data(Vec<u8>),
}

/// Bytes that are not a frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrameError {
    /// LCS does not match LEN.
    LengthChecksum,
    /// DCS does not match the body.
    DataChecksum,
    /// LEN above [`MAX_BODY`].
    TooLong,
    /// A start code that is neither ACK nor a data frame, or a missing postamble.
    Malformed,
}

/// A command frame around `body` (`D6 CMD data…`).
pub fn encode(body: &[u8]) -> Vec<u8> {
    let len = u16::try_from(body.len()).unwrap_or(u16::MAX);
    let [lo, hi] = len.to_le_bytes();
    let lcs = 0u8.wrapping_sub(lo).wrapping_sub(hi);
    let dcs = body.iter().fold(0u8, |sum, b| sum.wrapping_sub(*b));
    let mut frame = EXTENDED.to_vec();
    frame.extend_from_slice(&[lo, hi, lcs]);
    frame.extend_from_slice(body);
    frame.extend_from_slice(&[dcs, 0x00]);
    frame
}

/// The RC-S380's wire format: a unit is one whole frame.
#[derive(Clone, Copy, Debug)]
pub struct Rcs380Frames;

/// Collects bytes from `transferIn`s and cuts whole frames out of them.
pub type Decoder = crate::transfer_in::Decoder<Rcs380Frames>;

impl Wire for Rcs380Frames {
    type Unit = Frame;
    type Error = FrameError;

    /// The next whole frame, `Ok(None)` if more bytes are needed. Bytes before a start code (the
    /// tail of a frame cut off earlier) are skipped.
    ///
    /// `00 00 FF FF FF` is also how every data frame begins, so it is the error frame only when it
    /// was a whole `transferIn` by itself, as nfcpy compares it. The spec's "alone" leaves this
    /// open; a data frame cut exactly after its fifth byte would otherwise read as an error.
    fn cut(buffer: &mut Vec<u8>, last_push: usize) -> Result<Option<Frame>, FrameError> {
        let start = buffer.windows(3).position(|w| w == [0x00, 0x00, 0xFF]);
        match start {
            Some(start) => {
                buffer.drain(..start);
            }
            None => {
                let keep = buffer.len().min(2);
                buffer.drain(..buffer.len() - keep);
                return Ok(None);
            }
        }
        if buffer.starts_with(&ACK) {
            buffer.drain(..ACK.len());
            return Ok(Some(Frame::Ack));
        }
        if ACK.starts_with(buffer) || (EXTENDED.starts_with(buffer) && buffer.len() < EXTENDED.len()) {
            return Ok(None);
        }
        if !buffer.starts_with(&EXTENDED) {
            buffer.clear();
            return Err(FrameError::Malformed);
        }
        let (lo, hi, lcs) = match buffer.get(5..8) {
            Some([lo, hi, lcs]) => (*lo, *hi, *lcs),
            _ if buffer.len() == EXTENDED.len() && last_push == EXTENDED.len() => {
                buffer.clear();
                return Ok(Some(Frame::Error));
            }
            _ => return Ok(None),
        };
        if lo.wrapping_add(hi).wrapping_add(lcs) != 0 {
            buffer.clear();
            return Err(FrameError::LengthChecksum);
        }
        let len = usize::from(u16::from_le_bytes([lo, hi]));
        if len > MAX_BODY {
            buffer.clear();
            return Err(FrameError::TooLong);
        }
        let Some([body @ .., dcs, postamble]) = buffer.get(8..len + 10) else {
            return Ok(None);
        };
        let result = if body.iter().fold(*dcs, |sum, b| sum.wrapping_add(*b)) != 0 {
            Err(FrameError::DataChecksum)
        } else if *postamble != 0 {
            Err(FrameError::Malformed)
        } else {
            Ok(Some(Frame::Data(body.to_vec())))
        };
        buffer.drain(..len + 10);
        if result.is_err() {
            buffer.clear();
        }
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(s: &str) -> Vec<u8> {
        s.split_whitespace().map(|b| u8::from_str_radix(b, 16).unwrap()).collect()
    }

    #[test]
    fn encodes_the_golden_frames() {
        assert_eq!(encode(&hex("D6 2A 01")), hex("00 00 FF FF FF 03 00 FD D6 2A 01 FF 00"));
        assert_eq!(encode(&hex("D6 20")), hex("00 00 FF FF FF 02 00 FE D6 20 0A 00"));
    }

    #[test]
    fn decodes_across_transfers_and_skips_stale_bytes() {
        let mut d = Decoder::new();
        let mut frame = encode(&hex("D7 2B 00"));
        d.push(&[0x12, 0x34]);
        d.push(&frame[..4]);
        assert_eq!(d.next_unit(), Ok(None));
        d.push(&frame[4..9]);
        assert_eq!(d.next_unit(), Ok(None));
        d.push(&frame[9..]);
        assert_eq!(d.next_unit(), Ok(Some(Frame::Data(hex("D7 2B 00")))));
        d.push(&ACK);
        frame.extend_from_slice(&ACK);
        d.push(&frame);
        assert_eq!(d.next_unit(), Ok(Some(Frame::Ack)));
        assert_eq!(d.next_unit(), Ok(Some(Frame::Data(hex("D7 2B 00")))));
        assert_eq!(d.next_unit(), Ok(Some(Frame::Ack)));
        assert_eq!(d.next_unit(), Ok(None));
    }

    #[test]
    fn the_error_frame_only_as_a_whole_transfer() {
        let mut d = Decoder::new();
        d.push(&EXTENDED);
        assert_eq!(d.next_unit(), Ok(Some(Frame::Error)));
        let frame = encode(&[0xD7, 0x2B, 0x00]);
        d.push(&frame[..3]);
        d.push(&frame[3..5]);
        assert_eq!(d.next_unit(), Ok(None));
        d.push(&frame[5..]);
        assert_eq!(d.next_unit(), Ok(Some(Frame::Data(vec![0xD7, 0x2B, 0x00]))));
    }

    #[test]
    fn checksums_are_checked() {
        let mut d = Decoder::new();
        let mut bad = encode(&hex("D7 2B 00"));
        bad[7] ^= 1;
        d.push(&bad);
        assert_eq!(d.next_unit(), Err(FrameError::LengthChecksum));
        let mut bad = encode(&hex("D7 2B 00"));
        bad[9] ^= 1;
        d.push(&bad);
        assert_eq!(d.next_unit(), Err(FrameError::DataChecksum));
        d.push(&hex("00 00 FF 01 FF 7F"));
        assert_eq!(d.next_unit(), Err(FrameError::Malformed));
        d.push(&hex("00 00 FF FF FF FF FF 02"));
        assert_eq!(d.next_unit(), Err(FrameError::TooLong));
    }
}
