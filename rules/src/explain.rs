//! Rule ids and their sources (`docs/rules.md` §1): every outcome says which rule decided it.

use serde::{Deserialize, Serialize};

use crate::params::{
    Period, ADULT_AGE, CARD_BIRTHDAYS, CERTIFICATE_BIRTHDAYS, INSURANCE_GRACE_MONTHS, RAPID_REISSUE, SIGNATURE_MIN_AGE,
};

/// One rule of `docs/rules.md` §1. The serialized name is the dotted id of the spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RuleId {
    DatesAge,
    DatesFeb29,
    DatesPeriod,
    ValidityPrinted,
    CardAgeClass,
    CardValidity,
    CardRenewalWindow,
    CardStatus,
    CardRenewal,
    CertificateValidity,
    CertificateRenewalWindow,
    CertificateStatus,
    CertificateRenewal,
    SignatureRevocation,
    SignatureReissue,
    SignatureUnder15,
    MoveWithinCity,
    MoveOtherMunicipality,
    MoveAbroad,
    CardNewAfterLapse,
    DetailsChange,
    LossSuspend,
    LossReport,
    LossFound,
    LossReissue,
    DestroyedReissue,
    ReissueRapid,
    PinReset,
    PasswordCheck,
    InsuranceGrace,
    ActionsOrder,
    CaveatsOrder,
}

impl RuleId {
    /// Every rule, in the order of `docs/rules.md` §1 (for tests and for the app's "why" texts).
    pub const ALL: [RuleId; 32] = [
        RuleId::DatesAge,
        RuleId::DatesFeb29,
        RuleId::DatesPeriod,
        RuleId::ValidityPrinted,
        RuleId::CardAgeClass,
        RuleId::CardValidity,
        RuleId::CardRenewalWindow,
        RuleId::CardStatus,
        RuleId::CardRenewal,
        RuleId::CertificateValidity,
        RuleId::CertificateRenewalWindow,
        RuleId::CertificateStatus,
        RuleId::CertificateRenewal,
        RuleId::SignatureRevocation,
        RuleId::SignatureReissue,
        RuleId::SignatureUnder15,
        RuleId::MoveWithinCity,
        RuleId::MoveOtherMunicipality,
        RuleId::MoveAbroad,
        RuleId::CardNewAfterLapse,
        RuleId::DetailsChange,
        RuleId::LossSuspend,
        RuleId::LossReport,
        RuleId::LossFound,
        RuleId::LossReissue,
        RuleId::DestroyedReissue,
        RuleId::ReissueRapid,
        RuleId::PinReset,
        RuleId::PasswordCheck,
        RuleId::InsuranceGrace,
        RuleId::ActionsOrder,
        RuleId::CaveatsOrder,
    ];

