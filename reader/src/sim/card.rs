//! The simulated JPKI card (docs/reader.md §8.1): three applications, EFs with bytes, PIN EFs with
//! counters and maxima, the current DF and EF. It answers raw APDU bytes as a real card does and
//! records every one it receives, whatever they are.

use std::collections::BTreeMap;

use crate::apdu::{Application, Command, DataFile, Pin, Response, StatusWord};
use crate::certgen::{CertSpec, C, CN};
use crate::transport::{CardChannel, LinkError};

/// A PIN file: its counter, maximum, value and how it answers the empty VERIFY.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PinFile {
    /// Tries left.
    pub tries: u8,
    /// Tries after a correct entry.
    pub max: u8,
    /// The PIN (only a VERIFY with data, which the crate can never send, compares it).
    pub value: Vec<u8>,
    /// A status word the card gives to every VERIFY of this PIN instead of `63 Cx` (e.g. `69 84`).
    pub answer: Option<u16>,
}

impl PinFile {
    fn new(tries: u8, value: &[u8]) -> Self {
        Self { tries, max: tries, value: value.to_vec(), answer: None }
    }
}

/// One application of the card.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SimApplication {
    /// Its AID.
    pub aid: Vec<u8>,
    /// Data EFs by identifier.
    pub files: BTreeMap<[u8; 2], Vec<u8>>,
    /// PIN EFs by identifier.
    pub pins: BTreeMap<[u8; 2], PinFile>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Current {
    Data([u8; 2]),
    Pin([u8; 2]),
}

/// The signature certificate's EF: readable only after the signature PIN was verified.
const SIGNATURE_CERTIFICATE: [u8; 2] = [0x00, 0x01];

/// A simulated card.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SimCard {
    applications: Vec<SimApplication>,
    current_application: Option<usize>,
    current: Option<Current>,
    verified: Vec<(usize, [u8; 2])>,
    received: Vec<Vec<u8>>,
    answers: Vec<u16>,
    overrides: BTreeMap<usize, u16>,
    link_failure: Option<(usize, LinkError)>,
}

/// The 32 bytes of a token, padded with spaces.
pub fn token(text: &str) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    bytes.resize(32, b' ');
    bytes
}

impl SimCard {
    /// A current My Number Card: token `JPKIAPICCTOKEN2`, a generated user certificate and CA,
    /// the signature certificate behind its PIN, and the four PINs with 3, 5, 3 and 3 tries.
    pub fn my_number_card() -> Self {
        let signature_cert = CertSpec {
            subject: vec![(CN, "SIGNATURE HOLDER (made up)".to_owned()), (C, "JP".to_owned())],
            ..CertSpec::user()
        };
        let jpki = SimApplication {
            aid: Application::Jpki.aid().to_vec(),
            files: BTreeMap::from([
                (DataFile::Token.id(), token("JPKIAPICCTOKEN2")),
                (DataFile::UserCertificate.id(), CertSpec::user().build()),
                (DataFile::UserCaCertificate.id(), CertSpec::ca_2023().build()),
                (SIGNATURE_CERTIFICATE, signature_cert.build()),
                ([0x00, 0x02], CertSpec::ca_2023().build()),
            ]),
            pins: BTreeMap::from([
                (Pin::User.file_id(), PinFile::new(3, b"1234")),
                (Pin::Signature.file_id(), PinFile::new(5, b"ABC123")),
            ]),
        };
        let card_info = SimApplication {
            aid: Application::CardInfo.aid().to_vec(),
            files: BTreeMap::new(),
            pins: BTreeMap::from([(Pin::CardInfo.file_id(), PinFile::new(3, b"1234"))]),
        };
        // The 住基 PIN where one open real-card explorer finds it (docs/reader.md §2.1): under `…01 04 01`;
        // `…01 01 00`, the identifier §2.1 names first, is there too, as a DF without EF `001C` (the
        // explorer calls it a common DF). `with_residence_pin_in` moves the PIN for the other layout.
        let common = SimApplication {
            aid: Application::Residence.aid().to_vec(),
            files: BTreeMap::new(),
            pins: BTreeMap::new(),
        };
        let residence = SimApplication {
            aid: Application::ResidenceAlternative.aid().to_vec(),
            files: BTreeMap::new(),
            pins: BTreeMap::from([(Pin::Residence.file_id(), PinFile::new(3, b"1234"))]),
        };
        Self {
            applications: vec![jpki, card_info, common, residence],
            current_application: None,
            current: None,
            verified: Vec::new(),
            received: Vec::new(),
            answers: Vec::new(),
            overrides: BTreeMap::new(),
            link_failure: None,
        }
    }

