//! The closed allow-list of card commands (docs/reader.md §3) and the card's answers.
//!
//! [`Command`] is the only way to name a card command. Its variants are exactly the rows A1–A3 (and A3b),
//! E1–E3, Q1–Q4, R and V of docs/reader.md §3: there is no constructor from raw bytes, no raw-APDU escape
//! hatch and no public field, so a PIN guess, a write or anything else that could lower a retry
//! counter cannot even be written down. The one variable command, READ BINARY, is built through
//! [`ReadBinary::new`], which refuses what the table does not allow.
//!
//! Bytes leave this module only as an [`EncodedApdu`], whose field is private and which only
//! [`Command::encode`] creates (docs/reader.md §3 rule 5c): the ISO-DEP and CCID layers take that type,
//! never a slice.

/// The applications the crate may select by DF name (docs/reader.md §2.1, rows A1–A3 and A3b).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Application {
    /// A1: 公的個人認証AP (JPKI AP): token, certificates, PINs `0018` and `001B`.
    Jpki,
    /// A2: 券面事項入力補助AP: selected only to ask for the counter of PIN `0011`.
    CardInfo,
    /// A3: 住基AP as docs/reader.md §2.1 names it, `…01 01 01 00`: selected only to ask for the counter of
    /// PIN `001C`. Unconfirmed on a real card: one open real-card explorer calls this DF a common DF.
    Residence,
    /// A3b: `…01 01 04 01`, where that explorer finds the 住基 PIN; tried only when SELECT of EF `001C`
    /// under A3 fails (§2.1). A SELECT by DF name like A1–A3; docs/reader.md §3's table has no row for it
    /// yet, though §2.1 puts it inside the allow-list (flagged in the note of issue 10).
    ResidenceAlternative,
}

impl Application {
    /// Every application, in the order of the read plan.
    pub const ALL: [Application; 4] =
        [Application::Jpki, Application::CardInfo, Application::Residence, Application::ResidenceAlternative];

    /// The application identifier (docs/reader.md §2.1).
    pub fn aid(self) -> [u8; 10] {
        match self {
            Application::Jpki => [0xD3, 0x92, 0xF0, 0x00, 0x26, 0x01, 0x00, 0x00, 0x00, 0x01],
            Application::CardInfo => [0xD3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x04, 0x08],
            Application::Residence => [0xD3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x01, 0x00],
            Application::ResidenceAlternative => [0xD3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x04, 0x01],
        }
    }
}

/// The data files of the JPKI AP the crate may select (rows E1–E3). The signature certificate
/// (`0001`), its CA (`0002`) and the key files have no identifier here on purpose (§3 rule 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DataFile {
    /// E1: EF `0006`, the token info.
    Token,
    /// E2: EF `000A`, the user-authentication certificate.
    UserCertificate,
    /// E3: EF `000B`, the CA certificate of the user-authentication certificate.
    UserCaCertificate,
}

impl DataFile {
    /// Every data file, in the order of the read plan.
    pub const ALL: [DataFile; 3] = [DataFile::Token, DataFile::UserCertificate, DataFile::UserCaCertificate];

    /// The file identifier.
    pub fn id(self) -> [u8; 2] {
        match self {
            DataFile::Token => [0x00, 0x06],
            DataFile::UserCertificate => [0x00, 0x0A],
            DataFile::UserCaCertificate => [0x00, 0x0B],
        }
    }
}

/// The four PINs whose retry counters are read (docs/reader.md §1). The names are the contract's
/// `pin_locked.pin` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Pin {
    /// 利用者証明用電子証明書の暗証番号, EF `0018` in the JPKI AP (Q1).
    User,
    /// 署名用電子証明書の暗証番号, EF `001B` in the JPKI AP (Q2).
    Signature,
    /// 券面事項入力補助用暗証番号, EF `0011` in the 券面事項入力補助AP (Q3).
    CardInfo,
    /// 住民基本台帳用暗証番号, EF `001C` in the 住基AP (Q4).
    Residence,
}

