//! The WebUSB bridge (docs/reader.md §5.2, §6): feature detection, the device chooser, opening the reader and
//! its bulk pipes as a [`reader::transport::UsbLink`], and the [`reader::session::Host`] the read plan
//! borrows (clock, pause, Cancel, progress). No protocol logic: `reader` does all of that.
//!
//! Only the card-reader module (`src/bin/card_reader.rs`) calls this, so none of it is in the first
//! view's wasm. WebUSB objects are only ever `unchecked_into`/`unchecked_ref` (never `dyn_into`, which
//! tests `instanceof`): the e2e mock of `navigator.usb` stands in for a device (docs/reader.md §8.3).

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use js_sys::{Array, Promise, Reflect, Uint8Array};
use reader::session::{Host, ReaderModel, SONY};
use reader::state::State;
use reader::transport::{Clock, Fault, LinkError, UsbLink};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{UsbDevice, UsbDeviceFilter, UsbDeviceRequestOptions, UsbDirection, UsbEndpointType};

/// `open`, `selectConfiguration`, `claimInterface`, `releaseInterface` and `close` wait at most 5 s each (§6).
const DEVICE_STEP: Duration = Duration::from_secs(5);

/// The models offered in the chooser: the RC-S380 always, the RC-S300 only when the municipality
/// profile's `reader.rcs300` switch is on (flagged, unproven: docs/reader.md §5.4).
fn offered(rcs300: bool) -> impl Iterator<Item = ReaderModel> {
    ReaderModel::ALL.into_iter().filter(move |model| *model == ReaderModel::Rcs380 || rcs300)
}

/// Interface classes a page may not claim (docs/reader.md §5.1): audio, HID, mass storage, smart card, video,
/// audio/video, wireless controller.
const PROTECTED_CLASSES: [u8; 7] = [0x01, 0x03, 0x08, 0x0B, 0x0E, 0x10, 0xE0];

/// Why no reader could be used: one state of docs/reader.md §7 each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unavailable {
    /// No `navigator.usb`, or not a secure context.
    UnsupportedBrowser,
    /// The `usb` permissions policy refused (`SecurityError` from `getDevices`/`requestDevice`).
    BlockedByEmbedding,
    /// The chooser was closed (`NotFoundError`).
    NoDeviceChosen,
    /// `open`/`claimInterface` refused or timed out, or no usable interface.
    DeviceUnavailable,
}

impl Unavailable {
    pub fn state(self) -> State {
        match self {
            Unavailable::UnsupportedBrowser => State::UnsupportedBrowser,
            Unavailable::BlockedByEmbedding => State::BlockedByEmbedding,
            Unavailable::NoDeviceChosen => State::NoDeviceChosen,
            Unavailable::DeviceUnavailable => State::DeviceUnavailable,
        }
    }
}

/// `navigator.usb`, if this browser has it in a secure context.
fn usb() -> Option<web_sys::Usb> {
    let window = web_sys::window()?;
    if !window.is_secure_context() {
        return None;
    }
    let navigator = window.navigator();
    let usb = Reflect::get(&navigator, &"usb".into()).ok()?;
    (!usb.is_undefined() && !usb.is_null()).then(|| usb.unchecked_into())
}

/// The `name` of a rejected promise's `DOMException` (or of any error object).
fn error_name(error: &JsValue) -> String {
    Reflect::get(error, &"name".into()).ok().and_then(|n| n.as_string()).unwrap_or_default()
}

/// A promise that rejects with `"myna-timeout"` after `duration`, for [`within`].
fn timer(duration: Duration) -> Promise {
    Promise::new(&mut |_resolve, reject| {
        if let Some(window) = web_sys::window() {
            let ms = i32::try_from(duration.as_millis()).unwrap_or(i32::MAX);
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_1(&reject, ms, &"myna-timeout".into());
        }
    })
}

/// How a wait ended.
enum Waited {
    /// The limit passed first.
    TimedOut,
    /// The promise rejected with this error.
    Failed(JsValue),
}

