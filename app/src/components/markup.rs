//! Content as data, drawn by plain DOM calls. Every `view!` shape costs its own generic code in the wasm
//! (build, rebuild, mount, unmount… for each element type, kept alive by the page's `AnyView`; docs/design.md §7),
//! so the pages added late — the accessibility statement, the password checker, the storage opt-in — describe
//! their content as [`Node`]s, which one small function turns into elements. A [`mount`] point redraws its
//! nodes when the language or any signal its content reads changes, and gives the focus back to the element
//! with the same `id` when the focused one was redrawn. Locale texts are drawn by `rich_view` (ruby, Japanese
//! terms, dates, phone links), never as HTML.

use std::sync::Arc;

use leptos::prelude::*;

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

/// An element and its content.
pub struct Node {
    tag: &'static str,
    attrs: Vec<(&'static str, &'static str)>,
    /// Attributes whose values are made at run time (an `id` with an index, a `datetime`, an `href`).
    owned: Vec<(&'static str, String)>,
    /// The `value` property of an input (what was typed never becomes an attribute).
    value: Option<String>,
    text: Text,
    children: Vec<Node>,
    /// Views drawn after the children: the parts that follow signals themselves (a date in the page's
    /// language, the profile's offices).
    views: Vec<AnyView>,
    /// Attributes that follow signals (`None`: absent), so that a change updates the attribute in place
    /// instead of drawing the element again.
    reactive: Vec<(&'static str, Reactive)>,
    on: Option<(&'static str, Handler)>,
}

/// A reactive attribute's value (boxed: one type, so one copy of Leptos's code for all of them).
pub type Reactive = Box<dyn FnMut() -> Option<String> + Send>;

/// An element: `el("p", "myna-hint")`; an empty class adds none.
pub fn el(tag: &'static str, class: &'static str) -> Node {
    let attrs = if class.is_empty() { Vec::new() } else { vec![("class", class)] };
    Node {
        tag,
        attrs,
        owned: Vec::new(),
        value: None,
        text: Text::None,
        children: Vec::new(),
        views: Vec::new(),
        reactive: Vec::new(),
        on: None,
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

    /// A view drawn after the children.
    pub fn view(mut self, view: AnyView) -> Self {
        self.views.push(view);
        self
    }

    /// Several attributes at once (data, not code).
    pub fn attrs(mut self, list: &'static [(&'static str, &'static str)]) -> Self {
        self.attrs.extend_from_slice(list);
        self
    }

    /// The `value` property of an input.
    pub fn value(mut self, value: String) -> Self {
        self.value = Some(value);
        self
    }

    pub fn child(mut self, child: Node) -> Self {
        self.children.push(child);
        self
    }

    pub fn children(mut self, children: impl IntoIterator<Item = Node>) -> Self {
        self.children.extend(children);
        self
    }

    /// Calls `handler` on each `event` (`input`, `click`, `change`).
    pub fn on(mut self, event: &'static str, handler: impl Fn(web_sys::Event) + Send + Sync + 'static) -> Self {
        self.on = Some((event, Arc::new(handler)));
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
        if let Some((event, handler)) = self.on {
            use leptos::tachys::html::event::{on, Custom};
            attrs.push(on(Custom::new(event), move |ev: web_sys::Event| handler(ev)).into_any_attr());
        }
        let mut children: Vec<AnyView> = Vec::with_capacity(self.children.len() + self.views.len() + 1);
        match self.text {
            Text::None => {}
            Text::Msg(msg, args) => children.push(crate::components::text::t_with(msg, args).into_any()),
            Text::Raw(raw) => children.push(raw.into_any()),
        }
        children.extend(self.children.into_iter().map(Node::draw));
        children.extend(self.views);
        custom(self.tag).add_any_attr(attrs).child(children).into_any()
    }
}

/// Nodes drawn one after the other.
pub fn draw_all(nodes: Vec<Node>) -> AnyView {
    nodes.into_iter().map(Node::draw).collect::<Vec<_>>().into_any()
}

/// An element of a [`tree`]: its depth (0 for the top level), its kind (an index into the caller's table
/// of `(tag, class, attribute)`) and its text.
pub type Row = (u8, u8, Option<Msg>);

/// The kinds of element a [`tree`] uses: `(tag, class, (attribute name, value))`; `""` for none.
pub type Kind = (&'static str, &'static str, (&'static str, &'static str));

/// Builds nodes from a flat table in document order, where each row is a child of the nearest row above
/// it with a smaller depth. `args` fill the placeholders of every text (a date, …). A compact way to
/// write a page of text: a few bytes of data per element instead of code.
pub fn tree(kinds: &[Kind], rows: &[Row], args: &[(&'static str, Arg)]) -> Vec<Node> {
    fn attach(stack: &mut [(u8, Node)], top: &mut Vec<Node>, node: Node) {
        match stack.last_mut() {
            Some((_, parent)) => parent.children.push(node),
            None => top.push(node),
        }
    }
    let mut stack: Vec<(u8, Node)> = Vec::new();
    let mut top = Vec::new();
    for &(depth, kind, text) in rows {
        while stack.last().is_some_and(|(d, _)| *d >= depth) {
            if let Some((_, done)) = stack.pop() {
                attach(&mut stack, &mut top, done);
            }
        }
        let (tag, class, (name, value)) = kinds.get(usize::from(kind)).copied().unwrap_or(("span", "", ("", "")));
        let mut node = el(tag, class);
        if !name.is_empty() {
            node = node.attr(name, value);
        }
        if let Some(msg) = text {
            node = node.msg_with(msg, args.to_vec());
        }
        stack.push((depth, node));
    }
    while let Some((_, done)) = stack.pop() {
        attach(&mut stack, &mut top, done);
    }
    top
}

/// What a [`mount`] point or a [`page`] shows; boxed, so that every one of them is the same code.
pub type Content = Box<dyn Fn() -> Vec<Node>>;

/// A place inside a view whose content is `content()`: drawn once mounted, and again when the language or
/// a signal `content` reads changes.
pub fn mount(content: Content) -> impl IntoView {
    browser::mount(content)
}

/// A whole page drawn from data (the password checker, the accessibility statement): optionally a back link
/// to the start page, the `<h1 tabindex="-1">`, the content, and optionally a polite live region with its
/// id, which stays in place while its content changes. The page adds no view of its own to the app (it
/// returns `()`): its elements go into `<main>` and leave with the page.
pub fn page(title: Msg, back: bool, body: Content, live: Option<(&'static str, Content)>) -> AnyView {
    let head: Content = Box::new(move || {
        let mut nodes = Vec::new();
        if back {
            nodes.push(el("a", "myna-back").attr("href", "#/").msg(Msg::CommonBack));
        }
        nodes.push(el("h1", "myna-heading").attr("tabindex", "-1").msg(title));
        nodes.extend(body());
        nodes
    });
    browser::page(head, live);
    ().into_any()
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use leptos::prelude::*;
    use leptos::tachys::view::{Mountable, Render};
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    use super::{Content, Node, Text};
    use crate::components::text::rich_view;
    use crate::i18n::Locale;
    use crate::state::use_state;

    type Listener = Closure<dyn FnMut(web_sys::Event)>;

    /// The element of a [`super::page`], inside `<main>`.
    const PAGE_ID: &str = "myna-page";

    fn build(node: Node, locale: Locale, listeners: &mut Vec<Listener>) -> Option<web_sys::Element> {
        let element = document().create_element(node.tag).ok()?;
        for (name, value) in node.attrs {
            element.set_attribute(name, value).ok()?;
        }
        for (name, value) in node.owned {
            element.set_attribute(name, &value).ok()?;
        }
        for (name, mut value) in node.reactive {
            if let Some(value) = untrack(&mut value) {
                element.set_attribute(name, &value).ok()?;
            }
        }
        if let Some(value) = node.value {
            element.dyn_ref::<web_sys::HtmlInputElement>()?.set_value(&value);
        }
        match node.text {
            Text::None => {}
            Text::Msg(msg, args) => rich_view(locale, locale.raw(msg), &args).build().mount(&element, None),
            Text::Raw(raw) => element.set_text_content(Some(&raw)),
        }
        for child in node.children {
            let child = build(child, locale, listeners)?;
            element.append_child(&child).ok()?;
        }
        for view in node.views {
            view.build().mount(&element, None);
        }
        if let Some((event, handler)) = node.on {
            let listener = Listener::new(move |ev| handler(ev));
            element.add_event_listener_with_callback(event, listener.as_ref().unchecked_ref()).ok()?;
            listeners.push(listener);
        }
        Some(element)
    }

    /// Where content is drawn: an element of a view, or one made by [`page`].
    enum Holder {
        Ref(NodeRef<leptos::html::Div>),
        Element(web_sys::Element),
    }

    /// Draws `content` into the holder now and again whenever the language or what `content` reads changes.
    fn draw(holder: Holder, content: Content) {
        let state = use_state();
        // The effect keeps the listeners of the elements it drew last: dropped with the next drawing or
        // with the page.
        Effect::new(move |_: Option<Vec<Listener>>| {
            let locale = state.locale.get();
            let nodes = content();
            let mut drawn = Vec::new();
            let holder = match &holder {
                Holder::Ref(r) => r.get().map(web_sys::Element::from),
                Holder::Element(e) => Some(e.clone()),
            };
            let Some(holder) = holder else { return drawn };
            let focused = document().active_element();
            holder.set_text_content(None);
            for node in nodes {
                if let Some(element) = build(node, locale, &mut drawn) {
                    let _ = holder.append_child(&element);
                }
            }
            // The focused element was redrawn: focus its successor (same id).
            if let Some(old) = focused.filter(|e| !e.is_connected() && !e.id().is_empty()) {
                let new = document().get_element_by_id(&old.id());
                if let Some(new) = new.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                    let _ = new.focus();
                }
            }
            drawn
        });
    }

    pub fn mount(content: Content) -> impl IntoView {
        let holder = NodeRef::<leptos::html::Div>::new();
        draw(Holder::Ref(holder), content);
        view! { <div class="myna-markup" node_ref=holder></div> }
    }

    fn div(attrs: &[(&str, &str)]) -> Option<web_sys::Element> {
        let element = document().create_element("div").ok()?;
        for (name, value) in attrs {
            element.set_attribute(name, value).ok()?;
        }
        Some(element)
    }

    pub fn page(content: Content, live: Option<(&'static str, Content)>) {
        let Some(main) = document().get_element_by_id("main") else { return };
        let (Some(page), Some(body)) = (div(&[("id", PAGE_ID)]), div(&[])) else { return };
        let _ = page.append_child(&body);
        draw(Holder::Element(body), content);
        if let Some((id, content)) = live {
            if let Some(region) = div(&[("class", "myna-live"), ("id", id), ("aria-live", "polite")]) {
                let _ = page.append_child(&region);
                draw(Holder::Element(region), content);
            }
        }
        let _ = main.append_child(&page);
        on_cleanup(|| {
            if let Some(page) = document().get_element_by_id(PAGE_ID) {
                page.remove();
            }
        });
    }
}

/// Native builds (tests) draw nothing.
#[cfg(not(target_arch = "wasm32"))]
mod browser {
    use super::Content;

    pub fn mount(content: Content) -> impl leptos::prelude::IntoView {
        let _ = content;
    }

    pub fn page(content: Content, live: Option<(&'static str, Content)>) {
        let _ = (content, live);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(nodes: &[Node]) -> String {
        let mut out = String::new();
        for n in nodes {
            out.push_str(n.tag);
            if !n.children.is_empty() {
                out.push('(');
                out.push_str(&shape(&n.children));
                out.push(')');
            }
            out.push(' ');
        }
        out
    }

    #[test]
    fn a_flat_table_becomes_a_tree_by_depth() {
        let kinds: [Kind; 4] = [("p", "", ("", "")), ("ul", "", ("", "")), ("li", "", ("", "")), ("b", "", ("", ""))];
        let rows: [Row; 7] =
            [(0, 0, None), (0, 1, None), (1, 2, None), (2, 3, None), (1, 2, None), (0, 0, None), (0, 9, None)];
        assert_eq!(shape(&tree(&kinds, &rows, &[])), "p ul(li(b ) li ) p span ");
    }
}
