//! The states of docs/reader.md §7 as ids, and the typed failure of a read. No prose: the app words
//! each id in its language files (docs/design.md §1.1 invariant 7).

use crate::apdu::StatusWord;
use crate::reading::PinCounters;
use crate::token::TokenKind;
use crate::transport::Fault;

/// Every state of docs/reader.md §7. The first four and `idle` belong to the app's bridge; the crate
/// produces the others.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum State {
    UnsupportedBrowser,
    BlockedByEmbedding,
    Idle,
    NoDeviceChosen,
    DeviceUnavailable,
    WaitingForCard,
    NoCard,
    WrongCard,
    Reading,
    Done,
    CardRemoved,
    PinLocked,
    FewTriesLeft,
    NoUserCertificate,
    Timeout,
    ReaderDisconnected,
    Cancelled,
    UnknownError,
}

impl State {
    /// Every state, in the order of the table.
    pub const ALL: [State; 18] = [
        State::UnsupportedBrowser,
        State::BlockedByEmbedding,
        State::Idle,
        State::NoDeviceChosen,
        State::DeviceUnavailable,
        State::WaitingForCard,
        State::NoCard,
        State::WrongCard,
        State::Reading,
        State::Done,
        State::CardRemoved,
        State::PinLocked,
        State::FewTriesLeft,
        State::NoUserCertificate,
        State::Timeout,
        State::ReaderDisconnected,
        State::Cancelled,
        State::UnknownError,
    ];

    /// The id of docs/reader.md §7, the key of the app's text.
    pub fn id(self) -> &'static str {
        match self {
            State::UnsupportedBrowser => "unsupported_browser",
            State::BlockedByEmbedding => "blocked_by_embedding",
            State::Idle => "idle",
            State::NoDeviceChosen => "no_device_chosen",
            State::DeviceUnavailable => "device_unavailable",
            State::WaitingForCard => "waiting_for_card",
            State::NoCard => "no_card",
            State::WrongCard => "wrong_card",
            State::Reading => "reading",
            State::Done => "done",
            State::CardRemoved => "card_removed",
            State::PinLocked => "pin_locked",
            State::FewTriesLeft => "few_tries_left",
            State::NoUserCertificate => "no_user_certificate",
            State::Timeout => "timeout",
            State::ReaderDisconnected => "reader_disconnected",
            State::Cancelled => "cancelled",
            State::UnknownError => "unknown_error",
        }
    }
}

/// Why a card is not read as a My Number Card (`wrong_card`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WrongCard {
    /// SELECT of the JPKI AP answered `6A 82` (another Type B card, or a next-generation layout).
    NoJpkiApplication,
    /// SELECT of EF `0006` failed.
    NoTokenFile,
    /// The token is not `JPKIAPICCTOKEN2`.
    Token(TokenKind),
    /// The user certificate's issuer is not JPKI's user-authentication CA (§2.3).
    IssuerNotJpki,
}

/// The short code shown with `unknown_error` (`SW 6A86`, `RF 0x04`, `issuer_mismatch`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailureCode {
    /// A status word outside what the step accepts (§2.4).
    Sw(StatusWord),
    /// A fault below the card commands.
    Link(Fault),
    /// The CA certificate's subject is not the user certificate's issuer (§2.3).
    IssuerMismatch,
    /// A certificate header with an indefinite or too long length form (§2.2).
    CertificateLength,
    /// A certificate longer than 8,192 bytes (§2.2).
    CertificateTooLong,
    /// Certificate bytes that the DER walk cannot read (§4.4).
    Certificate,
    /// A READ BINARY answer with more bytes than asked for, or fewer with `90 00`.
    ResponseLength,
    /// The CA certificate's file is empty or holds no certificate.
    CertificateAbsent,
    /// A command the ordering rules of §3 refuse; never expected (a bug in the plan).
    Order,
}

