//! Stage 3: IR → Rust tokens, one module per output kind. Each emitter is a function from
//! the [`Api`](crate::ir::Api) to a `TokenStream` (or to the [`Part`]s of one); none of them
//! reads the spec.

pub mod client;
pub mod crate_root;
pub mod http;
pub mod models;
pub mod plan;
pub mod security;
pub mod server;
pub mod validate;

use crate::ir::{Constraints, Docs, ExprKind, Primitive, TypeExpr};
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;
use std::collections::BTreeSet;

/// A piece of a Rust file that is emitted and formatted on its own; the file is its parts'
/// texts, one after another.
///
/// Parsing and laying out the tokens is most of akgen's time, so the writer spreads parts
/// over threads (token streams cannot cross threads: each part makes its own there), and
/// no syntax tree it holds at once is larger than a part.
pub struct Part<'a> {
    /// Roughly how much the part emits (items, operations), so the largest start first.
    pub weight: usize,
    make: Box<dyn FnOnce() -> TokenStream + Send + 'a>,
}

impl<'a> Part<'a> {
    /// A part that `make` emits when its turn comes.
    pub fn new(weight: usize, make: impl FnOnce() -> TokenStream + Send + 'a) -> Self {
        Part { weight, make: Box::new(make) }
    }

    /// The part's tokens.
    pub fn emit(self) -> TokenStream {
        (self.make)()
    }
}

/// The tokens of every part in order: the whole file as one stream.
pub fn join(parts: Vec<Part<'_>>) -> TokenStream {
    parts.into_iter().map(Part::emit).collect()
}

/// Whether items carry `#[cfg(feature = …)]` for the tags that use them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gating {
    /// A crate of its own: one Cargo feature per tag, so a user compiles only the tags they
    /// call (a 1,139-operation crate is slow to build).
    PerTag,
    /// A module included by a build script into a crate whose features are not ours:
    /// everything is compiled.
    Off,
}

/// What a shared item (an import, a pattern, a helper) needs to be compiled: the union of
/// the tags of the items that use it, or always when one of them is always compiled.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Need {
    always: bool,
    tags: BTreeSet<String>,
}

impl Need {
    /// Adds a user compiled for `tags` (always, when `tags` is empty).
    pub fn add(&mut self, tags: &BTreeSet<String>) {
        if tags.is_empty() {
            self.always = true;
        } else if !self.always {
            self.tags.extend(tags.iter().cloned());
        }
    }

    /// Adds every user of another need.
    pub fn merge(&mut self, other: &Need) {
        if other.always {
            self.always = true;
        } else if other.is_needed() {
            self.add(&other.tags);
        }
    }

    /// Whether anything uses the item at all.
    pub fn is_needed(&self) -> bool {
        self.always || !self.tags.is_empty()
    }

