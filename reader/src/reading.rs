//! What a successful read produces (docs/reader.md §6 `CardReading`): no serial, no subject, no raw
//! bytes. It is dropped when the citizen leaves the page (§9).

use chrono::NaiveDate;

use crate::apdu::{Application, Pin};
use crate::state::{FailureCode, State};
use crate::token::TokenKind;

/// The remaining tries of one PIN (docs/reader.md §2.4). No maximum is assumed (§1): the number is
/// the card's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tries {
    /// `63 Cx`, x ≥ 1.
    Left(u8),
    /// `63 C0`, `69 83` or `69 84`.
    Locked,
    /// `90 00` to the empty VERIFY: not locked, count not given.
    NotLockedCountUnknown,
    /// Not asked, or the card did not say.
    Unknown,
}

/// The four counters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PinCounters {
    user: Tries,
    signature: Tries,
    card_info: Tries,
    residence: Tries,
}

impl Default for PinCounters {
    fn default() -> Self {
        Self { user: Tries::Unknown, signature: Tries::Unknown, card_info: Tries::Unknown, residence: Tries::Unknown }
    }
}

impl PinCounters {
    /// The counter of `pin`.
    pub fn get(&self, pin: Pin) -> Tries {
        match pin {
            Pin::User => self.user,
            Pin::Signature => self.signature,
            Pin::CardInfo => self.card_info,
            Pin::Residence => self.residence,
        }
    }

    /// Sets the counter of `pin`.
    pub fn set(&mut self, pin: Pin, tries: Tries) {
        match pin {
            Pin::User => self.user = tries,
            Pin::Signature => self.signature = tries,
            Pin::CardInfo => self.card_info = tries,
            Pin::Residence => self.residence = tries,
        }
    }

    /// The PINs whose counter says locked, in the order of [`Pin::ALL`].
    pub fn locked(&self) -> Vec<Pin> {
        Pin::ALL.into_iter().filter(|pin| self.get(*pin) == Tries::Locked).collect()
    }
}

/// The organisation of the user certificate's issuer. Only J-LIS passes the check of §2.3; the
/// app shows it as 「地方公共団体情報システム機構 (J-LIS)」.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Issuer {
    /// `O=JPKI`, `OU=JPKI for user authentication`.
    Jlis,
}

impl Issuer {
    /// The id the app words.
    pub fn id(self) -> &'static str {
        match self {
            Issuer::Jlis => "jlis",
        }
    }
}

/// The user-authentication certificate's dates, in Japan (docs/reader.md §4.1, §4.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UserCertificate {
    /// `notBefore` as a JST date: `user_certificate.issued_on`.
    pub issued_on: NaiveDate,
    /// `notAfter` as a JST date: `user_certificate.expires_on`.
    pub expires_on: NaiveDate,
    /// The issuer's organisation.
    pub issuer: Issuer,
}

/// The CA certificate, for the "details" view: its generation is the JST year of `notBefore`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CaCertificate {
    /// The CA generation (today 2015 or 2023).
    pub generation: i32,
    /// `notBefore` in JST.
    pub valid_from: NaiveDate,
    /// `notAfter` in JST.
    pub valid_until: NaiveDate,
}

/// Something read in steps 7–12 that stayed unknown, and why (docs/reader.md §2.2: a failure there
/// leaves only that item unknown).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Note {
    /// The CA certificate is shown as unknown.
    CaCertificate(FailureCode),
    /// The counter of a PIN is unknown.
    PinCounter(Pin, FailureCode),
}

/// A message shown inside `done` (docs/reader.md §7).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    /// `pin_locked`: the PIN's counter is 0, or the card answered `69 83`/`69 84`.
    PinLocked(Pin),
    /// `few_tries_left`: 1 or 2 tries left.
    FewTriesLeft(Pin, u8),
    /// `no_user_certificate`: EF `000A` absent or empty.
    NoUserCertificate,
}

impl Notice {
    /// The state of docs/reader.md §7.
    pub fn state(self) -> State {
        match self {
            Notice::PinLocked(_) => State::PinLocked,
            Notice::FewTriesLeft(..) => State::FewTriesLeft,
            Notice::NoUserCertificate => State::NoUserCertificate,
        }
    }
}

/// A successful read (`done`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CardReading {
    /// Always [`TokenKind::MyNumberCard`] today: other tokens end as `wrong_card`.
    pub token: TokenKind,
    /// The user-authentication certificate, or `None` when the card holds none (a result, §2.2).
    pub user_certificate: Option<UserCertificate>,
    /// The CA certificate, or `None` when it could not be read (shown as unknown).
    pub ca_certificate: Option<CaCertificate>,
    /// The four retry counters.
    pub pins: PinCounters,
    /// The 住基AP identifier under which EF `001C` answered `90 00` (docs/reader.md §2.1: unconfirmed which
    /// one a real card uses); `None` when neither did or the counters were not asked for. What a
    /// maintainer's recording with a real card settles (§8.4).
    pub residence_application: Option<Application>,
    /// Items of steps 7–12 that stayed unknown.
    pub notes: Vec<Note>,
}

impl CardReading {
    /// The messages shown inside `done`, certificate first, then the PINs in the order of §1.
    pub fn notices(&self) -> Vec<Notice> {
        let mut notices = Vec::new();
        if self.user_certificate.is_none() {
            notices.push(Notice::NoUserCertificate);
        }
        for pin in Pin::ALL {
            match self.pins.get(pin) {
                Tries::Locked => notices.push(Notice::PinLocked(pin)),
                Tries::Left(n @ 1..=2) => notices.push(Notice::FewTriesLeft(pin, n)),
                Tries::Left(_) | Tries::NotLockedCountUnknown | Tries::Unknown => {}
            }
        }
        notices
    }
}
