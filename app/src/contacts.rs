//! Phone numbers and hours of the services the guide shows, as data with their source (docs/design.md §6.2:
//! national numbers are not city data; the city's own come from the municipality profile, with these as
//! the fallback when the profile cannot be loaded). The texts name the hours (`{kiosk_opens}`), never
//! write them: `i18n::figures` fills them from here.

/// マイナンバー総合フリーダイヤル: loss and theft 24 hours, 365 days (leaflet ６①; docs/rules.md §18).
pub const LOSS_LINE: &str = "0120-95-0178";

/// 個人番号カードコールセンター (paid), and the number to use if it does not connect (leaflet ６①).
pub const CARD_CALL_CENTRE: [&str; 2] = ["0570-783-578", "050-3818-1250"];

/// 川崎市マイナンバーコールセンター, free then paid (leaflet １０); Kawasaki's profile has the same.
pub const CITY_CALL_CENTRE_FALLBACK: [&str; 2] = ["0120-380-366", "050-3310-5907"];

/// Help in foreign languages (docs/rules.md §18): the paid line, then the two free ones.
pub const FOREIGN_LANGUAGE_LINES: [&str; 3] = ["0570-064-738", "0120-0178-26", "0120-0178-27"];

/// A figure of a service, named by the texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Service {
    /// A time of day in Japan, as (hour, minute).
    Clock(u32, u32),
    /// A number of hours.
    Hours(u32),
}

/// The services' figures, by the placeholder name the texts give them.
pub const SERVICE_FIGURES: [(&str, Service); 5] = [
    // Store kiosks for a PIN reset run 6:30–23:00; the reservation made in the JPKI暗証番号リセット app is
    // used there within 24 hours (docs/rules.md §11.2).
    ("kiosk_opens", Service::Clock(6, 30)),
    ("kiosk_closes", Service::Clock(23, 0)),
    ("reset_reservation_hours", Service::Hours(24)),
    // 川崎市マイナンバーコールセンター: weekdays 9:00–17:00 (leaflet １０; docs/rules.md §18), for the fallback
    // when the profile, which has its own hours, cannot be loaded.
    ("city_centre_opens", Service::Clock(9, 0)),
    ("city_centre_closes", Service::Clock(17, 0)),
];