impl Pin {
    /// Every PIN, in the order of the read plan (steps 8–12).
    pub const ALL: [Pin; 4] = [Pin::User, Pin::Signature, Pin::CardInfo, Pin::Residence];

    /// The applications that may own the PIN, in the order they are tried: its VERIFY is sent only
    /// inside one of them (§3 rule 3). Only the 住基 PIN has two candidates (§2.1, unconfirmed).
    pub fn applications(self) -> &'static [Application] {
        match self {
            Pin::User | Pin::Signature => &[Application::Jpki],
            Pin::CardInfo => &[Application::CardInfo],
            Pin::Residence => &[Application::Residence, Application::ResidenceAlternative],
        }
    }

    /// Whether the way this PIN's counter is read has been confirmed on a real card. Not yet for the
    /// 住基 PIN: which of its two identifiers (§2.1) holds it is unsettled, so the page marks its
    /// counter as unconfirmed until a maintainer's recording with a real card settles it (§8.4).
    pub fn counter_confirmed(self) -> bool {
        !matches!(self, Pin::Residence)
    }

    /// The PIN file's identifier.
    pub fn file_id(self) -> [u8; 2] {
        match self {
            Pin::User => [0x00, 0x18],
            Pin::Signature => [0x00, 0x1B],
            Pin::CardInfo => [0x00, 0x11],
            Pin::Residence => [0x00, 0x1C],
        }
    }

    /// The contract's id (`docs/contract.md`, event `pin_locked`).
    pub fn id(self) -> &'static str {
        match self {
            Pin::User => "user",
            Pin::Signature => "signature",
            Pin::CardInfo => "card_info",
            Pin::Residence => "residence",
        }
    }
}

/// Row R: READ BINARY `00 B0 P1 P2 Le` with P1 ∈ `00`–`7F` (no short-EF addressing), P2 any and
/// Le ∈ `01`–`F0` (no `00`, no extended length). The fields are private: [`ReadBinary::new`] is the
/// only constructor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ReadBinary {
    offset: u16,
    len: u8,
}

impl ReadBinary {
    /// The largest offset: P1 = `7F`, P2 = `FF`.
    pub const MAX_OFFSET: u16 = 0x7FFF;
    /// The largest Le: `F0`, so that data and status word fit one I-block (docs/reader.md §2.2).
    pub const MAX_LEN: u8 = 0xF0;

    /// A READ BINARY of `len` bytes at `offset`, or `None` outside the allow-list.
    pub fn new(offset: u16, len: u8) -> Option<Self> {
        (offset <= Self::MAX_OFFSET && (1..=Self::MAX_LEN).contains(&len)).then_some(Self { offset, len })
    }

    /// The offset in the current EF.
    pub fn offset(self) -> u16 {
        self.offset
    }

    /// The number of bytes asked for (Le).
    pub fn len(self) -> u8 {
        self.len
    }

    /// Never true: Le is at least 1. Present because clippy asks for it next to `len`.
    pub fn is_empty(self) -> bool {
        self.len == 0
    }
}

/// Every card command the crate can construct (docs/reader.md §3). Nothing else can be sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Command {
    /// A1–A3, A3b: SELECT by DF name, P2 = `0C` (no FCI).
    SelectApplication(Application),
    /// E1–E3: SELECT EF under the current DF (P1 = `02`), no FCI.
    SelectFile(DataFile),
    /// Q1–Q4: SELECT the EF of a PIN, to ask for its counter next.
    SelectPin(Pin),
    /// R: READ BINARY.
    ReadBinary(ReadBinary),
    /// V: VERIFY with no data field, `00 20 00 80`: asks for the retry counter and does not use a try
    /// (ISO/IEC 7816-4). No variant can carry PIN digits.
    VerifyNoData,
}

/// The longest encoding: SELECT by DF name, 5 header bytes + 10 AID bytes.
const MAX_APDU: usize = 15;

/// The bytes of one allow-listed command. Only [`Command::encode`] creates one; the transports
/// take this type and never a byte slice (docs/reader.md §3 rule 5c).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct EncodedApdu {
    bytes: [u8; MAX_APDU],
    len: u8,
}