    /// The dotted id of `docs/rules.md` §1 (`card.validity`), also the app's "why" key suffix.
    pub fn as_str(self) -> &'static str {
        match self {
            RuleId::DatesAge => "dates.age",
            RuleId::DatesFeb29 => "dates.feb29",
            RuleId::DatesPeriod => "dates.period",
            RuleId::ValidityPrinted => "validity.printed",
            RuleId::CardAgeClass => "card.age_class",
            RuleId::CardValidity => "card.validity",
            RuleId::CardRenewalWindow => "card.renewal_window",
            RuleId::CardStatus => "card.status",
            RuleId::CardRenewal => "card.renewal",
            RuleId::CertificateValidity => "certificate.validity",
            RuleId::CertificateRenewalWindow => "certificate.renewal_window",
            RuleId::CertificateStatus => "certificate.status",
            RuleId::CertificateRenewal => "certificate.renewal",
            RuleId::SignatureRevocation => "signature.revocation",
            RuleId::SignatureReissue => "signature.reissue",
            RuleId::SignatureUnder15 => "signature.under_15",
            RuleId::MoveWithinCity => "move.within_city",
            RuleId::MoveOtherMunicipality => "move.other_municipality",
            RuleId::MoveAbroad => "move.abroad",
            RuleId::CardNewAfterLapse => "card.new_after_lapse",
            RuleId::DetailsChange => "details.change",
            RuleId::LossSuspend => "loss.suspend",
            RuleId::LossReport => "loss.report",
            RuleId::LossFound => "loss.found",
            RuleId::LossReissue => "loss.reissue",
            RuleId::DestroyedReissue => "destroyed.reissue",
            RuleId::ReissueRapid => "reissue.rapid",
            RuleId::PinReset => "pin.reset",
            RuleId::PasswordCheck => "password.check",
            RuleId::InsuranceGrace => "insurance.grace",
            RuleId::ActionsOrder => "actions.order",
            RuleId::CaveatsOrder => "caveats.order",
        }
    }

    /// The leaflet section and the law the rule comes from (`docs/rules.md` §1, leaflet sections §2). A rule
    /// decided by a parameter of `docs/rules.md` §15 cites that parameter's latest row here; an outcome judged
    /// under an older row cites the older row instead ([`Explanation::under`]).
    pub fn source(self) -> &'static str {
        match self {
            RuleId::DatesAge => "年齢計算ニ関スル法律; 民法143条",
            RuleId::DatesFeb29 => "道路交通法92条の2 (by analogy)",
            RuleId::DatesPeriod => "民法140条–143条",
            RuleId::ValidityPrinted => "leaflet §5②",
            RuleId::CardAgeClass => ADULT_AGE.latest().source,
            RuleId::CardValidity => CARD_BIRTHDAYS.latest().source,
            RuleId::CardRenewalWindow => "leaflet §5③; 個人番号カード省令",
            RuleId::CardStatus => "leaflet §5③, §4②, §6①",
            RuleId::CardRenewal => "leaflet §5③",
            RuleId::CertificateValidity => CERTIFICATE_BIRTHDAYS.latest().source,
            RuleId::CertificateRenewalWindow => "leaflet §5③; 公的個人認証法施行規則",
            RuleId::CertificateStatus => "leaflet §4①, §5③",
            RuleId::CertificateRenewal => "leaflet §5③",
            RuleId::SignatureRevocation => "leaflet §4①; 公的個人認証法",
            RuleId::SignatureReissue => "leaflet §4①",
            RuleId::SignatureUnder15 => SIGNATURE_MIN_AGE.latest().source,
            RuleId::MoveWithinCity => "leaflet §4①; 住民基本台帳法23条",
            RuleId::MoveOtherMunicipality => "leaflet §4②; 住民基本台帳法22条・24条; 番号法施行令14条",
            RuleId::MoveAbroad => "番号法 (2024-05-27 施行の国外転出者による継続利用)",
            RuleId::CardNewAfterLapse => "leaflet §4②",
            RuleId::DetailsChange => "leaflet §4①; 番号法17条4項",
            RuleId::LossSuspend => "leaflet §6①",
            RuleId::LossReport => "leaflet §6②",
            RuleId::LossFound => "leaflet §6①",
            RuleId::LossReissue => "leaflet §6②, §8",
            RuleId::DestroyedReissue => "leaflet §6②, §7④, §8",
            RuleId::ReissueRapid => RAPID_REISSUE.latest().source,
            RuleId::PinReset => "leaflet §3③",
            RuleId::PasswordCheck => "leaflet §2①",
            RuleId::InsuranceGrace => INSURANCE_GRACE_MONTHS.latest().source,
            RuleId::ActionsOrder | RuleId::CaveatsOrder => "docs/contract.md",
        }
    }
}

impl Serialize for RuleId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for RuleId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let id = String::deserialize(deserializer)?;
        RuleId::ALL
            .into_iter()
            .find(|rule| rule.as_str() == id)
            .ok_or_else(|| serde::de::Error::custom("unknown rule id"))
    }
}

/// Why an object of the guidance came out as it did: the deciding rule and its source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Explanation {
    pub rule: RuleId,
    pub source: String,
}

impl Explanation {
    /// The rule with its own source (a rule no parameter decides, or one whose parameter never changed).
    pub fn of(rule: RuleId) -> Self {
        Explanation { rule, source: rule.source().to_owned() }
    }

    /// The rule with the source of the parameter row it was judged under: a card whose age class was
    /// decided before 2022-04-01 cites the rule of 20, not the 2022 amendment.
    pub fn under<T>(rule: RuleId, row: &Period<T>) -> Self {
        Explanation { rule, source: row.source.to_owned() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialized_ids_are_the_dotted_ids() {
        for rule in RuleId::ALL {
            let json = serde_json::to_string(&rule).unwrap();
            assert_eq!(json, format!("\"{}\"", rule.as_str()));
            assert!(!rule.source().is_empty());
        }
    }
}