impl FailureCode {
    /// The code as shown: `SW 6A86`, `RF 0x04`, `issuer_mismatch`, …
    pub fn code(&self) -> String {
        let mut out = String::new();
        match self {
            FailureCode::Sw(sw) => {
                out.push_str("SW ");
                push_hex(&mut out, &sw.0.to_be_bytes());
            }
            FailureCode::Link(Fault::Rf(flags)) => {
                out.push_str("RF 0x");
                let bytes = flags.to_be_bytes();
                let first = bytes.iter().position(|b| *b != 0).unwrap_or(3);
                push_hex(&mut out, bytes.get(first..).unwrap_or(&[]));
            }
            FailureCode::Link(Fault::ReaderStatus(status)) => {
                out.push_str("reader 0x");
                push_hex(&mut out, &[*status]);
            }
            FailureCode::Link(Fault::Ccid(error)) => {
                out.push_str("ccid 0x");
                push_hex(&mut out, &[*error]);
            }
            FailureCode::Link(Fault::Frame) => out.push_str("usb_frame"),
            FailureCode::Link(Fault::IsoDep) => out.push_str("iso_dep"),
            FailureCode::Link(Fault::Usb) => out.push_str("usb"),
            FailureCode::Link(Fault::Response) => out.push_str("response"),
            FailureCode::IssuerMismatch => out.push_str("issuer_mismatch"),
            FailureCode::CertificateLength => out.push_str("certificate_length"),
            FailureCode::CertificateTooLong => out.push_str("certificate_too_long"),
            FailureCode::Certificate => out.push_str("certificate"),
            FailureCode::ResponseLength => out.push_str("response_length"),
            FailureCode::CertificateAbsent => out.push_str("certificate_absent"),
            FailureCode::Order => out.push_str("order"),
        }
        out
    }
}

fn push_hex(out: &mut String, bytes: &[u8]) {
    const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
    for byte in bytes {
        for nibble in [byte >> 4, byte & 0x0F] {
            out.push(char::from(DIGITS.get(usize::from(nibble)).copied().unwrap_or(b'0')));
        }
    }
}

/// A read that did not reach `done`: one failure state of docs/reader.md §7 each.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    /// No card answered while waiting (`no_card`).
    NoCard,
    /// Not a My Number Card (`wrong_card`).
    WrongCard(WrongCard),
    /// The card left after activation (`card_removed`). Only the counters already read are kept (§6).
    CardRemoved {
        /// The PIN counters read before the card left; the rest are unknown.
        pins: PinCounters,
    },
    /// A limit of §6 passed (`timeout`).
    Timeout,
    /// The reader was unplugged (`reader_disconnected`).
    ReaderDisconnected,
    /// The citizen pressed Cancel (`cancelled`).
    Cancelled,
    /// Anything else (`unknown_error`), with its code.
    Unknown(FailureCode),
}

impl ReadError {
    /// The state of docs/reader.md §7.
    pub fn state(&self) -> State {
        match self {
            ReadError::NoCard => State::NoCard,
            ReadError::WrongCard(_) => State::WrongCard,
            ReadError::CardRemoved { .. } => State::CardRemoved,
            ReadError::Timeout => State::Timeout,
            ReadError::ReaderDisconnected => State::ReaderDisconnected,
            ReadError::Cancelled => State::Cancelled,
            ReadError::Unknown(_) => State::UnknownError,
        }
    }

    /// The code shown with `unknown_error`, if this is one.
    pub fn code(&self) -> Option<String> {
        match self {
            ReadError::Unknown(code) => Some(code.code()),
            ReadError::NoCard
            | ReadError::WrongCard(_)
            | ReadError::CardRemoved { .. }
            | ReadError::Timeout
            | ReadError::ReaderDisconnected
            | ReadError::Cancelled => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_the_table_of_section_7() {
        let ids: Vec<&str> = State::ALL.iter().map(|s| s.id()).collect();
        assert_eq!(
            ids,
            [
                "unsupported_browser",
                "blocked_by_embedding",
                "idle",
                "no_device_chosen",
                "device_unavailable",
                "waiting_for_card",
                "no_card",
                "wrong_card",
                "reading",
                "done",
                "card_removed",
                "pin_locked",
                "few_tries_left",
                "no_user_certificate",
                "timeout",
                "reader_disconnected",
                "cancelled",
                "unknown_error",
            ]
        );
    }

    #[test]
    fn codes_as_the_spec_writes_them() {
        assert_eq!(FailureCode::Sw(StatusWord(0x6A86)).code(), "SW 6A86");
        assert_eq!(FailureCode::Link(Fault::Rf(0x04)).code(), "RF 0x04");
        assert_eq!(FailureCode::Link(Fault::Rf(0x0100_0000)).code(), "RF 0x01000000");
        assert_eq!(FailureCode::Link(Fault::Rf(0)).code(), "RF 0x00");
        assert_eq!(FailureCode::IssuerMismatch.code(), "issuer_mismatch");
        assert_eq!(ReadError::Unknown(FailureCode::Link(Fault::Ccid(0xFE))).code().as_deref(), Some("ccid 0xFE"));
        assert_eq!(ReadError::Timeout.code(), None);
        assert_eq!(ReadError::Timeout.state().id(), "timeout");
    }
}