    /// A Type B card with one application that is not JPKI.
    pub fn other_card() -> Self {
        let mut card = Self::my_number_card();
        card.applications = vec![SimApplication {
            aid: vec![0xA0, 0x00, 0x00, 0x02, 0x31, 0x01],
            files: BTreeMap::new(),
            pins: BTreeMap::new(),
        }];
        card
    }

    fn application_mut(&mut self, application: Application) -> Option<&mut SimApplication> {
        let aid = application.aid();
        self.applications.iter_mut().find(|a| a.aid == aid)
    }

    /// The application that holds `pin`'s EF, among those that may own it.
    fn pin_owner(&self, pin: Pin) -> Option<usize> {
        self.applications.iter().position(|app| {
            pin.applications().iter().any(|owner| owner.aid() == app.aid.as_slice())
                && app.pins.contains_key(&pin.file_id())
        })
    }

    fn pin_file_mut(&mut self, pin: Pin) -> Option<&mut PinFile> {
        let owner = self.pin_owner(pin)?;
        self.applications.get_mut(owner)?.pins.get_mut(&pin.file_id())
    }

    /// Moves the 住基 PIN's EF into `application` (`Residence` or `ResidenceAlternative`), for the two
    /// layouts of docs/reader.md §2.1; the other identifier stays a DF without it.
    pub fn with_residence_pin_in(mut self, application: Application) -> Self {
        let file = self
            .pin_owner(Pin::Residence)
            .and_then(|owner| self.applications.get_mut(owner))
            .and_then(|app| app.pins.remove(&Pin::Residence.file_id()));
        if let (Some(file), Some(app)) = (file, self.application_mut(application)) {
            app.pins.insert(Pin::Residence.file_id(), file);
        }
        self
    }

    /// Removes an application (a missing 住基AP, a next-generation layout without the JPKI AP).
    pub fn without_application(mut self, application: Application) -> Self {
        let aid = application.aid();
        self.applications.retain(|a| a.aid != aid);
        self
    }

    /// Sets the bytes of a data EF of the JPKI AP, or removes it with `None`.
    pub fn with_file(mut self, file: DataFile, bytes: Option<Vec<u8>>) -> Self {
        if let Some(jpki) = self.application_mut(Application::Jpki) {
            match bytes {
                Some(bytes) => jpki.files.insert(file.id(), bytes),
                None => jpki.files.remove(&file.id()),
            };
        }
        self
    }

    /// Sets a PIN's tries (and keeps its maximum), or removes its EF with `None`.
    pub fn with_pin(mut self, pin: Pin, tries: Option<u8>) -> Self {
        match tries {
            Some(tries) => {
                if let Some(file) = self.pin_file_mut(pin) {
                    file.tries = tries;
                }
            }
            None => {
                if let Some(app) = self.pin_owner(pin).and_then(|owner| self.applications.get_mut(owner)) {
                    app.pins.remove(&pin.file_id());
                }
            }
        }
        self
    }

    /// Makes every VERIFY of `pin` answer `sw` (e.g. `69 84`, `63 00`, `90 00`).
    pub fn with_pin_answer(mut self, pin: Pin, sw: u16) -> Self {
        if let Some(file) = self.pin_file_mut(pin) {
            file.answer = Some(sw);
        }
        self
    }

    /// Answers the `index`-th APDU (from 0) with `sw` and no data, whatever it is.
    pub fn with_sw_at(mut self, index: usize, sw: u16) -> Self {
        self.overrides.insert(index, sw);
        self
    }

    /// Makes [`CardChannel::transmit`] fail with `error` from the `index`-th APDU on.
    pub fn with_link_failure_at(mut self, index: usize, error: LinkError) -> Self {
        self.link_failure = Some((index, error));
        self
    }

    /// Every APDU received, in order.
    pub fn received(&self) -> &[Vec<u8>] {
        &self.received
    }

    /// The status word of each answer, parallel to [`SimCard::received`].
    pub fn answers(&self) -> &[u16] {
        &self.answers
    }

    /// The tries left of `pin`, if its EF exists.
    pub fn tries(&self, pin: Pin) -> Option<u8> {
        let app = self.applications.get(self.pin_owner(pin)?)?;
        app.pins.get(&pin.file_id()).map(|file| file.tries)
    }