/// Awaits `promise` for at most `limit` (every wait has one: docs/reader.md §6).
async fn within(promise: Promise, limit: Duration) -> Result<JsValue, Waited> {
    let race = Promise::race(&Array::of2(&promise, &timer(limit)));
    JsFuture::from(race).await.map_err(|error| {
        if error.as_string().as_deref() == Some("myna-timeout") {
            Waited::TimedOut
        } else {
            Waited::Failed(error)
        }
    })
}

/// Whether the page may use WebUSB at all: `getDevices()` never prompts, and a `SecurityError` there is the
/// permissions policy of an iframe without `allow="usb"` (docs/reader.md §5.2).
pub async fn availability() -> Result<(), Unavailable> {
    let usb = usb().ok_or(Unavailable::UnsupportedBrowser)?;
    // Where the browser can say so without a call, the permissions policy is read first: a refused
    // `getDevices` also logs a violation in the console of the city's page.
    if policy_allows_usb() == Some(false) {
        return Err(Unavailable::BlockedByEmbedding);
    }
    match within(usb.get_devices().unchecked_into(), DEVICE_STEP).await {
        Err(Waited::Failed(error)) if error_name(&error) == "SecurityError" => Err(Unavailable::BlockedByEmbedding),
        _ => Ok(()),
    }
}

/// `document.permissionsPolicy.allowsFeature("usb")` (or the older `featurePolicy`), where the browser has it.
fn policy_allows_usb() -> Option<bool> {
    let document = web_sys::window()?.document()?;
    let policy = ["permissionsPolicy", "featurePolicy"]
        .into_iter()
        .find_map(|name| Reflect::get(&document, &name.into()).ok().filter(|p| p.is_object()))?;
    let allows: js_sys::Function = Reflect::get(&policy, &"allowsFeature".into()).ok()?.dyn_into().ok()?;
    allows.call1(&policy, &"usb".into()).ok()?.as_bool()
}

/// A Sony reader this crate drives, with its model.
fn model_of(device: &UsbDevice, rcs300: bool) -> Option<ReaderModel> {
    let model = ReaderModel::from_ids(device.vendor_id(), device.product_id())?;
    offered(rcs300).find(|offered| *offered == model)
}

/// A reader the browser already allows (no chooser), or the chooser with the PaSoRi filters. Must be called
/// from the click handler: `requestDevice` needs the user's gesture (docs/reader.md §5.2).
pub async fn choose(rcs300: bool) -> Result<(UsbDevice, ReaderModel), Unavailable> {
    let usb = usb().ok_or(Unavailable::UnsupportedBrowser)?;
    let filters: Vec<UsbDeviceFilter> = offered(rcs300)
        .flat_map(ReaderModel::product_ids)
        .map(|product| {
            let filter = UsbDeviceFilter::new();
            filter.set_vendor_id(SONY);
            filter.set_product_id(product);
            filter
        })
        .collect();
    // A reader the browser already allows is used without a chooser (`getDevices` never prompts).
    if let Ok(devices) = within(usb.get_devices().unchecked_into(), DEVICE_STEP).await {
        for device in Array::from(&devices).iter() {
            let device: UsbDevice = device.unchecked_into();
            if let Some(model) = model_of(&device, rcs300) {
                return Ok((device, model));
            }
        }
    }
    let options = UsbDeviceRequestOptions::new(&filters);
    let chosen = JsFuture::from(usb.request_device(&options).unchecked_into::<Promise>()).await.map_err(|error| {
        match error_name(&error).as_str() {
            "SecurityError" => Unavailable::BlockedByEmbedding,
            "NotFoundError" => Unavailable::NoDeviceChosen,
            _ => Unavailable::DeviceUnavailable,
        }
    })?;
    let device: UsbDevice = chosen.unchecked_into();
    let model = model_of(&device, rcs300).ok_or(Unavailable::DeviceUnavailable)?;
    Ok((device, model))
}

/// Runs one device step (`open`, `claimInterface`, …) within its 5 s limit.
async fn step(promise: impl Into<JsValue>) -> Result<(), Unavailable> {
    within(promise.into().unchecked_into(), DEVICE_STEP).await.map(|_| ()).map_err(|_| Unavailable::DeviceUnavailable)
}

