//! The serde types of `docs/contract.md`: a situation in, guidance out. Field names, status names,
//! action, document and caveat ids are the contract's; nothing here renames them.
//!
//! Input objects deny unknown fields; optional dates are `None` when absent or `null`. The
//! strict reading of raw JSON (repeated keys, key order, the validation passes of `docs/rules.md`
//! §16) is `crate::json`'s job; these types are what every channel shares once input is read.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::calendar::Closed;
use crate::explain::{Explanation, RuleId};
use crate::iso;

// ---------------------------------------------------------------- situation (input)

/// One citizen's situation on `today` (`docs/contract.md`, "Situation").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Situation {
    #[serde(with = "iso::date")]
    pub today: NaiveDate,
    #[serde(with = "iso::date")]
    pub birth_date: NaiveDate,
    #[serde(default)]
    pub nationality: Nationality,
    /// 在留期間の満了日 of a foreign resident; caps the card. Ignored for Japanese nationals.
    #[serde(default, with = "iso::opt_date")]
    pub stay_expires_on: Option<NaiveDate>,
    /// `None`: holds no card.
    #[serde(default)]
    pub card: Option<Card>,
    /// `None`: none held. `Some(Certificate::default())`: held, dates unknown.
    #[serde(default)]
    pub user_certificate: Option<Certificate>,
    #[serde(default)]
    pub signature_certificate: Option<Certificate>,
    #[serde(default)]
    pub events: Vec<Event>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Nationality {
    #[default]
    Japanese,
    Foreign,
}

/// The card held. Both dates absent: held, dates unknown.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Card {
    /// 発行日 (the day J-LIS produced the card).
    #[serde(default, with = "iso::opt_date")]
    pub issued_on: Option<NaiveDate>,
    /// 申請受付日: decides the age class.
    #[serde(default, with = "iso::opt_date")]
    pub application_received_on: Option<NaiveDate>,
    /// The expiry printed on the card; wins over the computed one.
    #[serde(default, with = "iso::opt_date")]
    pub expires_on: Option<NaiveDate>,
    /// 顔認証マイナンバーカード.
    #[serde(default)]
    pub face_auth: bool,
}

/// A certificate held. `{}`: held, dates unknown.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Certificate {
    #[serde(default, with = "iso::opt_date")]
    pub issued_on: Option<NaiveDate>,
    #[serde(default, with = "iso::opt_date")]
    pub expires_on: Option<NaiveDate>,
    /// Renewed inside the renewal window while the old one was valid: six birthdays.
    #[serde(default)]
    pub renewed_within_window: bool,
}

