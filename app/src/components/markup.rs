//! Content as data, drawn by Leptos. Every `view!` shape costs its own generic code in the wasm (build,
//! rebuild, mount, unmount… for each element type, kept alive by the page's `AnyView`; docs/design.md §7), so
//! text-heavy pages describe their content as [`Node`]s, which one generic element turns into a Leptos view
//! ([`Node::draw`]): Leptos owns, updates and disposes every element, and a page adds data, not rendering
//! code. What changes on a page follows signals in place — a reactive attribute or property, a locale text,
//! a part drawn again by [`follow`] — so an element the citizen is using (a focused box, a toggle) is never
//! drawn again. Locale texts are drawn by `rich_view` (ruby, Japanese terms, dates, phone links), never as HTML.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::components::text::dynamic;
use crate::i18n::rich::Arg;
use crate::i18n::Msg;

/// What an element does when an event reaches it (`Send + Sync`: Leptos's attributes require it; the
/// handlers hold signals, which are).
pub type Handler = Arc<dyn Fn(web_sys::Event) + Send + Sync>;

/// The text inside an element.
enum Text {
    None,
    /// A locale text with its placeholders.
    Msg(Msg, Vec<(&'static str, Arg)>),
    /// Characters shown exactly as they are, never read as markup (what the citizen typed).
    Raw(String),
}

/// A reactive attribute's value (boxed: one type, so one copy of Leptos's code for all of them).
pub type Reactive = Box<dyn FnMut() -> Option<String> + Send>;

/// A reactive DOM property's value (`value`, `checked`), boxed for the same reason.
pub type Property = Box<dyn FnMut() -> JsValue + Send>;

/// An element and its content.
pub struct Node {
    tag: &'static str,
    attrs: Vec<(&'static str, &'static str)>,
    /// Attributes whose values are made at run time (an `id` with an index, a `datetime`, an `href`).
    owned: Vec<(&'static str, String)>,
    /// Attributes that follow signals (`None`: absent), so that a change updates the attribute in place
    /// instead of drawing the element again.
    reactive: Vec<(&'static str, Reactive)>,
    /// DOM properties that follow signals: what a box holds, whether a check box is ticked (what was typed
    /// never becomes an attribute).
    props: Vec<(&'static str, Property)>,
    text: Text,
    children: Vec<Child>,
    on: Option<(&'static str, Handler)>,
    /// Filled by Leptos with the element once drawn (to focus it).
    node_ref: Option<ElementRef>,
}

/// A reference to a drawn node's element, which Leptos fills when it draws it (`Node::node_ref`).
pub type ElementRef = NodeRef<leptos::tachys::html::element::Custom<&'static str>>;

/// What an element holds after its text, in order.
enum Child {
    Node(Node),
    /// A view: a part that follows signals itself (a date in the page's language, the profile's offices, a
    /// part drawn again by [`follow`]).
    View(AnyView),
}

/// An element: `el("p", "myna-hint")`; an empty class adds none.
pub fn el(tag: &'static str, class: &'static str) -> Node {
    let attrs = if class.is_empty() { Vec::new() } else { vec![("class", class)] };
    Node {
        tag,
        attrs,
        owned: Vec::new(),
        reactive: Vec::new(),
        props: Vec::new(),
        text: Text::None,
        children: Vec::new(),
        on: None,
        node_ref: None,
    }
}

impl Node {
    /// The element's text: a locale message.
    pub fn msg(self, msg: Msg) -> Self {
        self.msg_with(msg, Vec::new())
    }

    /// A locale message with placeholders.
    pub fn msg_with(mut self, msg: Msg, args: Vec<(&'static str, Arg)>) -> Self {
        self.text = Text::Msg(msg, args);
        self
    }

    /// Characters shown as they are.
    pub fn raw(mut self, text: String) -> Self {
        self.text = Text::Raw(text);
        self
    }

    pub fn attr(mut self, name: &'static str, value: &'static str) -> Self {
        self.attrs.push((name, value));
        self
    }

    /// An attribute whose value is made at run time.
    pub fn attr_owned(mut self, name: &'static str, value: String) -> Self {
        self.owned.push((name, value));
        self
    }

    /// An attribute that follows the signals `value` reads; `None` removes it.
    pub fn reactive_attr(mut self, name: &'static str, value: impl FnMut() -> Option<String> + Send + 'static) -> Self {
        self.reactive.push((name, Box::new(value)));
        self
    }

    /// A DOM property that follows the signals `value` reads (`value` of a box, `checked` of a check box).
    pub fn prop(mut self, name: &'static str, value: impl FnMut() -> JsValue + Send + 'static) -> Self {
        self.props.push((name, Box::new(value)));
        self
    }

    /// A view, drawn in its place among the children.
    pub fn view(mut self, view: AnyView) -> Self {
        self.children.push(Child::View(view));
        self
    }

    /// Several attributes at once (data, not code).
    pub fn attrs(mut self, list: &'static [(&'static str, &'static str)]) -> Self {
        self.attrs.extend_from_slice(list);
        self
    }

    pub fn child(mut self, child: Node) -> Self {
        self.children.push(Child::Node(child));
        self
    }

    pub fn children(mut self, children: impl IntoIterator<Item = Node>) -> Self {
        self.children.extend(children.into_iter().map(Child::Node));
        self
    }

    /// Calls `handler` on each `event` (`input`, `click`, `change`, `submit`).
    pub fn on(mut self, event: &'static str, handler: impl Fn(web_sys::Event) + Send + Sync + 'static) -> Self {
        self.on = Some((event, Arc::new(handler)));
        self
    }

    /// Lets `element` hold the element once drawn (to focus it).
    pub fn node_ref(mut self, element: ElementRef) -> Self {
        self.node_ref = Some(element);
        self
    }
}

impl Node {
    /// The node as a Leptos view, which Leptos then owns, updates and disposes. Every element of every
    /// node goes through this one function and one element type (a custom element named by `tag`, its
    /// attributes and children type-erased), so a page written as nodes adds data, not generic rendering
    /// code, to the wasm (docs/design.md §7). Locale texts follow the language (`t_with`).
    pub fn draw(self) -> AnyView {
        use leptos::tachys::html::attribute::any_attribute::{AnyAttribute, IntoAnyAttribute};
        use leptos::tachys::html::attribute::custom::custom_attribute;
        use leptos::tachys::html::element::{custom, ElementChild};
        use leptos::tachys::html::property::prop;
        use leptos::tachys::view::add_attr::AddAnyAttr;

        let mut attrs: Vec<AnyAttribute> = Vec::with_capacity(self.attrs.len() + self.owned.len());
        for (name, value) in self.attrs {
            attrs.push(custom_attribute(name, value).into_any_attr());
        }
        for (name, value) in self.owned {
            attrs.push(custom_attribute(name, value).into_any_attr());
        }
        for (name, value) in self.reactive {
            attrs.push(custom_attribute(name, value).into_any_attr());
        }
        for (name, value) in self.props {
            attrs.push(prop(name, value).into_any_attr());
        }
        if let Some((event, handler)) = self.on {
            use leptos::tachys::html::event::{on, Custom};
            attrs.push(on(Custom::new(event), move |ev: web_sys::Event| handler(ev)).into_any_attr());
        }
        if let Some(element) = self.node_ref {
            use leptos::tachys::html::node_ref::node_ref;
            attrs.push(node_ref(element).into_any_attr());
        }
        let mut children: Vec<AnyView> = Vec::with_capacity(self.children.len() + 1);
        match self.text {
            Text::None => {}
            Text::Msg(msg, args) => children.push(crate::components::text::t_with(msg, args).into_any()),
            Text::Raw(raw) => children.push(raw.into_any()),
        }
        children.extend(self.children.into_iter().map(|child| match child {
            Child::Node(node) => node.draw(),
            Child::View(view) => view,
        }));
        custom(self.tag).add_any_attr(attrs).child(children).into_any()
    }
}

/// Nodes drawn one after the other.
pub fn draw_all(nodes: Vec<Node>) -> AnyView {
    nodes.into_iter().map(Node::draw).collect::<Vec<_>>().into_any()
}

/// Nodes drawn again whenever a signal `content` reads changes (a message that comes and goes, a verdict).
/// Only this part is drawn again; keep what the citizen is using out of it.
pub fn follow(mut content: impl FnMut() -> Vec<Node> + Send + 'static) -> AnyView {
    dynamic(move || draw_all(content())).into_any()
}

/// A row of a summary list (`<dl class="myna-summary">`): a label and its value, a `<dd>`.
pub fn summary_row(label: Msg, value: Node) -> Node {
    el("div", "myna-summary__row").child(el("dt", "myna-summary__key").msg(label)).child(value)
}

/// 「戻る」 above the heading, to `href`.
pub fn back_link(href: String) -> Node {
    el("a", "myna-back").attr_owned("href", href).msg(Msg::CommonBack)
}

/// The page's `<h1 tabindex="-1">`, held by the visit's [`crate::state::AppState::heading`] so that a page change
/// (and the end of a card read) focuses it without looking it up. Every page draws its heading with this.
pub fn page_heading() -> Node {
    el("h1", "myna-heading").attr("tabindex", "-1").node_ref(crate::state::use_state().heading)
}

/// A page drawn from data (the password checker, the accessibility statement, the reader page): optionally a
/// back link to the start page, the `<h1 tabindex="-1">`, then the body.
pub fn page(title: Msg, back: bool, body: Vec<Node>) -> AnyView {
    let mut nodes = Vec::with_capacity(body.len() + 2);
    if back {
        nodes.push(back_link(crate::flow::route::Page::Start.hash()));
    }
    nodes.push(page_heading().msg(title));
    nodes.extend(body);
    draw_all(nodes)
}

/// A polite live region with its `id`, which stays in place while its content follows signals (`follow`).
pub fn live_region(id: &'static str, content: impl FnMut() -> Vec<Node> + Send + 'static) -> Node {
    el("div", "myna-live").attr("id", id).attr("aria-live", "polite").view(follow(content))
}