/// The first interface whose class is not protected and that has one bulk IN and one bulk OUT endpoint,
/// with those endpoints' numbers and the OUT packet size, from the descriptors (docs/reader.md §5.2).
fn bulk_interface(device: &UsbDevice) -> Option<(u8, u8, u8, u32)> {
    let configuration = device.configuration()?;
    for interface in configuration.interfaces().iter() {
        let interface: web_sys::UsbInterface = interface.unchecked_into();
        let alternate = interface.alternate();
        if PROTECTED_CLASSES.contains(&alternate.interface_class()) {
            continue;
        }
        let (mut bulk_in, mut bulk_out) = (None, None);
        for endpoint in alternate.endpoints().iter() {
            let endpoint: web_sys::UsbEndpoint = endpoint.unchecked_into();
            if endpoint.type_() != UsbEndpointType::Bulk {
                continue;
            }
            match endpoint.direction() {
                UsbDirection::In => bulk_in = bulk_in.or(Some(endpoint.endpoint_number())),
                UsbDirection::Out => bulk_out = bulk_out.or(Some((endpoint.endpoint_number(), endpoint.packet_size()))),
                _ => {}
            }
        }
        if let (Some(input), Some((output, packet))) = (bulk_in, bulk_out) {
            return Some((interface.interface_number(), input, output, packet));
        }
    }
    None
}

/// An opened reader: its bulk pipes as a [`UsbLink`].
pub struct Link {
    device: UsbDevice,
    interface: u8,
    bulk_in: u8,
    bulk_out: u8,
    packet_size: u32,
    /// Set by the `disconnect` event: every later transfer is `Disconnected`.
    unplugged: Rc<Cell<bool>>,
    /// The `disconnect` listener, removed on [`Link::close`].
    on_disconnect: Option<Closure<dyn FnMut(web_sys::Event)>>,
}

impl Link {
    /// `open`, `selectConfiguration(1)` when none is active, `claimInterface`; each within 5 s.
    pub async fn open(device: UsbDevice) -> Result<Link, Unavailable> {
        step(device.open()).await?;
        if device.configuration().is_none() {
            step(device.select_configuration(1)).await?;
        }
        let Some((interface, bulk_in, bulk_out, packet_size)) = bulk_interface(&device) else {
            let _ = step(device.close()).await;
            return Err(Unavailable::DeviceUnavailable);
        };
        if let Err(error) = step(device.claim_interface(interface)).await {
            let _ = step(device.close()).await;
            return Err(error);
        }
        let unplugged = Rc::new(Cell::new(false));
        let flag = unplugged.clone();
        let ours = device.clone();
        let on_disconnect = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            let gone = Reflect::get(&event, &"device".into()).ok();
            if gone.is_some_and(|d| js_sys::Object::is(&d, &ours)) {
                flag.set(true);
            }
        });
        if let Some(usb) = usb() {
            let _ = usb.add_event_listener_with_callback("disconnect", on_disconnect.as_ref().unchecked_ref());
        }
        Ok(Link { device, interface, bulk_in, bulk_out, packet_size, unplugged, on_disconnect: Some(on_disconnect) })
    }

    /// `releaseInterface` and `close` (which also ends a pending transfer); failures change nothing now.
    pub async fn close(mut self) {
        if let (Some(usb), Some(listener)) = (usb(), self.on_disconnect.take()) {
            let _ = usb.remove_event_listener_with_callback("disconnect", listener.as_ref().unchecked_ref());
        }
        if !self.unplugged.get() {
            let _ = step(self.device.release_interface(self.interface)).await;
            let _ = step(self.device.close()).await;
        }
    }

    fn failure(&self, waited: Waited) -> LinkError {
        match waited {
            Waited::TimedOut => LinkError::Timeout,
            Waited::Failed(error) => match error_name(&error).as_str() {
                "NotFoundError" | "NetworkError" | "AbortError" => LinkError::Disconnected,
                _ if self.unplugged.get() => LinkError::Disconnected,
                _ => LinkError::Fault(Fault::Usb),
            },
        }
    }

    async fn transfer_out(&self, bytes: &[u8], timeout: Duration) -> Result<(), LinkError> {
        let promise =
            self.device.transfer_out_with_u8_slice(self.bulk_out, bytes).map_err(|_| LinkError::Fault(Fault::Usb))?;
        let result = within(promise.unchecked_into(), timeout).await.map_err(|w| self.failure(w))?;
        transfer_ok(&result)
    }
}

