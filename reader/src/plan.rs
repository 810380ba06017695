//! The read plan of docs/reader.md §2.2 over any [`CardChannel`].
//!
//! Steps 1–6 are essential; a failure in steps 7–12 leaves only that item unknown and adds a
//! [`Note`]. Every command passes the ordering rules of §3 ([`Sequence`]) before it is sent, and a
//! failed command is never retried (§3 rule 2). Between two exchanges the plan asks `interrupt`
//! whether Cancel was pressed or the whole-read limit has passed (§6).

use crate::apdu::{Application, Command, DataFile, Pin, ReadBinary, Response, StatusWord, SwClass};
use crate::cert::{self, Certificate};
use crate::jst::date_in_japan;
use crate::order::Sequence;
use crate::reading::{CaCertificate, CardReading, Issuer, Note, PinCounters, Tries, UserCertificate};
use crate::state::{FailureCode, ReadError, WrongCard};
use crate::token::{parse_token, TokenKind};
use crate::transport::{CardChannel, LinkError};
use chrono::Datelike;

/// The municipality profile's switches that reach the plan (docs/reader.md §1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// `reader.query_pin_tries`: ask for the four retry counters (default `true`).
    pub query_pin_tries: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self { query_pin_tries: true }
    }
}

/// Why the plan stops between two exchanges.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Interrupt {
    /// The citizen pressed Cancel.
    Cancelled,
    /// A limit of §6 passed (the whole read, 30 s).
    TimedOut,
}

/// The longest certificate read (§2.2): at most 35 chunk reads.
pub const MAX_CERTIFICATE_LEN: usize = 8192;
/// The chunk size (§2.2): 240 data bytes and the status word fit one I-block.
const CHUNK: usize = ReadBinary::MAX_LEN as usize;

/// Runs the read plan and returns what was read, or the failure state.
pub async fn read_card<C: CardChannel>(
    channel: &mut C,
    options: Options,
    interrupt: &dyn Fn() -> Option<Interrupt>,
) -> Result<CardReading, ReadError> {
    let mut plan = Plan {
        channel,
        sequence: Sequence::new(),
        pins: PinCounters::default(),
        residence_application: None,
        interrupt,
    };

    // Steps 1–3: is this a My Number Card?
    let selected = plan.send(Command::SelectApplication(Application::Jpki)).await?;
    match selected.sw().class() {
        SwClass::Success => {}
        SwClass::NotFound => return Err(ReadError::WrongCard(WrongCard::NoJpkiApplication)),
        SwClass::TriesLeft(_) | SwClass::NoCounter | SwClass::Blocked | SwClass::EndOfFile | SwClass::Error => {
            return Err(ReadError::Unknown(FailureCode::Sw(selected.sw())))
        }
    }
    if plan.send(Command::SelectFile(DataFile::Token)).await?.sw().class() != SwClass::Success {
        return Err(ReadError::WrongCard(WrongCard::NoTokenFile));
    }
    let token = plan.read(0, 32).await?;
    match token.sw().class() {
        SwClass::Success | SwClass::EndOfFile => {}
        SwClass::TriesLeft(_) | SwClass::NoCounter | SwClass::Blocked | SwClass::NotFound | SwClass::Error => {
            return Err(ReadError::Unknown(FailureCode::Sw(token.sw())))
        }
    }
    let kind = parse_token(token.data());
    if kind != TokenKind::MyNumberCard {
        return Err(ReadError::WrongCard(WrongCard::Token(kind)));
    }

    // Steps 4–6: the user certificate; "none on the card" is a result.
    let user = match plan.read_certificate(DataFile::UserCertificate).await? {
        Ok(Some(bytes)) => {
            let parsed = cert::parse(&bytes).map_err(|_| ReadError::Unknown(FailureCode::Certificate))?;
            if !parsed.issuer.is_jpki_user_authentication() {
                return Err(ReadError::WrongCard(WrongCard::IssuerNotJpki));
            }
            Some(parsed)
        }
        Ok(None) => None,
        Err(code) => return Err(ReadError::Unknown(code)),
    };

    // Step 7: the CA certificate, shown as unknown on any failure but a mismatch (§2.3).
    let mut notes = Vec::new();
    let ca = match plan.read_certificate(DataFile::UserCaCertificate).await? {
        Ok(Some(bytes)) => match cert::parse(&bytes) {
            Ok(ca) => Some(ca),
            Err(_) => {
                notes.push(Note::CaCertificate(FailureCode::Certificate));
                None
            }
        },
        Ok(None) => {
            notes.push(Note::CaCertificate(FailureCode::CertificateAbsent));
            None
        }
        Err(code) => {
            notes.push(Note::CaCertificate(code));
            None
        }
    };
    if let (Some(user), Some(ca)) = (&user, &ca) {
        if ca.subject_der.expose() != &user.issuer_der {
            return Err(ReadError::Unknown(FailureCode::IssuerMismatch));
        }
    }

    // Steps 8–12: the retry counters.
    if options.query_pin_tries {
        for pin in Pin::ALL {
            plan.pin_counter(pin, &mut notes).await?;
        }
    }

    Ok(CardReading {
        token: kind,
        user_certificate: user.as_ref().map(user_summary),
        ca_certificate: ca.as_ref().map(ca_summary),
        pins: plan.pins,
        residence_application: plan.residence_application,
        notes,
    })
}