impl EncodedApdu {
    /// The command bytes.
    pub fn as_bytes(&self) -> &[u8] {
        self.bytes.get(..usize::from(self.len)).unwrap_or(&[])
    }

    fn from_parts(parts: &[&[u8]]) -> Self {
        let mut bytes = [0u8; MAX_APDU];
        let mut len = 0usize;
        for byte in parts.iter().flat_map(|part| part.iter()) {
            if let Some(slot) = bytes.get_mut(len) {
                *slot = *byte;
                len += 1;
            }
        }
        Self { bytes, len: u8::try_from(len).unwrap_or(0) }
    }
}

impl core::fmt::Debug for EncodedApdu {
    /// Hex, so a failing test shows the command; APDUs carry no personal data (no PIN can be encoded).
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        for (i, byte) in self.as_bytes().iter().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            write!(f, "{byte:02X}")?;
        }
        Ok(())
    }
}

impl Command {
    /// The exact bytes of docs/reader.md §3. Every command is a short APDU with CLA `00`.
    pub fn encode(self) -> EncodedApdu {
        match self {
            Command::SelectApplication(app) => EncodedApdu::from_parts(&[&[0x00, 0xA4, 0x04, 0x0C, 0x0A], &app.aid()]),
            Command::SelectFile(file) => EncodedApdu::from_parts(&[&[0x00, 0xA4, 0x02, 0x0C, 0x02], &file.id()]),
            Command::SelectPin(pin) => EncodedApdu::from_parts(&[&[0x00, 0xA4, 0x02, 0x0C, 0x02], &pin.file_id()]),
            Command::ReadBinary(read) => {
                let [p1, p2] = read.offset.to_be_bytes();
                EncodedApdu::from_parts(&[&[0x00, 0xB0, p1, p2, read.len]])
            }
            Command::VerifyNoData => EncodedApdu::from_parts(&[&[0x00, 0x20, 0x00, 0x80]]),
        }
    }
}

/// A status word (SW1 SW2) as a number, `0x9000` for success.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct StatusWord(pub u16);

/// What a status word means for the read plan (docs/reader.md §2.4).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SwClass {
    /// `90 00`.
    Success,
    /// `63 Cx`: x tries left (to VERIFY with no data); x = 0 is locked.
    TriesLeft(u8),
    /// `63 00`: no counter given.
    NoCounter,
    /// `69 83` / `69 84`: authentication method blocked, reference data not usable.
    Blocked,
    /// `6A 82`: file or application not found.
    NotFound,
    /// `62 82`: end of file before Le bytes.
    EndOfFile,
    /// `69 82` and everything else: an error whose code is the status word.
    Error,
}

impl StatusWord {
    /// Success.
    pub const OK: StatusWord = StatusWord(0x9000);

    /// The meaning of docs/reader.md §2.4.
    pub fn class(self) -> SwClass {
        match self.0 {
            0x9000 => SwClass::Success,
            0x6300 => SwClass::NoCounter,
            0x63C0..=0x63CF => SwClass::TriesLeft((self.0 & 0x0F) as u8),
            0x6983 | 0x6984 => SwClass::Blocked,
            0x6A82 => SwClass::NotFound,
            0x6282 => SwClass::EndOfFile,
            _ => SwClass::Error,
        }
    }
}

/// A card's answer: data and status word. Carries certificate bytes, so its `Debug` prints only
/// the length and the status word (docs/reader.md §9: no card data in a log).
#[derive(Clone, PartialEq, Eq)]
pub struct Response {
    data: Vec<u8>,
    sw: StatusWord,
}

impl core::fmt::Debug for Response {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Response").field("data_len", &self.data.len()).field("sw", &self.sw).finish()
    }
}

impl Response {
    /// Splits an R-APDU into data and the last two bytes, or `None` if it is shorter than a status word.
    pub fn parse(bytes: &[u8]) -> Option<Self> {
        let split = bytes.len().checked_sub(2)?;
        let (data, sw) = bytes.split_at_checked(split)?;
        let sw = match sw {
            [sw1, sw2] => u16::from_be_bytes([*sw1, *sw2]),
            _ => return None,
        };
        Some(Self { data: data.to_vec(), sw: StatusWord(sw) })
    }

