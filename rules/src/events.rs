//! What one event does to the card (`docs/rules.md` §7–§11): each event is evaluated on its own, in
//! input order, and only when a card is held (`docs/rules.md` §1).

use chrono::NaiveDate;

use crate::contract::{Action, CaveatId, Event, Nationality};
use crate::dates::DateError;
use crate::{destroyed, details, loss, moves, pin};

/// What the engine needs to know besides the event itself.
#[derive(Debug, Clone, Copy)]
pub struct EventContext {
    pub today: NaiveDate,
    pub nationality: Nationality,
    /// A certificate is held or the card is a face-authentication card: the reissue fees include
    /// the certificates (leaflet ８, `docs/rules.md` §10.1).
    pub with_certificates: bool,
}

/// The effects of one event.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventOutcome {
    /// First day the card is invalid because of this event (may lie after today).
    pub lapse: Option<NaiveDate>,
    /// The day this event ends the signature certificate (a change of details or of address),
    /// before the test against today and the certificate's issue date (`docs/rules.md` §7).
    pub revocation: Option<NaiveDate>,
    /// An unfound loss whose card was stopped.
    pub suspends: bool,
    pub actions: Vec<Action>,
    pub caveats: Vec<CaveatId>,
}

/// Evaluates one event.
pub fn evaluate(event: &Event, ctx: EventContext) -> Result<EventOutcome, DateError> {
    match event {
        Event::MoveWithinCity { moved_on, filed_on } => moves::within_city(*moved_on, *filed_on, ctx),
        Event::MoveToOtherMunicipality { planned_move_out_on, moved_in_on, move_in_filed_on, card_presented_on } => {
            moves::to_other_municipality(
                moves::OtherMunicipality {
                    planned_move_out_on: *planned_move_out_on,
                    moved_in_on: *moved_in_on,
                    move_in_filed_on: *move_in_filed_on,
                    card_presented_on: *card_presented_on,
                },
                ctx,
            )
        }
        Event::MoveAbroad { departure_on, continued_use_applied_on } => {
            moves::abroad(*departure_on, *continued_use_applied_on, ctx)
        }
        Event::ChangeOfDetails { what: _, changed_on, card_updated_on } => {
            details::change(*changed_on, *card_updated_on, ctx)
        }
        Event::CardLost { lost_on: _, place, stolen, suspended_on, reported_on, found_on } => loss::lost(
            loss::Loss {
                place: *place,
                stolen: *stolen,
                suspended_on: *suspended_on,
                reported_on: *reported_on,
                found_on: *found_on,
            },
            ctx,
        ),
        Event::CardDestroyed { on, cause } => destroyed::destroyed(*on, *cause, ctx),
        Event::PinLocked { pin, knows_other_certificate_pin } => Ok(pin::locked(*pin, *knows_other_certificate_pin)),
    }
}