/// A transfer that ended with a status other than `ok` (a stall, babble).
fn transfer_ok(result: &JsValue) -> Result<(), LinkError> {
    let status = Reflect::get(result, &"status".into()).ok().and_then(|s| s.as_string());
    if status.as_deref() == Some("ok") {
        Ok(())
    } else {
        Err(LinkError::Fault(Fault::Usb))
    }
}

impl UsbLink for Link {
    async fn write(&mut self, frame: &[u8], timeout: Duration) -> Result<(), LinkError> {
        if self.unplugged.get() {
            return Err(LinkError::Disconnected);
        }
        self.transfer_out(frame, timeout).await?;
        // A frame that fills its last packet exactly is followed by a zero-length packet, as nfcpy does (§5.2).
        let packet = usize::try_from(self.packet_size).unwrap_or(0);
        if packet > 0 && !frame.is_empty() && frame.len().is_multiple_of(packet) {
            self.transfer_out(&[], timeout).await?;
        }
        Ok(())
    }

    async fn read(&mut self, max_len: usize, timeout: Duration) -> Result<Vec<u8>, LinkError> {
        if self.unplugged.get() {
            return Err(LinkError::Disconnected);
        }
        let length = u32::try_from(max_len).unwrap_or(u32::MAX);
        let promise = self.device.transfer_in(self.bulk_in, length);
        let result = within(promise.unchecked_into(), timeout).await.map_err(|w| self.failure(w))?;
        transfer_ok(&result)?;
        let data = Reflect::get(&result, &"data".into()).map_err(|_| LinkError::Fault(Fault::Usb))?;
        if data.is_undefined() || data.is_null() {
            return Ok(Vec::new());
        }
        let view: js_sys::DataView = data.unchecked_into();
        let bytes = Uint8Array::new_with_byte_offset_and_length(
            &view.buffer(),
            view.byte_offset() as u32,
            view.byte_length() as u32,
        );
        Ok(bytes.to_vec())
    }
}

/// What a read borrows from the page: `performance.now()`, `setTimeout`, the Cancel flag and what to do
/// when a progress state is reached.
pub struct PageHost {
    pub cancelled: Rc<Cell<bool>>,
    pub progress: Box<dyn Fn(State)>,
}

impl Clock for PageHost {
    fn now(&self) -> Duration {
        let ms = web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or(0.0);
        Duration::from_secs_f64((ms / 1000.0).max(0.0))
    }
}

impl Host for PageHost {
    fn cancelled(&self) -> bool {
        self.cancelled.get()
    }

    async fn pause(&self, duration: Duration) {
        sleep(duration).await;
    }

    fn progress(&self, state: State) {
        (self.progress)(state);
    }
}

/// A `setTimeout` of `duration`.
pub async fn sleep(duration: Duration) {
    let wait = Promise::new(&mut |resolve, _reject| {
        if let Some(window) = web_sys::window() {
            let ms = i32::try_from(duration.as_millis()).unwrap_or(i32::MAX);
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(wait).await;
}

/// "Forget this reader" (docs/reader.md §9): the browser drops its permission for every Sony device it holds.
pub async fn forget() {
    let Some(usb) = usb() else { return };
    let Ok(devices) = within(usb.get_devices().unchecked_into(), DEVICE_STEP).await else { return };
    for device in Array::from(&devices).iter() {
        let device: UsbDevice = device.unchecked_into();
        if device.vendor_id() == SONY {
            let _ = within(device.forget().unchecked_into(), DEVICE_STEP).await;
        }
    }
}