    /// `use path;` under this need's `#[cfg]`, or nothing when nothing uses it.
    pub fn import(&self, gating: Gating, path: TokenStream) -> Option<TokenStream> {
        let cfg = self.cfg(gating);
        self.is_needed().then(|| quote!(#cfg use #path;))
    }

    /// The `#[cfg]` under which the item is compiled.
    pub fn cfg(&self, gating: Gating) -> TokenStream {
        if self.always { TokenStream::new() } else { cfg(&self.tags, gating) }
    }
}

/// `#[cfg(feature = "…")]` for the operations of one tag (client and server are only
/// emitted into crates, so always gated).
pub fn tag_cfg(tag: &str) -> TokenStream {
    cfg(&BTreeSet::from([tag.to_owned()]), Gating::PerTag)
}

/// `#[cfg(feature = "tag")]` or `#[cfg(any(…))]` for an item the given tags use; nothing
/// for an item no operation uses (no feature could ask for it, so it is always compiled)
/// or when gating is off.
pub fn cfg(tags: &BTreeSet<String>, gating: Gating) -> TokenStream {
    if gating == Gating::Off || tags.is_empty() {
        return TokenStream::new();
    }
    let features = tags.iter().map(|t| crate::ir::naming::feature(t));
    if tags.len() == 1 {
        quote!(#[cfg(feature = #(#features)*)])
    } else {
        quote!(#[cfg(any(#(feature = #features),*))])
    }
}

/// An identifier from an IR name: where a keyword becomes a raw identifier (`type` →
/// `r#type`), as [`names::escaped`](crate::ir::names::escaped) spells it.
pub fn ident(name: &str) -> Ident {
    if crate::ir::names::is_keyword(name) {
        Ident::new_raw(name, Span::call_site())
    } else {
        Ident::new(name, Span::call_site())
    }
}

/// `#[doc]` attributes for spec text, made safe for rustdoc.
///
/// Spec descriptions are Markdown written for a web page. Indented lines would become
/// Rust doctests (and fail), and untagged code fences would be compiled as Rust, so
/// indentation is dropped and fences are marked `text`. Placeholders such as `<name>`
/// would be read as HTML tags, so `<` is escaped outside code.
pub fn doc_attrs(docs: &Docs, extra: &[String]) -> TokenStream {
    let mut paragraphs: Vec<String> = Vec::new();
    if let Some(title) = &docs.title {
        paragraphs.push(title.trim().to_owned());
    }
    if let Some(desc) = &docs.description {
        let desc = desc.trim();
        if docs.title.as_deref().map(str::trim) != Some(desc) && !desc.is_empty() {
            paragraphs.push(desc.to_owned());
        }
    }
    paragraphs.extend(extra.iter().cloned());
    let mut lines = Vec::new();
    for (i, p) in paragraphs.iter().enumerate() {
        if i > 0 {
            lines.push(String::new());
        }
        let mut in_fence = false;
        for line in p.lines() {
            let line = line.trim();
            lines.push(if line.starts_with("```") {
                in_fence = !in_fence;
                if line.trim_start_matches('`').is_empty() { "```text".to_owned() } else { line.to_owned() }
            } else if in_fence {
                line.to_owned()
            } else {
                escape_angle_brackets(line)
            });
        }
    }
    // Close a fence the spec left open, or rustdoc swallows the rest of the item's docs.
    if lines.iter().filter(|l| l.starts_with("```")).count() % 2 == 1 {
        lines.push("```".to_owned());
    }
    lines
        .iter()
        .map(|l| {
            let text = format!(" {l}");
            quote!(#[doc = #text])
        })
        .collect()
}

/// Escapes a `<` that could start HTML in a line of Markdown, except inside code spans and
/// where it opens an autolink (`<https://…>`), so that rustdoc shows the text as the spec
/// wrote it.
fn escape_angle_brackets(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(c) = rest.chars().next() {
        if c == '`' {
            // A code span runs to the next backtick run of the same length; without one,
            // the backticks are plain text.
            let run = rest.len() - rest.trim_start_matches('`').len();
            let span = closing_run(&rest[run..], run).map_or(run, |end| run + end + run);
            out.push_str(&rest[..span]);
            rest = &rest[span..];
            continue;
        }
        // Only what could start HTML (`<tag`, `</`, `<!`, `<?`) needs it; `<= 5` stays.
        let after = &rest[c.len_utf8()..];
        let html = after.starts_with(|n: char| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?'));
        if c == '<' && html && !opens_autolink(after) {
            out.push('\\');
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Where in `text` a run of exactly `len` backticks starts.
fn closing_run(text: &str, len: usize) -> Option<usize> {
    let mut at = 0;
    while let Some(found) = text[at..].find('`') {
        let start = at + found;
        let run = text[start..].len() - text[start..].trim_start_matches('`').len();
        if run == len {
            return Some(start);
        }
        at = start + run;
    }
    None
}

/// Whether the text after a `<` is an autolink's URI and closing `>`: a scheme, a colon, and
/// no space or `<` before the `>`.
fn opens_autolink(after: &str) -> bool {
    let Some((uri, _)) = after.split_once('>') else { return false };
    let Some((scheme, _)) = uri.split_once(':') else { return false };
    scheme.len() >= 2
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-'))
        && !uri.contains([' ', '<'])
}

/// A one-line summary of the constraints at a use, for doc comments.
pub fn constraint_summary(c: &Constraints) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(p) = &c.pattern {
        parts.push(format!("matches `{p}`"));
    }
    if let Some(p) = &c.unchecked_pattern {
        parts.push(format!("should match `{p}` (not checked: no ECMA-262 mode accepts the pattern)"));
    }
    let plural = |n: u64, word: &str| if n == 1 { format!("{n} {word}") } else { format!("{n} {word}s") };
    match (c.min_length, c.max_length) {
        (Some(a), Some(b)) => parts.push(format!("{a} to {}", plural(b, "character"))),
        (Some(a), None) => parts.push(format!("at least {}", plural(a, "character"))),
        (None, Some(b)) => parts.push(format!("at most {}", plural(b, "character"))),
        (None, None) => {}
    }
    let bound = |b: &crate::ir::Bound, strict: &str, loose: &str| {
        format!("{} {}", if b.exclusive { strict } else { loose }, b.value)
    };
    if let Some(b) = &c.minimum {
        parts.push(bound(b, ">", ">="));
    }
    if let Some(b) = &c.maximum {
        parts.push(bound(b, "<", "<="));
    }
    match (c.min_items, c.max_items) {
        (Some(a), Some(b)) => parts.push(format!("{a} to {}", plural(b, "item"))),
        (Some(a), None) => parts.push(format!("at least {}", plural(a, "item"))),
        (None, Some(b)) => parts.push(format!("at most {}", plural(b, "item"))),
        (None, None) => {}
    }
    if c.unique_items {
        parts.push("unique items".into());
    }
    if let Some(f) = &c.format {
        parts.push(format!("format `{f}`"));
    }
    if c.read_only {
        parts.push("read-only: sent by the server, ignored in requests".into());
    }
    if c.write_only {
        parts.push("write-only: never returned by the server".into());
    }
    (!parts.is_empty()).then(|| format!("Constraints: {}.", parts.join("; ")))
}

/// The Rust type for a use, without the `Option`/`Nullable` wrapper that nullability and
/// optionality add at the field level. Names are bare: the models module imports them.
pub fn rust_type(expr: &TypeExpr) -> TokenStream {
    type_tokens(expr, None)
}

/// The type of a value that may be `null`: `Option<T>` when nullable.
pub fn nullable_type(expr: &TypeExpr) -> TokenStream {
    let t = rust_type(expr);
    if expr.nullable { quote!(Option<#t>) } else { t }
}

/// Like [`nullable_type`], but with paths (`crate::models::Token`, `uuid::Uuid`), for
/// modules that import nothing by name and so cannot clash with a model's name.
pub fn qualified_type(expr: &TypeExpr) -> TokenStream {
    type_with_models_at(expr, &quote!(crate::models))
}

/// Like [`qualified_type`], with the models named through `models` (`models::Token` in the
/// validate module, which imports the module and may be compiled inside another crate).
pub fn type_with_models_at(expr: &TypeExpr, models: &TokenStream) -> TokenStream {
    let t = type_tokens(expr, Some(models));
    if expr.nullable { quote!(Option<#t>) } else { t }
}

/// The type's tokens; with `models`, every path spelled out and models named through it.
fn type_tokens(expr: &TypeExpr, models: Option<&TokenStream>) -> TokenStream {
    let qualified = models.is_some();
    let nested = |e: &TypeExpr| {
        let t = type_tokens(e, models);
        if e.nullable { quote!(Option<#t>) } else { t }
    };
    match &expr.kind {
        ExprKind::Named(n) => {
            let id = ident(n);
            match models {
                Some(models) => quote!(#models::#id),
                None => quote!(#id),
            }
        }
        ExprKind::Primitive(p) => match (p, qualified) {
            (Primitive::String, _) => quote!(String),
            (Primitive::Bool, _) => quote!(bool),
            (Primitive::Int32, _) => quote!(i32),
            (Primitive::Int64, _) => quote!(i64),
            (Primitive::Uint64, _) => quote!(u64),
            (Primitive::Float64, _) => quote!(f64),
            (Primitive::Uuid, false) => quote!(Uuid),
            (Primitive::Uuid, true) => quote!(uuid::Uuid),
            (Primitive::DateTime, false) => quote!(DateTime<Utc>),
            (Primitive::DateTime, true) => quote!(chrono::DateTime<chrono::Utc>),
            // The newtype lives in the models module (`emit::models::rfc3339_module`).
            (Primitive::TimeDateTime, false) => quote!(super::models::rfc3339::DateTime),
            (Primitive::TimeDateTime, true) => {
                let models = models.expect("qualified");
                quote!(#models::rfc3339::DateTime)
            }
            (Primitive::Date, false) => quote!(NaiveDate),
            (Primitive::Date, true) => quote!(chrono::NaiveDate),
            (Primitive::Binary, _) => quote!(Vec<u8>),
        },
        ExprKind::List(item) => {
            let inner = nested(item);
            quote!(Vec<#inner>)
        }
        ExprKind::Map(value) => {
            let inner = nested(value);
            if qualified {
                quote!(std::collections::BTreeMap<String, #inner>)
            } else {
                quote!(BTreeMap<String, #inner>)
            }
        }
        ExprKind::Tuple(items) => {
            let items = items.iter().map(nested);
            quote!((#(#items,)*))
        }
        ExprKind::Any => quote!(serde_json::Value),
        ExprKind::External(path) => syn::parse_str::<syn::Path>(path)
            .map(|p| quote!(#p))
            .expect("the config checked that the replacement is a Rust path"),
    }
}

#[cfg(test)]
mod tests {
    use super::escape_angle_brackets;

    #[test]
    fn placeholders_are_escaped_code_and_autolinks_are_not() {
        // Lines from the pinned spec's descriptions that rustdoc read as unclosed tags.
        assert_eq!(
            escape_angle_brackets("Can be in the format of 'unix://<path>' or 'https://<hostname>:2376'."),
            r"Can be in the format of 'unix://\<path>' or 'https://\<hostname>:2376'."
        );
        assert_eq!(escape_angle_brackets("If <name> isn't found"), r"If \<name> isn't found");
        assert_eq!(escape_angle_brackets("a `Vec<u8>` and ``x<y` z``"), "a `Vec<u8>` and ``x<y` z``");
        assert_eq!(escape_angle_brackets("see <https://goauthentik.io/docs>"), "see <https://goauthentik.io/docs>");
        // An unclosed backtick is plain text, so what follows it is not code.
        assert_eq!(escape_angle_brackets("1 < 2, <= 3 and `unclosed <b>"), r"1 < 2, <= 3 and `unclosed \<b>");
    }

    /// Lines that start with (or hold) characters of several bytes: from the corpus's
    /// descriptions (fusionauth, pretalx, stripe, qdrant), which made a formatting thread panic.
    #[test]
    fn lines_of_several_byte_characters_are_kept_whole() {
        assert_eq!(escape_angle_brackets("’s email"), "’s email");
        assert_eq!(escape_angle_brackets("– relying on <b>"), r"– relying on \<b>");
        assert_eq!(escape_angle_brackets("ção<é>"), "ção<é>");
        assert_eq!(escape_angle_brackets("<ç"), "<ç");
    }
}