    /// Every PIN counter, for the check that none ever changes.
    pub fn counters(&self) -> Vec<Option<u8>> {
        Pin::ALL.iter().map(|pin| self.tries(*pin)).collect()
    }

    /// Forgets the current DF and EF and all verifications: the card was powered again.
    pub fn reset(&mut self) {
        self.current_application = None;
        self.current = None;
        self.verified.clear();
    }

    /// Answers one command APDU with an R-APDU (data + SW).
    pub fn respond(&mut self, apdu: &[u8]) -> Vec<u8> {
        let index = self.received.len();
        self.received.push(apdu.to_vec());
        let (mut data, sw) = match self.overrides.get(&index) {
            Some(sw) => (Vec::new(), *sw),
            None => self.process(apdu),
        };
        self.answers.push(sw);
        data.extend_from_slice(&sw.to_be_bytes());
        data
    }

    fn process(&mut self, apdu: &[u8]) -> (Vec<u8>, u16) {
        match apdu {
            [cla, ..] if *cla != 0x00 => (Vec::new(), 0x6E00),
            [0x00, 0xA4, 0x04, 0x0C, lc, aid @ ..] if usize::from(*lc) == aid.len() => self.select_application(aid),
            [0x00, 0xA4, 0x02, 0x0C, 0x02, hi, lo] => self.select_file([*hi, *lo]),
            [0x00, 0xA4, ..] => (Vec::new(), 0x6A86),
            [0x00, 0xB0, p1, p2, le] => self.read_binary(*p1, *p2, *le),
            [0x00, 0x20, 0x00, 0x80] => self.verify(None),
            [0x00, 0x20, 0x00, 0x80, lc, pin @ ..] if usize::from(*lc) == pin.len() => self.verify(Some(pin)),
            [0x00, ins, ..] if [0xB0, 0x20].contains(ins) => (Vec::new(), 0x6700),
            _ => (Vec::new(), 0x6D00),
        }
    }

    fn select_application(&mut self, aid: &[u8]) -> (Vec<u8>, u16) {
        match self.applications.iter().position(|a| a.aid == aid) {
            Some(index) => {
                self.current_application = Some(index);
                self.current = None;
                (Vec::new(), 0x9000)
            }
            None => (Vec::new(), 0x6A82),
        }
    }

    fn select_file(&mut self, id: [u8; 2]) -> (Vec<u8>, u16) {
        let Some(app) = self.current_application.and_then(|i| self.applications.get(i)) else {
            return (Vec::new(), 0x6A82);
        };
        if app.files.contains_key(&id) {
            self.current = Some(Current::Data(id));
            (Vec::new(), 0x9000)
        } else if app.pins.contains_key(&id) {
            self.current = Some(Current::Pin(id));
            (Vec::new(), 0x9000)
        } else {
            (Vec::new(), 0x6A82)
        }
    }

    fn read_binary(&mut self, p1: u8, p2: u8, le: u8) -> (Vec<u8>, u16) {
        if p1 & 0x80 != 0 {
            return (Vec::new(), 0x6A86);
        }
        let (Some(app_index), Some(Current::Data(id))) = (self.current_application, self.current) else {
            return (Vec::new(), 0x6986);
        };
        if id == SIGNATURE_CERTIFICATE && !self.verified.contains(&(app_index, Pin::Signature.file_id())) {
            return (Vec::new(), 0x6982);
        }
        let Some(bytes) = self.applications.get(app_index).and_then(|app| app.files.get(&id)) else {
            return (Vec::new(), 0x6986);
        };
        let offset = usize::from(u16::from_be_bytes([p1, p2]));
        let want = if le == 0 { 256 } else { usize::from(le) };
        match bytes.get(offset..) {
            Some(rest) if !rest.is_empty() && rest.len() >= want => (rest.get(..want).unwrap_or(rest).to_vec(), 0x9000),
            Some(rest) if !rest.is_empty() => (rest.to_vec(), 0x6282),
            Some(_) | None => (Vec::new(), 0x6B00),
        }
    }