fn user_summary(cert: &Certificate) -> UserCertificate {
    UserCertificate {
        issued_on: date_in_japan(cert.not_before),
        expires_on: date_in_japan(cert.not_after),
        issuer: Issuer::Jlis,
    }
}

fn ca_summary(cert: &Certificate) -> CaCertificate {
    let valid_from = date_in_japan(cert.not_before);
    CaCertificate { generation: valid_from.year(), valid_from, valid_until: date_in_japan(cert.not_after) }
}

/// The total length of a DER certificate from its first four bytes (§2.2), or why not.
pub fn certificate_length(header: &[u8]) -> Result<usize, FailureCode> {
    let total = match header {
        [0x30, len @ 0x00..=0x7F, ..] => usize::from(*len) + 2,
        [0x30, 0x81, len, ..] => usize::from(*len) + 3,
        [0x30, 0x82, hi, lo, ..] => usize::from(u16::from_be_bytes([*hi, *lo])) + 4,
        _ => return Err(FailureCode::CertificateLength),
    };
    if total > MAX_CERTIFICATE_LEN {
        Err(FailureCode::CertificateTooLong)
    } else {
        Ok(total)
    }
}

struct Plan<'a, C> {
    channel: &'a mut C,
    sequence: Sequence,
    pins: PinCounters,
    /// Which identifier of the 住基AP held EF `001C` (§2.1), once known.
    residence_application: Option<Application>,
    interrupt: &'a dyn Fn() -> Option<Interrupt>,
}

