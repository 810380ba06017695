//! The text of each value of the enums whose locale keys name their values (`build.rs`, `WORDS`):
//! `words::status(Status::RenewalOpen)` is `Msg::StatusRenewalOpen`, from the key `status.renewal_open`;
//! `words::why(RuleId::CardValidity)` is the text of `why.card.validity`. Generated as one `match` per enum,
//! so a value without its key, or a key that names no value, fails the build; nothing here is written by
//! hand.

use super::Msg;

include!(concat!(env!("OUT_DIR"), "/words.rs"));