    fn verify(&mut self, pin: Option<&[u8]>) -> (Vec<u8>, u16) {
        let (Some(app_index), Some(Current::Pin(id))) = (self.current_application, self.current) else {
            return (Vec::new(), 0x6986);
        };
        let Some(file) = self.applications.get_mut(app_index).and_then(|app| app.pins.get_mut(&id)) else {
            return (Vec::new(), 0x6986);
        };
        if let Some(sw) = file.answer {
            return (Vec::new(), sw);
        }
        match pin {
            // The empty VERIFY: the counter, never a try used (ISO/IEC 7816-4).
            None => (Vec::new(), 0x63C0 | u16::from(file.tries.min(15))),
            Some(_) if file.tries == 0 => (Vec::new(), 0x6983),
            // What the crate must never do: a wrong PIN lowers the counter, a right one resets it.
            Some(guess) if guess == file.value.as_slice() => {
                file.tries = file.max;
                self.verified.push((app_index, id));
                (Vec::new(), 0x9000)
            }
            Some(_) => {
                file.tries = file.tries.saturating_sub(1);
                (Vec::new(), 0x63C0 | u16::from(file.tries.min(15)))
            }
        }
    }
}

impl CardChannel for SimCard {
    async fn transmit(&mut self, command: Command) -> Result<Response, LinkError> {
        if let Some((index, error)) = self.link_failure {
            if self.received.len() >= index {
                return Err(error);
            }
        }
        let answer = self.respond(command.encode().as_bytes());
        Response::parse(&answer).ok_or(LinkError::Fault(crate::transport::Fault::Response))
    }
}

/// `63 C0 | n` as a status word, for tests.
pub fn tries_sw(n: u8) -> StatusWord {
    StatusWord(0x63C0 | u16::from(n & 0x0F))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn models_what_the_crate_must_never_do() {
        let mut card = SimCard::my_number_card();
        assert_eq!(card.respond(Command::SelectApplication(Application::Jpki).encode().as_bytes()), [0x90, 0x00]);
        // The signature certificate without its PIN.
        assert_eq!(card.respond(&[0x00, 0xA4, 0x02, 0x0C, 0x02, 0x00, 0x01]), [0x90, 0x00]);
        assert_eq!(card.respond(&[0x00, 0xB0, 0x00, 0x00, 0x04]), [0x69, 0x82]);
        // The empty VERIFY does not use a try; a wrong PIN does; the right one resets.
        assert_eq!(card.respond(&[0x00, 0xA4, 0x02, 0x0C, 0x02, 0x00, 0x1B]), [0x90, 0x00]);
        assert_eq!(card.respond(&[0x00, 0x20, 0x00, 0x80]), [0x63, 0xC5]);
        assert_eq!(card.respond(&[0x00, 0x20, 0x00, 0x80]), [0x63, 0xC5]);
        assert_eq!(card.respond(&[0x00, 0x20, 0x00, 0x80, 0x02, b'X', b'Y']), [0x63, 0xC4]);
        assert_eq!(card.tries(Pin::Signature), Some(4));
        assert_eq!(card.respond(&[0x00, 0x20, 0x00, 0x80, 0x06, b'A', b'B', b'C', b'1', b'2', b'3']), [0x90, 0x00]);
        assert_eq!(card.tries(Pin::Signature), Some(5));
        assert_eq!(card.respond(&[0x00, 0xA4, 0x02, 0x0C, 0x02, 0x00, 0x01]), [0x90, 0x00]);
        assert_eq!(card.respond(&[0x00, 0xB0, 0x00, 0x00, 0x02]), [0x30, 0x82, 0x90, 0x00]);
        assert_eq!(card.received().len(), 10);
    }

    #[test]
    fn reads_past_the_end_and_without_a_current_ef() {
        let mut card = SimCard::my_number_card();
        card.respond(Command::SelectApplication(Application::Jpki).encode().as_bytes());
        assert_eq!(card.respond(&[0x00, 0xB0, 0x00, 0x00, 0x04]), [0x69, 0x86]);
        card.respond(Command::SelectFile(DataFile::Token).encode().as_bytes());
        let mut expected = token("JPKIAPICCTOKEN2").get(30..).unwrap().to_vec();
        expected.extend_from_slice(&[0x62, 0x82]);
        assert_eq!(card.respond(&[0x00, 0xB0, 0x00, 0x1E, 0x04]), expected);
        assert_eq!(card.respond(&[0x00, 0xB0, 0x00, 0x20, 0x04]), [0x6B, 0x00]);
        assert_eq!(card.respond(&[0x00, 0xA4, 0x02, 0x0C, 0x02, 0x00, 0x99]), [0x6A, 0x82]);
        assert_eq!(card.respond(&[0x00, 0xA4, 0x04, 0x0C, 0x02, 0x01, 0x02]), [0x6A, 0x82]);
    }
}
