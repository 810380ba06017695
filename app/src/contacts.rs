//! Phone numbers the guide shows, as data with their source (design.md §6.2: national numbers are
//! not city data; the city's own come from the municipality profile, with these as the fallback
//! when the profile cannot be loaded).

/// マイナンバー総合フリーダイヤル: loss and theft 24 hours, 365 days (leaflet ６①; rules.md §18).
pub const LOSS_LINE: &str = "0120-95-0178";

/// 個人番号カードコールセンター (paid), and the number to use if it does not connect (leaflet ６①).
pub const CARD_CALL_CENTRE: [&str; 2] = ["0570-783-578", "050-3818-1250"];

/// 川崎市マイナンバーコールセンター, free then paid (leaflet １０); Kawasaki's profile has the same.
pub const CITY_CALL_CENTRE_FALLBACK: [&str; 2] = ["0120-380-366", "050-3310-5907"];

/// Help in foreign languages (rules.md §18): the paid line, then the two free ones.
pub const FOREIGN_LANGUAGE_LINES: [&str; 3] = ["0570-064-738", "0120-0178-26", "0120-0178-27"];