/// Something that happened (or will happen) to the card (`docs/contract.md`, "Events").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Event {
    /// 転居 inside one municipality (Kawasaki: between two wards too).
    MoveWithinCity {
        #[serde(with = "iso::date")]
        moved_on: NaiveDate,
        #[serde(default, with = "iso::opt_date")]
        filed_on: Option<NaiveDate>,
    },
    /// 転出 then 転入.
    MoveToOtherMunicipality {
        #[serde(with = "iso::date")]
        planned_move_out_on: NaiveDate,
        #[serde(default, with = "iso::opt_date")]
        moved_in_on: Option<NaiveDate>,
        #[serde(default, with = "iso::opt_date")]
        move_in_filed_on: Option<NaiveDate>,
        /// 継続利用 done.
        #[serde(default, with = "iso::opt_date")]
        card_presented_on: Option<NaiveDate>,
    },
    /// 国外転出.
    MoveAbroad {
        #[serde(with = "iso::date")]
        departure_on: NaiveDate,
        /// 国外継続利用 applied for.
        #[serde(default, with = "iso::opt_date")]
        continued_use_applied_on: Option<NaiveDate>,
    },
    /// 氏名・生年月日・性別・旧氏 change.
    ChangeOfDetails {
        what: Detail,
        #[serde(with = "iso::date")]
        changed_on: NaiveDate,
        #[serde(default, with = "iso::opt_date")]
        card_updated_on: Option<NaiveDate>,
    },
    /// Loss or theft.
    CardLost {
        #[serde(with = "iso::date")]
        lost_on: NaiveDate,
        place: Place,
        #[serde(default)]
        stolen: bool,
        /// The call that stopped the card.
        #[serde(default, with = "iso::opt_date")]
        suspended_on: Option<NaiveDate>,
        /// 紛失届 at the office.
        #[serde(default, with = "iso::opt_date")]
        reported_on: Option<NaiveDate>,
        #[serde(default, with = "iso::opt_date")]
        found_on: Option<NaiveDate>,
    },
    /// Fire, flood, broken, IC failure, 追記欄 full.
    CardDestroyed {
        #[serde(with = "iso::date")]
        on: NaiveDate,
        cause: Cause,
    },
    /// A PIN locked by wrong tries.
    PinLocked { pin: Pin, knows_other_certificate_pin: bool },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Detail {
    Name,
    BirthDate,
    Sex,
    FormerSurname,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Place {
    Outside,
    Home,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cause {
    Disaster,
    Damage,
    Defect,
    CardFull,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Pin {
    Signature,
    User,
    Residence,
    CardInfo,
}

// ---------------------------------------------------------------- guidance (output)

/// What the citizen should know and do (`docs/contract.md`, "Guidance").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Guidance {
    #[serde(with = "iso::date")]
    pub as_of: NaiveDate,
    /// The latest effective date of the parameter table (`docs/rules.md` §14.4).
    #[serde(with = "iso::date")]
    pub rules_version: NaiveDate,
    pub age: u32,
    pub card: Option<CardGuidance>,
    pub user_certificate: Option<CertificateGuidance>,
    pub signature_certificate: Option<CertificateGuidance>,
    /// マイナ保険証 grace end, when a card or user certificate has expired.
    #[serde(with = "iso::opt_date")]
    pub health_insurance_usable_until: Option<NaiveDate>,
    /// Soonest deadline first.
    pub actions: Vec<Action>,
    /// Sorted by id.
    pub caveats: Vec<Caveat>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardGuidance {
    /// Last valid day.
    #[serde(with = "iso::opt_date")]
    pub expires_on: Option<NaiveDate>,
    /// First day renewal may be applied for.
    #[serde(with = "iso::opt_date")]
    pub renewal_opens_on: Option<NaiveDate>,
    pub status: Status,
    /// First invalid day caused by an event (move, abroad), if any; may lie after today.
    #[serde(with = "iso::opt_date")]
    pub lapses_on: Option<NaiveDate>,
    pub validity: Option<Validity>,
    pub explanation: Vec<Explanation>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateGuidance {
    #[serde(with = "iso::opt_date")]
    pub expires_on: Option<NaiveDate>,
    #[serde(with = "iso::opt_date")]
    pub renewal_opens_on: Option<NaiveDate>,
    pub status: Status,
    /// Only in the `not_eligible` signature object: the day age 15 is reached.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "iso::opt_date")]
    pub eligible_from: Option<NaiveDate>,
    pub explanation: Vec<Explanation>,
}

/// Status of the card or a certificate on `today` (`docs/rules.md` §6.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Lapsed,
    Revoked,
    Suspended,
    Unknown,
    Expired,
    RenewalOpen,
    Valid,
    NotEligible,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Validity {
    TenBirthdays,
    FiveBirthdays,
    StayPeriod,
}

/// One thing to do (`docs/contract.md`, "Actions").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    pub id: ActionId,
    #[serde(with = "iso::opt_date")]
    pub from: Option<NaiveDate>,
    /// The last day that is still in time.
    #[serde(with = "iso::opt_date")]
    pub by: Option<NaiveDate>,
    /// Only `renew_card`: apply by this day so that the new card is ready by `by` (`docs/rules.md` §14.2);
    /// `null` when that day is already past (apply now) or there is no `by`.
    #[serde(with = "iso::opt_date")]
    pub apply_by: Option<NaiveDate>,
    /// Why offices are closed on `by`, if they are (`docs/rules.md` §3.7); `null` when open or no `by`.
    pub by_closed: Option<Closed>,
    /// Only for `renew_certificates`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificates: Option<Vec<CertificateKind>>,
    #[serde(rename = "where")]
    pub place: Where,
    pub fee_yen: Option<u32>,
    pub documents: Vec<Document>,
    pub rule: RuleId,
    pub source: String,
}

/// The closed list of action ids (`docs/contract.md`). Declared in byte order of their ids, so the
/// derived `Ord` is the contract's tie-break "by id".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionId {
    ApplyContinuedUseAbroad,
    ApplyNewCard,
    ApplyRapidReissue,
    ApplyReissue,
    FileMoveIn,
    FileMoveWithinCity,
    LiftSuspension,
    PresentCardAfterMove,
    ReissueSignatureCertificate,
    RenewCard,
    RenewCertificates,
    ReportLossToOffice,
    ReportToPolice,
    ResetPin,
    SuspendCard,
    UpdateCardDetails,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CertificateKind {
    User,
    Signature,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Where {
    WardOffice,
    ConvenienceStore,
    Phone,
    Police,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Document {
    Card,
    RenewalNotice,
    PhotoId,
    Photo,
    PoliceReceiptNumber,
    WrittenAccount,
    DisasterCertificate,
    DamagedCard,
    MoveOutCertificate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Caveat {
    pub id: CaveatId,
    pub rule: RuleId,
}

/// The closed list of caveats (`docs/rules.md` §14.3), in byte order of their ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaveatId {
    AgeDecisionDateUnknown,
    Feb29Birthday,
    FeeWaiverPossible,
    InsuranceGraceUnknown,
    PrintedDateDiffers,
    RenewalWindowMonthEnd,
}

impl CaveatId {
    /// The rule each caveat belongs to (`docs/rules.md` §14.3).
    pub fn rule(self) -> RuleId {
        match self {
            CaveatId::AgeDecisionDateUnknown => RuleId::CardAgeClass,
            CaveatId::Feb29Birthday => RuleId::DatesFeb29,
            CaveatId::FeeWaiverPossible => RuleId::DestroyedReissue,
            CaveatId::InsuranceGraceUnknown => RuleId::InsuranceGrace,
            CaveatId::PrintedDateDiffers => RuleId::ValidityPrinted,
            CaveatId::RenewalWindowMonthEnd => RuleId::CardRenewalWindow,
        }
    }
}

// ---------------------------------------------------------------- password check

/// Input of `myna-rules password` (read by the JSON reader of the feature `cli`).
#[cfg(feature = "cli")]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PasswordInput {
    pub password: String,
}

/// Output of `myna-rules password` (`docs/rules.md` §11.3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasswordCheck {
    pub valid: bool,
    pub normalized: String,
    pub problems: Vec<PasswordProblem>,
}

/// In the order `docs/rules.md` §11.3 lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PasswordProblem {
    TooShort,
    TooLong,
    NoLetter,
    NoDigit,
    InvalidCharacter,
}

/// A fixture for the tests: every optional member of `s` present, every event type once, in the
/// contract's order, every date of them `date`.
#[cfg(test)]
impl Situation {
    pub(crate) fn with_every_field(date: NaiveDate, s: Situation) -> Situation {
        let c = Some(date);
        Situation {
            stay_expires_on: c,
            card: Some(Card { issued_on: c, application_received_on: c, expires_on: c, face_auth: false }),
            user_certificate: Some(Certificate { issued_on: c, expires_on: c, renewed_within_window: false }),
            signature_certificate: Some(Certificate { issued_on: c, expires_on: c, renewed_within_window: false }),
            events: vec![
                Event::MoveWithinCity { moved_on: date, filed_on: c },
                Event::MoveToOtherMunicipality {
                    planned_move_out_on: date,
                    moved_in_on: c,
                    move_in_filed_on: c,
                    card_presented_on: c,
                },
                Event::MoveAbroad { departure_on: date, continued_use_applied_on: c },
                Event::ChangeOfDetails { what: Detail::Name, changed_on: date, card_updated_on: c },
                Event::CardLost {
                    lost_on: date,
                    place: Place::Home,
                    stolen: false,
                    suspended_on: c,
                    reported_on: c,
                    found_on: c,
                },
                Event::CardDestroyed { on: date, cause: Cause::Damage },
                Event::PinLocked { pin: Pin::User, knows_other_certificate_pin: true },
            ],
            ..s
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn action_and_caveat_ids_are_declared_in_byte_order() {
        let actions = [
            ActionId::ApplyContinuedUseAbroad,
            ActionId::ApplyNewCard,
            ActionId::ApplyRapidReissue,
            ActionId::ApplyReissue,
            ActionId::FileMoveIn,
            ActionId::FileMoveWithinCity,
            ActionId::LiftSuspension,
            ActionId::PresentCardAfterMove,
            ActionId::ReissueSignatureCertificate,
            ActionId::RenewCard,
            ActionId::RenewCertificates,
            ActionId::ReportLossToOffice,
            ActionId::ReportToPolice,
            ActionId::ResetPin,
            ActionId::SuspendCard,
            ActionId::UpdateCardDetails,
        ];
        let names: Vec<String> = actions.iter().map(|a| serde_json::to_string(a).unwrap()).collect();
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted);
        assert!(actions.windows(2).all(|w| w[0] < w[1]));

        let caveats = [
            CaveatId::AgeDecisionDateUnknown,
            CaveatId::Feb29Birthday,
            CaveatId::FeeWaiverPossible,
            CaveatId::InsuranceGraceUnknown,
            CaveatId::PrintedDateDiffers,
            CaveatId::RenewalWindowMonthEnd,
        ];
        let names: Vec<String> = caveats.iter().map(|c| serde_json::to_string(c).unwrap()).collect();
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted);
        assert!(caveats.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn the_contract_example_situation_reads() {
        let json = r#"{"today":"2026-11-24","birth_date":"1985-10-10","nationality":"japanese",
            "card":{"issued_on":"2020-05-15","face_auth":false},
            "user_certificate":{"issued_on":"2020-05-15","renewed_within_window":false},
            "signature_certificate":{},
            "events":[{"type":"card_lost","lost_on":"2025-05-10","place":"outside","stolen":true}]}"#;
        let s: Situation = serde_json::from_str(json).unwrap();
        assert_eq!(s.signature_certificate, Some(Certificate::default()));
        assert!(matches!(s.events.first(), Some(Event::CardLost { stolen: true, .. })));
    }
}