impl<C: CardChannel> Plan<'_, C> {
    /// Sends one command after the ordering check; link failures end the read.
    async fn send(&mut self, command: Command) -> Result<Response, ReadError> {
        match (self.interrupt)() {
            Some(Interrupt::Cancelled) => return Err(ReadError::Cancelled),
            Some(Interrupt::TimedOut) => return Err(ReadError::Timeout),
            None => {}
        }
        if !self.sequence.permits(command) {
            return Err(ReadError::Unknown(FailureCode::Order));
        }
        let response = self.channel.transmit(command).await.map_err(|error| match error {
            LinkError::Timeout => ReadError::Timeout,
            LinkError::Disconnected => ReadError::ReaderDisconnected,
            LinkError::CardRemoved => ReadError::CardRemoved { pins: self.pins },
            LinkError::Fault(fault) => ReadError::Unknown(FailureCode::Link(fault)),
        })?;
        self.sequence.record(command, response.sw().class());
        Ok(response)
    }

    /// READ BINARY of `len` bytes at `offset`; the answer must not be longer than asked.
    async fn read(&mut self, offset: usize, len: usize) -> Result<Response, ReadError> {
        let read = u16::try_from(offset)
            .ok()
            .zip(u8::try_from(len).ok())
            .and_then(|(offset, len)| ReadBinary::new(offset, len))
            .ok_or(ReadError::Unknown(FailureCode::CertificateLength))?;
        let response = self.send(Command::ReadBinary(read)).await?;
        if response.data().len() > len {
            return Err(ReadError::Unknown(FailureCode::ResponseLength));
        }
        Ok(response)
    }

    /// Steps 4–6 (or 7) for `file`: `Ok(None)` when the file is missing or holds no certificate,
    /// `Err(code)` for an item failure; the outer error ends the read.
    async fn read_certificate(&mut self, file: DataFile) -> Result<Result<Option<Vec<u8>>, FailureCode>, ReadError> {
        let selected = self.send(Command::SelectFile(file)).await?;
        match selected.sw().class() {
            SwClass::Success => {}
            SwClass::NotFound => return Ok(Ok(None)),
            SwClass::TriesLeft(_) | SwClass::NoCounter | SwClass::Blocked | SwClass::EndOfFile | SwClass::Error => {
                return Ok(Err(FailureCode::Sw(selected.sw())))
            }
        }
        let header = self.read(0, 4).await?;
        let mut end_of_file = match header.sw().class() {
            SwClass::Success => false,
            SwClass::EndOfFile => true,
            // An EF with no bytes at all answers "offset beyond the file" at offset 0. The spec
            // does not say what EF 000A holds when no certificate was issued (§10.5): an empty
            // file is read as "no certificate", like `00`/`FF` padding.
            SwClass::Error if header.sw().0 == 0x6B00 => return Ok(Ok(None)),
            SwClass::TriesLeft(_) | SwClass::NoCounter | SwClass::Blocked | SwClass::NotFound | SwClass::Error => {
                return Ok(Err(FailureCode::Sw(header.sw())))
            }
        };
        let mut bytes = header.into_data();
        if bytes.first() != Some(&0x30) {
            return Ok(Ok(None));
        }
        if !end_of_file && bytes.len() != 4 {
            return Ok(Err(FailureCode::ResponseLength));
        }
        let total = match certificate_length(&bytes) {
            Ok(total) => total,
            Err(code) => return Ok(Err(code)),
        };
        while bytes.len() < total && !end_of_file {
            let want = (total - bytes.len()).min(CHUNK);
            let chunk = self.read(bytes.len(), want).await?;
            match chunk.sw().class() {
                SwClass::Success if chunk.data().len() == want => {}
                SwClass::Success => return Ok(Err(FailureCode::ResponseLength)),
                SwClass::EndOfFile => end_of_file = true,
                SwClass::TriesLeft(_) | SwClass::NoCounter | SwClass::Blocked | SwClass::NotFound | SwClass::Error => {
                    return Ok(Err(FailureCode::Sw(chunk.sw())))
                }
            }
            bytes.extend_from_slice(chunk.data());
        }
        if bytes.len() < total {
            // `62 82` before the total: the file is shorter than its header says (§2.2).
            return Ok(Err(FailureCode::Sw(StatusWord(0x6282))));
        }
        bytes.truncate(total);
        Ok(Ok(Some(bytes)))
    }

    /// Steps 8–12 for one PIN: SELECT its application when it is not current, SELECT its EF, and
    /// VERIFY with no data only if that answered `90 00` (§3 rule 3). The 住基 PIN has two candidate
    /// applications (§2.1): when the SELECT of the first, or of EF `001C` under it, fails, the second
    /// is tried the same way. (§2.1 names only the EF's SELECT; a DF that does not answer cannot hold
    /// the EF either, so its failure counts the same.) A VERIFY answer ends the step whatever it says:
    /// never a second VERIFY of one PIN.
    async fn pin_counter(&mut self, pin: Pin, notes: &mut Vec<Note>) -> Result<(), ReadError> {
        let mut failure = None;
        for application in pin.applications() {
            match self.pin_file_in(pin, *application).await? {
                Ok(()) => {
                    if pin == Pin::Residence {
                        self.residence_application = Some(*application);
                    }
                    return self.verify(pin, notes).await;
                }
                Err(sw) => failure = Some(sw),
            }
        }
        if let Some(sw) = failure {
            notes.push(Note::PinCounter(pin, FailureCode::Sw(sw)));
        }
        Ok(())
    }

    /// SELECT `application` (unless it is current) and then the PIN's EF; `Err` with the status word
    /// of the SELECT that failed.
    async fn pin_file_in(&mut self, pin: Pin, application: Application) -> Result<Result<(), StatusWord>, ReadError> {
        if self.sequence.application() != Some(application) {
            let selected = self.send(Command::SelectApplication(application)).await?;
            if selected.sw().class() != SwClass::Success {
                return Ok(Err(selected.sw()));
            }
        }
        let selected = self.send(Command::SelectPin(pin)).await?;
        Ok(if selected.sw().class() == SwClass::Success { Ok(()) } else { Err(selected.sw()) })
    }

    /// The VERIFY with no data, straight after the PIN's EF answered `90 00`.
    async fn verify(&mut self, pin: Pin, notes: &mut Vec<Note>) -> Result<(), ReadError> {
        let answer = self.send(Command::VerifyNoData).await?;
        let tries = match answer.sw().class() {
            SwClass::TriesLeft(0) | SwClass::Blocked => Tries::Locked,
            SwClass::TriesLeft(n) => Tries::Left(n),
            SwClass::Success => Tries::NotLockedCountUnknown,
            SwClass::NoCounter | SwClass::NotFound | SwClass::EndOfFile | SwClass::Error => {
                notes.push(Note::PinCounter(pin, FailureCode::Sw(answer.sw())));
                Tries::Unknown
            }
        };
        self.pins.set(pin, tries);
        Ok(())
    }
}