    /// A response from its parts (the simulated card and tests build answers this way).
    pub fn new(data: Vec<u8>, sw: StatusWord) -> Self {
        Self { data, sw }
    }

    /// The data bytes.
    pub fn data(&self) -> &[u8] {
        &self.data
    }

    /// Takes the data bytes.
    pub fn into_data(self) -> Vec<u8> {
        self.data
    }

    /// The status word.
    pub fn sw(&self) -> StatusWord {
        self.sw
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(s: &str) -> Vec<u8> {
        s.split_whitespace().map(|b| u8::from_str_radix(b, 16).unwrap()).collect()
    }

    #[test]
    fn the_fixed_rows_of_the_allow_list() {
        let rows = [
            (Command::SelectApplication(Application::Jpki), "00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01"),
            (Command::SelectApplication(Application::CardInfo), "00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08"),
            (Command::SelectApplication(Application::Residence), "00 A4 04 0C 0A D3 92 10 00 31 00 01 01 01 00"),
            (
                Command::SelectApplication(Application::ResidenceAlternative),
                "00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 01",
            ),
            (Command::SelectFile(DataFile::Token), "00 A4 02 0C 02 00 06"),
            (Command::SelectFile(DataFile::UserCertificate), "00 A4 02 0C 02 00 0A"),
            (Command::SelectFile(DataFile::UserCaCertificate), "00 A4 02 0C 02 00 0B"),
            (Command::SelectPin(Pin::User), "00 A4 02 0C 02 00 18"),
            (Command::SelectPin(Pin::Signature), "00 A4 02 0C 02 00 1B"),
            (Command::SelectPin(Pin::CardInfo), "00 A4 02 0C 02 00 11"),
            (Command::SelectPin(Pin::Residence), "00 A4 02 0C 02 00 1C"),
            (Command::VerifyNoData, "00 20 00 80"),
        ];
        for (command, bytes) in rows {
            assert_eq!(command.encode().as_bytes(), hex(bytes).as_slice(), "{command:?}");
        }
    }

    #[test]
    fn read_binary_refuses_what_the_table_does_not_allow() {
        assert!(ReadBinary::new(0, 0).is_none());
        assert!(ReadBinary::new(0, 0xF1).is_none());
        assert!(ReadBinary::new(0x8000, 1).is_none());
        let read = ReadBinary::new(0x7FFF, 0xF0).unwrap();
        assert_eq!(Command::ReadBinary(read).encode().as_bytes(), &[0x00, 0xB0, 0x7F, 0xFF, 0xF0]);
    }

    #[test]
    fn status_words_of_section_2_4() {
        assert_eq!(StatusWord(0x9000).class(), SwClass::Success);
        assert_eq!(StatusWord(0x63C3).class(), SwClass::TriesLeft(3));
        assert_eq!(StatusWord(0x63C0).class(), SwClass::TriesLeft(0));
        assert_eq!(StatusWord(0x6300).class(), SwClass::NoCounter);
        assert_eq!(StatusWord(0x6983).class(), SwClass::Blocked);
        assert_eq!(StatusWord(0x6984).class(), SwClass::Blocked);
        assert_eq!(StatusWord(0x6A82).class(), SwClass::NotFound);
        assert_eq!(StatusWord(0x6282).class(), SwClass::EndOfFile);
        for other in [0x6982, 0x6700, 0x6A86, 0x6B00, 0x6C10, 0x6986, 0x6110, 0x6D00] {
            assert_eq!(StatusWord(other).class(), SwClass::Error, "{other:04X}");
        }
    }

    #[test]
    fn a_response_splits_off_its_status_word() {
        let r = Response::parse(&[1, 2, 0x90, 0x00]).unwrap();
        assert_eq!(r.data(), &[1, 2]);
        assert_eq!(r.sw(), StatusWord::OK);
        assert!(Response::parse(&[0x90]).is_none());
        assert_eq!(format!("{r:?}"), "Response { data_len: 2, sw: StatusWord(36864) }");
    }
}
