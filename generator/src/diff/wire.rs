//! The wire pass: what changed in the HTTP messages, judged by direction. A type's
//! direction is found by walking from the operations' request bodies and parameters
//! (request) and responses (response).

use super::Change;
use super::rules::{Level, rule};
use crate::error::escape_pointer_segment as esc;
use crate::ir::{Api, Constraints, ExprKind, Operation, Status, TypeDef, TypeExpr, TypeKind};
use std::collections::{BTreeMap, BTreeSet};

/// Appends the wire changes from `old` to `new`.
pub(super) fn compare(old: &Api, new: &Api, out: &mut Vec<Change>) {
    let types = Types { old, new };
    operations(old, new, &types, out);
    schemas(old, new, &types, out);
    security_schemes(old, new, out);
}

fn operations(old: &Api, new: &Api, types: &Types, out: &mut Vec<Change>) {
    let by_id = |api: &Api| -> BTreeMap<String, usize> {
        api.operations.iter().enumerate().map(|(i, o)| (o.id.clone(), i)).collect()
    };
    let by_route = |api: &Api| -> BTreeMap<(crate::ir::Method, String), usize> {
        api.operations.iter().enumerate().map(|(i, o)| ((o.method, o.path.clone()), i)).collect()
    };
    let (old_ids, new_ids) = (by_id(old), by_id(new));
    let new_routes = by_route(new);
    let old_routes = by_route(old);
    for (id, &i) in &old_ids {
        let o = &old.operations[i];
        match new_ids.get(id) {
            Some(&j) => operation(o, &new.operations[j], types, out),
            None => match new_routes.get(&(o.method, o.path.clone())) {
                Some(&j) => {
                    let n = &new.operations[j];
                    let detail = format!("{id} -> {}", n.id);
                    out.push(Change::new(rule("operation-id-changed"), &n.pointer, detail).op(id));
                    operation(o, n, types, out);
                }
                None => {
                    let detail = format!("{} {}", o.method, o.path);
                    out.push(Change::new(rule("operation-removed"), &o.pointer, detail).old().op(id));
                }
            },
        }
    }
    for (id, &j) in &new_ids {
        let n = &new.operations[j];
        if !old_ids.contains_key(id) && !old_routes.contains_key(&(n.method, n.path.clone())) {
            let detail = format!("{} {}", n.method, n.path);
            out.push(Change::new(rule("operation-added"), &n.pointer, detail).op(id));
        }
    }
}

fn operation(o: &Operation, n: &Operation, types: &Types, out: &mut Vec<Change>) {
    let id = n.id.as_str();
    if !o.deprecated && n.deprecated {
        out.push(Change::new(rule("operation-deprecated"), &n.pointer, "").op(id));
    }
    if o.security != n.security {
        // Tightened when a way of calling that used to be accepted no longer is.
        let tightened =
            o.security.iter().any(|r| !n.security.contains(r)) || (o.security.is_empty() && !n.security.is_empty());
        let id_ = if tightened { "operation-security-tightened" } else { "operation-security-loosened" };
        let detail = format!("{} -> {}", show_security(&o.security), show_security(&n.security));
        out.push(Change::new(rule(id_), format!("{}/security", n.pointer), detail).op(id));
    }
    parameters(o, n, types, out);
    request_body(o, n, types, out);
    responses(o, n, types, out);
}

fn show_security(requirements: &[Vec<String>]) -> String {
    if requirements.is_empty() {
        return "none".into();
    }
    requirements
        .iter()
        .map(|r| if r.is_empty() { "anonymous".into() } else { r.join(" + ") })
        .collect::<Vec<_>>()
        .join(" | ")
}

fn parameters(o: &Operation, n: &Operation, types: &Types, out: &mut Vec<Change>) {
    let id = n.id.as_str();
    let key = |p: &crate::ir::Parameter| (p.location, p.wire_name.clone());
    let old_params: BTreeMap<_, _> = o.parameters.iter().map(|p| (key(p), p)).collect();
    let new_params: BTreeMap<_, _> = n.parameters.iter().map(|p| (key(p), p)).collect();
    let at = format!("{}/parameters", n.pointer);
    for (k, p) in &old_params {
        let what = format!("{} {}", p.location.as_str(), p.wire_name);
        let Some(q) = new_params.get(k) else {
            let at = format!("{}/parameters", o.pointer);
            out.push(Change::new(rule("parameter-removed"), at, what).old().op(id).property(&p.wire_name));
            continue;
        };
        let tag = |c: Change| c.op(id).property(&q.wire_name);
        if !p.required && q.required {
            out.push(tag(Change::new(rule("parameter-became-required"), &at, what.clone())));
        }
        if p.required && !q.required {
            out.push(tag(Change::new(rule("parameter-became-optional"), &at, what.clone())));
        }
        if !p.deprecated && q.deprecated {
            out.push(tag(Change::new(rule("parameter-deprecated"), &at, what.clone())));
        }
        let is_list = |t: &TypeExpr| matches!(t.kind, ExprKind::List(_));
        if p.explode != q.explode && (is_list(&p.ty) || is_list(&q.ty)) {
            let detail = format!("{what}: explode {} -> {}", p.explode, q.explode);
            out.push(tag(Change::new(rule("parameter-explode-changed"), &at, detail)));
        }
        if p.style != q.style {
            let detail = format!("{what}: style {} -> {}", p.style, q.style);
            out.push(tag(Change::new(rule("parameter-style-changed"), &at, detail)));
        }
        if compare_types(&p.ty, &q.ty, types) == TypeChange::Wire {
            let detail = format!("{what}: {} -> {}", show(&p.ty), show(&q.ty));
            out.push(tag(Change::new(rule("parameter-type-changed"), &at, detail)));
        }
        constraints(&p.ty.constraints, &q.ty.constraints, Dir::Request, &at, out, tag);
    }
    for (k, q) in &new_params {
        if !old_params.contains_key(k) {
            let id_ = if q.required { "parameter-added-required" } else { "parameter-added" };
            let what = format!("{} {}", q.location.as_str(), q.wire_name);
            out.push(Change::new(rule(id_), &at, what).op(id).property(&q.wire_name));
        }
    }
}

fn request_body(o: &Operation, n: &Operation, types: &Types, out: &mut Vec<Change>) {
    let id = n.id.as_str();
    let at = format!("{}/requestBody", n.pointer);
    match (&o.body, &n.body) {
        (None, None) => {}
        (None, Some(b)) => {
            if b.required {
                out.push(Change::new(rule("request-body-added-required"), &at, "").op(id));
            }
        }
        (Some(_), None) => {
            out.push(Change::new(rule("request-body-removed"), format!("{}/requestBody", o.pointer), "").old().op(id))
        }
        (Some(a), Some(b)) => {
            if !a.required && b.required {
                out.push(Change::new(rule("request-body-became-required"), &at, "").op(id));
            }
            let old_types: BTreeMap<&str, _> = a.content.iter().map(|c| (c.media_type.as_str(), c)).collect();
            let new_types: BTreeMap<&str, _> = b.content.iter().map(|c| (c.media_type.as_str(), c)).collect();
            for (media, c) in &old_types {
                match new_types.get(media) {
                    None => out.push(
                        Change::new(rule("request-media-type-removed"), format!("{}/requestBody", o.pointer), *media)
                            .old()
                            .op(id),
                    ),
                    Some(d) => {
                        // An inline body schema has no component of its own to be compared
                        // under; its top-level type is compared here.
                        if let (Some(x), Some(y)) = (&c.ty, &d.ty)
                            && compare_types(x, y, types) == TypeChange::Wire
                        {
                            let detail = format!("{media}: {} -> {}", show(x), show(y));
                            let at = format!("{at}/content/{}/schema", esc(media));
                            out.push(Change::new(rule("request-property-type-changed"), at, detail).op(id));
                        }
                    }
                }
            }
            for media in new_types.keys().filter(|m| !old_types.contains_key(*m)) {
                out.push(Change::new(rule("request-media-type-added"), &at, *media).op(id));
            }
        }
    }
}

fn responses(o: &Operation, n: &Operation, types: &Types, out: &mut Vec<Change>) {
    let id = n.id.as_str();
    let old_r: BTreeMap<Status, _> = o.responses.iter().map(|r| (r.status, r)).collect();
    let new_r: BTreeMap<Status, _> = n.responses.iter().map(|r| (r.status, r)).collect();
    let success = |s: Status| matches!(s, Status::Code(200..=299) | Status::Range(2));
    for (status, r) in &old_r {
        let at_old = format!("{}/responses/{}", o.pointer, status_key(*status));
        let Some(q) = new_r.get(status) else {
            let id_ = if success(*status) { "response-success-status-removed" } else { "response-status-removed" };
            out.push(Change::new(rule(id_), at_old, status_key(*status)).old().op(id));
            continue;
        };
        let at = format!("{}/responses/{}", n.pointer, status_key(*status));
        let old_m: BTreeSet<&str> = r.content.iter().map(|c| c.media_type.as_str()).collect();
        let new_m: BTreeSet<&str> = q.content.iter().map(|c| c.media_type.as_str()).collect();
        for media in old_m.difference(&new_m) {
            let detail = format!("{}: {media}", status_key(*status));
            out.push(Change::new(rule("response-media-type-removed"), &at_old, detail).old().op(id));
        }
        for media in new_m.difference(&old_m) {
            let detail = format!("{}: {media}", status_key(*status));
            out.push(Change::new(rule("response-media-type-added"), &at, detail).op(id));
        }
        headers(r, q, (&at_old, &at), types, out, id);
    }
    for status in new_r.keys().filter(|s| !old_r.contains_key(*s)) {
        let at = format!("{}/responses/{}", n.pointer, status_key(*status));
        out.push(Change::new(rule("response-status-added"), at, status_key(*status)).op(id));
    }
}

/// A response's documented headers, matched by name without case (as HTTP does). Located
/// at the response, which may be a `$ref` (the header's own pointer would not resolve).
fn headers(
    o: &crate::ir::Response,
    n: &crate::ir::Response,
    (at_old, at): (&str, &str),
    types: &Types,
    out: &mut Vec<Change>,
    id: &str,
) {
    fn by_name(r: &crate::ir::Response) -> BTreeMap<String, &crate::ir::ResponseHeader> {
        r.headers.iter().map(|h| (h.name.to_ascii_lowercase(), h)).collect()
    }
    let (old_h, new_h) = (by_name(o), by_name(n));
    let status = status_key(n.status);
    for (key, h) in &old_h {
        let Some(g) = new_h.get(key) else {
            let change = Change::new(rule("response-header-removed"), at_old, format!("{status}: {}", h.name));
            out.push(change.old().op(id).property(&h.name));
            continue;
        };
        let what = format!("{status}: {}", g.name);
        let tag = |c: Change| c.op(id).property(&g.name);
        if h.required && !g.required {
            out.push(tag(Change::new(rule("response-header-became-optional"), at, what.clone())));
        }
        if !h.deprecated && g.deprecated {
            out.push(tag(Change::new(rule("response-header-deprecated"), at, what.clone())));
        }
        if compare_types(&h.ty, &g.ty, types) == TypeChange::Wire {
            let detail = format!("{what}: {} -> {}", show(&h.ty), show(&g.ty));
            out.push(tag(Change::new(rule("response-header-type-changed"), at, detail)));
        }
    }
    for (key, g) in &new_h {
        if !old_h.contains_key(key) {
            let change = Change::new(rule("response-header-added"), at, format!("{status}: {}", g.name));
            out.push(change.op(id).property(&g.name));
        }
    }
}

/// `components/securitySchemes`: schemes added and removed, and how each one's credential
/// is sent.
fn security_schemes(old: &Api, new: &Api, out: &mut Vec<Change>) {
    use crate::ir::SchemeKind as K;
    fn by_name(api: &Api) -> BTreeMap<&str, &crate::ir::SecurityScheme> {
        // Only what `components/securitySchemes` defines: a name without a definition is
        // the spec's mistake, and defining it later is an addition.
        let defined = api.security_schemes.iter().filter(|s| s.kind != K::Undefined);
        defined.map(|s| (s.name.as_str(), s)).collect()
    }
    let (old_s, new_s) = (by_name(old), by_name(new));
    for (name, o) in &old_s {
        let Some(n) = new_s.get(name) else {
            out.push(Change::new(rule("security-scheme-removed"), &o.pointer, *name).old());
            continue;
        };
        let push = |out: &mut Vec<Change>, id: &str, detail: String| {
            out.push(Change::new(rule(id), &n.pointer, format!("{name}: {detail}")));
        };
        match (&o.kind, &n.kind) {
            (K::ApiKey { location: a, name: x }, K::ApiKey { location: b, name: y }) if (a, x) != (b, y) => {
                let detail = format!("API key `{x}` in {} -> `{y}` in {}", a.as_str(), b.as_str());
                push(out, "security-scheme-changed", detail);
            }
            (K::Http { scheme: a, .. }, K::Http { scheme: b, .. }) if a != b => {
                push(out, "security-scheme-changed", format!("HTTP scheme `{a}` -> `{b}`"));
            }
            (K::OpenIdConnect { url: a }, K::OpenIdConnect { url: b }) if a != b => {
                push(out, "security-scheme-url-changed", format!("openIdConnectUrl {a} -> {b}"));
            }
            (K::OAuth2 { flows: a }, K::OAuth2 { flows: b }) => oauth_flows(a, b, &n.pointer, name, out),
            (a, b) if std::mem::discriminant(a) != std::mem::discriminant(b) => {
                let detail = format!("{} -> {}", scheme_type(a), scheme_type(b));
                push(out, "security-scheme-type-changed", detail);
            }
            (K::Other(a), K::Other(b)) if a != b => {
                push(out, "security-scheme-type-changed", format!("{a} -> {b}"));
            }
            _ => {}
        }
    }
    for (name, n) in &new_s {
        if !old_s.contains_key(name) {
            out.push(Change::new(rule("security-scheme-added"), &n.pointer, *name));
        }
    }
}

/// The scheme's `type` as the spec writes it.
fn scheme_type(k: &crate::ir::SchemeKind) -> &str {
    use crate::ir::SchemeKind as K;
    match k {
        K::ApiKey { .. } => "apiKey",
        K::Http { .. } => "http",
        K::OAuth2 { .. } => "oauth2",
        K::OpenIdConnect { .. } => "openIdConnect",
        K::MutualTls => "mutualTLS",
        K::Other(t) => t,
        K::Undefined => "undefined",
    }
}

fn oauth_flows(
    old: &[crate::ir::OAuthFlow],
    new: &[crate::ir::OAuthFlow],
    at: &str,
    name: &str,
    out: &mut Vec<Change>,
) {
    let push = |out: &mut Vec<Change>, id: &str, detail: String| {
        out.push(Change::new(rule(id), at, format!("{name}: {detail}")));
    };
    for o in old {
        let Some(n) = new.iter().find(|n| n.kind == o.kind) else {
            push(out, "security-oauth-flow-removed", o.kind.clone());
            continue;
        };
        let urls = [
            ("authorizationUrl", &o.authorization_url, &n.authorization_url),
            ("tokenUrl", &o.token_url, &n.token_url),
            ("refreshUrl", &o.refresh_url, &n.refresh_url),
        ];
        for (key, a, b) in urls {
            if a != b {
                let show = |u: &Option<String>| u.clone().unwrap_or_else(|| "none".into());
                push(out, "security-scheme-url-changed", format!("{} {key} {} -> {}", o.kind, show(a), show(b)));
            }
        }
        for scope in o.scopes.iter().filter(|s| !n.scopes.contains(s)) {
            push(out, "security-oauth-scope-removed", format!("{} scope {scope}", o.kind));
        }
        for scope in n.scopes.iter().filter(|s| !o.scopes.contains(s)) {
            push(out, "security-oauth-scope-added", format!("{} scope {scope}", n.kind));
        }
    }
    for n in new.iter().filter(|n| !old.iter().any(|o| o.kind == n.kind)) {
        push(out, "security-oauth-flow-added", n.kind.clone());
    }
}

/// The status as the spec's `responses` key.
pub(super) fn status_key(s: Status) -> String {
    match s {
        Status::Code(c) => c.to_string(),
        Status::Range(d) => format!("{d}XX"),
        Status::Default => "default".into(),
    }
}

/// Names of the types reachable from request bodies and parameters, and from responses.
fn directions(api: &Api) -> (BTreeSet<String>, BTreeSet<String>) {
    let mut request = BTreeSet::new();
    let mut response = BTreeSet::new();
    for op in &api.operations {
        for c in op.body.iter().flat_map(|b| &b.content) {
            if let Some(ty) = &c.ty {
                reach(ty, api, &mut request);
            }
        }
        for p in &op.parameters {
            reach(&p.ty, api, &mut request);
        }
        for c in op.responses.iter().flat_map(|r| &r.content) {
            if let Some(ty) = &c.ty {
                reach(ty, api, &mut response);
            }
        }
    }
    (request, response)
}

fn reach(ty: &TypeExpr, api: &Api, seen: &mut BTreeSet<String>) {
    ty.for_each_named(&mut |name| {
        if seen.insert(name.to_owned())
            && let Some(t) = api.type_named(name)
        {
            t.exprs().into_iter().for_each(|e| reach(e, api, seen));
        }
    });
}

/// Which way a type travels: what judges a change to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dir {
    Request,
    Response,
    /// Both ways, or neither (a schema no operation uses), judged as strictly as both.
    Both,
}

impl Dir {
    fn of(request: bool, response: bool) -> Dir {
        match (request, response) {
            (true, false) => Dir::Request,
            (false, true) => Dir::Response,
            _ => Dir::Both,
        }
    }
    fn request(self) -> bool {
        self != Dir::Response
    }
    fn response(self) -> bool {
        self != Dir::Request
    }
}

fn schemas(old: &Api, new: &Api, types: &Types, out: &mut Vec<Change>) {
    let components = |api: &Api| -> BTreeMap<String, usize> {
        api.types.iter().enumerate().filter_map(|(i, t)| t.component.clone().map(|c| (c, i))).collect()
    };
    let (old_c, new_c) = (components(old), components(new));
    let (new_req, new_resp) = directions(new);
    let (old_req, old_resp) = directions(old);
    let dir = |o: &TypeDef, n: &TypeDef| {
        Dir::of(
            new_req.contains(&n.name) || old_req.contains(&o.name),
            new_resp.contains(&n.name) || old_resp.contains(&o.name),
        )
    };
    // A schema the new spec renamed, whose Rust name the new side's config keeps (`[types.NEW]
    // rename = "Old"`): the generated API does not change, so it is compared as one schema.
    let new_by_rust: BTreeMap<&str, &str> = new_c
        .keys()
        .filter(|c| !old_c.contains_key(*c))
        .map(|c| (new.types[new_c[c]].name.as_str(), c.as_str()))
        .collect();
    let mut absorbed = BTreeSet::new();
    for (name, &i) in &old_c {
        let o = &old.types[i];
        let Some(&j) = new_c.get(name) else {
            if let Some(&renamed) = new_by_rust.get(o.name.as_str()) {
                let n = &new.types[new_c[renamed]];
                let detail = format!(
                    "{name} -> {renamed}; absorbed by the config's rename: the Rust type is still `{}`",
                    o.name
                );
                out.push(Change::new(rule("schema-renamed"), &n.pointer, detail).schema(renamed));
                absorbed.insert(renamed);
                schema(renamed, o, n, dir(o, n), types, out);
                continue;
            }
            out.push(Change::new(rule("schema-removed"), &o.pointer, "").old().schema(name));
            continue;
        };
        let n = &new.types[j];
        schema(name, o, n, dir(o, n), types, out);
    }
    for (name, &j) in &new_c {
        if !old_c.contains_key(name) && !absorbed.contains(name.as_str()) {
            out.push(Change::new(rule("schema-added"), &new.types[j].pointer, "").schema(name));
        }
    }
    // Inline schemas (a nested object, a parameter's enum) have no component name; the
    // IR names them after where they sit, so the same name is the same place. They are
    // compared where both versions have them; one that appears or goes is reported
    // through the property or parameter that holds it.
    let inline = |api: &Api| -> BTreeMap<String, usize> {
        api.types.iter().enumerate().filter(|(_, t)| t.component.is_none()).map(|(i, t)| (t.name.clone(), i)).collect()
    };
    let new_inline = inline(new);
    for (name, &i) in &inline(old) {
        if let Some(&j) = new_inline.get(name) {
            let (o, n) = (&old.types[i], &new.types[j]);
            schema(name, o, n, dir(o, n), types, out);
        }
    }
}

fn schema(name: &str, o: &TypeDef, n: &TypeDef, dir: Dir, types: &Types, out: &mut Vec<Change>) {
    if !o.deprecated && n.deprecated {
        out.push(Change::new(rule("schema-deprecated"), &n.pointer, "").schema(name));
    }
    match (&o.kind, &n.kind) {
        (TypeKind::Struct(os), TypeKind::Struct(ns)) => {
            let old_fields: BTreeMap<&str, _> = os.fields.iter().map(|f| (f.wire_name.as_str(), f)).collect();
            let new_fields: BTreeMap<&str, _> = ns.fields.iter().map(|f| (f.wire_name.as_str(), f)).collect();
            for (wire, f) in &old_fields {
                let at = format!("{}/properties/{}", n.pointer, esc(wire));
                let Some(g) = new_fields.get(wire) else {
                    let at = format!("{}/properties/{}", o.pointer, esc(wire));
                    let id = if dir.response() { "response-property-removed" } else { "property-removed" };
                    let change = Change::new(rule(id), &at, "").old().schema(name).property(wire);
                    out.push(one_way(change, f.ty.constraints.read_only, f.ty.constraints.write_only, dir));
                    continue;
                };
                // A read-only property is not sent, a write-only one not returned: changes
                // that only matter that way are safe.
                let read_only = f.ty.constraints.read_only || g.ty.constraints.read_only;
                let write_only = f.ty.constraints.write_only || g.ty.constraints.write_only;
                let tag = |c: Change| one_way(c.schema(name).property(wire), read_only, write_only, dir);
                if f.required && !g.required && dir.response() {
                    out.push(tag(Change::new(rule("response-property-became-optional"), &at, "")));
                }
                if !f.required && g.required && dir.request() {
                    out.push(tag(Change::new(rule("request-property-became-required"), &at, "")));
                }
                if !f.ty.nullable && g.ty.nullable && dir.response() {
                    out.push(tag(Change::new(rule("response-property-became-nullable"), &at, "")));
                }
                if f.ty.nullable && !g.ty.nullable && dir.request() {
                    out.push(tag(Change::new(rule("request-property-became-non-nullable"), &at, "")));
                }
                if !f.deprecated && g.deprecated {
                    out.push(tag(Change::new(rule("property-deprecated"), &at, "")));
                }
                if f.default != g.default {
                    let shown = |d: &Option<serde_json::Value>| d.as_ref().map_or("none".into(), |v| v.to_string());
                    let detail = format!("{} -> {}", shown(&f.default), shown(&g.default));
                    out.push(tag(Change::new(rule("property-default-changed"), &at, detail)));
                }
                if compare_types(&f.ty, &g.ty, types) == TypeChange::Wire {
                    let id = match dir {
                        Dir::Request => "request-property-type-changed",
                        Dir::Response => "response-property-type-changed",
                        Dir::Both => "property-type-changed",
                    };
                    out.push(tag(Change::new(rule(id), &at, format!("{} -> {}", show(&f.ty), show(&g.ty)))));
                }
                constraints(&f.ty.constraints, &g.ty.constraints, dir, &at, out, tag);
            }
            for (wire, g) in &new_fields {
                if !old_fields.contains_key(wire) {
                    let at = format!("{}/properties/{}", n.pointer, esc(wire));
                    // A new required property breaks requests that do not send it.
                    let id =
                        if g.required && dir.request() { "request-property-added-required" } else { "property-added" };
                    let change = Change::new(rule(id), &at, "").schema(name).property(wire);
                    out.push(one_way(change, g.ty.constraints.read_only, g.ty.constraints.write_only, dir));
                }
            }
        }
        (TypeKind::Enum(oe), TypeKind::Enum(ne)) => {
            let values = |e: &crate::ir::EnumDef| -> BTreeSet<String> {
                e.variants.iter().map(|v| v.value.to_string()).collect()
            };
            let (ov, nv) = (values(oe), values(ne));
            let at = format!("{}/enum", n.pointer);
            for v in ov.difference(&nv) {
                // A client may still send it; a response no longer contains it.
                let id = if dir.request() { "request-enum-value-removed" } else { "response-enum-value-removed" };
                out.push(Change::new(rule(id), &at, v.clone()).schema(name));
            }
            for v in nv.difference(&ov) {
                out.push(Change::new(rule("enum-value-added"), &at, v.clone()).schema(name));
            }
        }
        (TypeKind::Alias(a), TypeKind::Alias(b)) => {
            if compare_types(a, b, types) == TypeChange::Wire {
                let detail = format!("{} -> {}", show(a), show(b));
                out.push(Change::new(rule("schema-type-changed"), &n.pointer, detail).schema(name));
            }
            constraints(&a.constraints, &b.constraints, dir, &n.pointer, out, |c| c.schema(name));
        }
        (TypeKind::Union(ou), TypeKind::Union(nu)) => {
            if ou.discriminator != nu.discriminator {
                let shown = |d: &Option<String>| d.clone().unwrap_or_else(|| "none".into());
                let detail = format!("{} -> {}", shown(&ou.discriminator), shown(&nu.discriminator));
                out.push(Change::new(rule("union-discriminator-changed"), &n.pointer, detail).schema(name));
            }
            // Branches by the tag values that select them (by their type without a
            // discriminator): a value that selects another type is a mapping change.
            let branches = |u: &crate::ir::UnionDef, api: &Api| -> BTreeMap<String, String> {
                u.variants
                    .iter()
                    .flat_map(|v| {
                        let shape = wire_shape(&v.ty, api, 0);
                        let keys = if v.tags.is_empty() { vec![shape.clone()] } else { v.tags.clone() };
                        keys.into_iter().map(move |k| (k, shape.clone()))
                    })
                    .collect()
            };
            let (ob, nb) = (branches(ou, types.old), branches(nu, types.new));
            let keyword = if nu.discriminator.is_some() { "mapping" } else { "oneOf" };
            let at = format!("{}/{}", n.pointer, if nu.discriminator.is_some() { "discriminator" } else { keyword });
            for (key, shape) in &ob {
                match nb.get(key) {
                    None => {
                        let id = if dir.request() {
                            "request-union-variant-removed"
                        } else {
                            "response-union-variant-removed"
                        };
                        out.push(Change::new(rule(id), &at, key.clone()).schema(name));
                    }
                    Some(other) if other != shape => {
                        let detail = format!("{key}: {shape} -> {other}");
                        out.push(Change::new(rule("union-discriminator-changed"), &at, detail).schema(name));
                    }
                    Some(_) => {}
                }
            }
            for key in nb.keys().filter(|k| !ob.contains_key(*k)) {
                let id = match (dir.response(), nu.other.is_some()) {
                    (false, _) => "union-variant-added",
                    (true, true) => "response-union-variant-added",
                    (true, false) => "response-union-variant-added-closed",
                };
                out.push(Change::new(rule(id), &at, key.clone()).schema(name));
            }
        }
        _ => {
            let detail = format!("{} -> {}", kind_name(&o.kind), kind_name(&n.kind));
            out.push(Change::new(rule("schema-type-changed"), &n.pointer, detail).schema(name))
        }
    }
}

fn kind_name(k: &TypeKind) -> &'static str {
    match k {
        TypeKind::Struct(_) => "object",
        TypeKind::Enum(_) => "enum",
        TypeKind::Alias(_) => "alias",
        TypeKind::Union(_) => "union",
    }
}

/// Downgrades to INFO a change to a read-only property that matters only in requests, or to
/// a write-only one that matters only in responses.
fn one_way(change: Change, read_only: bool, write_only: bool, dir: Dir) -> Change {
    let request_only = change.rule.direction == super::rules::Direction::Request
        || (dir == Dir::Request && change.rule.direction == super::rules::Direction::Both);
    let response_only = change.rule.direction == super::rules::Direction::Response
        || (dir == Dir::Response && change.rule.direction == super::rules::Direction::Both);
    if read_only && request_only {
        change.downgrade(Level::Info, "read-only: clients do not send it")
    } else if write_only && response_only {
        change.downgrade(Level::Info, "write-only: servers do not return it")
    } else {
        change
    }
}

/// The two versions, whose types (by Rust name) tell wire changes from Rust-only ones.
struct Types<'a> {
    old: &'a Api,
    new: &'a Api,
}

/// How two uses of a type differ.
#[derive(PartialEq)]
enum TypeChange {
    Same,
    /// Same JSON on the wire, another Rust type (an inline enum that became a component):
    /// the `rust` pass reports it.
    RustOnly,
    Wire,
}

fn compare_types(a: &TypeExpr, b: &TypeExpr, types: &Types) -> TypeChange {
    if a.kind == b.kind {
        return TypeChange::Same;
    }
    if wire_shape(a, types.old, 0) == wire_shape(b, types.new, 0) { TypeChange::RustOnly } else { TypeChange::Wire }
}

/// What a type looks like in JSON, ignoring Rust names.
fn wire_shape(t: &TypeExpr, types: &Api, depth: usize) -> String {
    match &t.kind {
        ExprKind::Named(n) if depth < 4 => match types.type_named(n).map(|d| &d.kind) {
            Some(TypeKind::Enum(_)) => "enum".into(),
            Some(TypeKind::Alias(a)) => wire_shape(a, types, depth + 1),
            Some(TypeKind::Struct(_)) => format!("object {n}"),
            Some(TypeKind::Union(_)) => format!("union {n}"),
            None => n.clone(),
        },
        ExprKind::Named(n) => n.clone(),
        ExprKind::Primitive(p) => format!("{p:?}"),
        ExprKind::List(i) => format!("[{}]", wire_shape(i, types, depth)),
        ExprKind::Map(i) => format!("{{{}}}", wire_shape(i, types, depth)),
        ExprKind::Tuple(items) => {
            format!("({})", items.iter().map(|i| wire_shape(i, types, depth)).collect::<Vec<_>>().join(", "))
        }
        ExprKind::Any => "any".into(),
        ExprKind::External(path) => path.clone(),
    }
}

/// A type as the spec would spell it (`integer`, `string (date-time)`, a schema's name).
fn show(t: &TypeExpr) -> String {
    use crate::ir::Primitive as P;
    match &t.kind {
        ExprKind::Named(n) => n.clone(),
        ExprKind::Primitive(p) => match p {
            P::String => "string",
            P::Bool => "boolean",
            P::Int32 => "integer (int32)",
            P::Int64 | P::Uint64 => "integer",
            P::Float64 => "number",
            P::Uuid => "string (uuid)",
            P::DateTime | P::TimeDateTime => "string (date-time)",
            P::Date => "string (date)",
            P::Binary => "string (binary)",
        }
        .to_owned(),
        ExprKind::List(i) => format!("[{}]", show(i)),
        ExprKind::Map(i) => format!("{{string: {}}}", show(i)),
        ExprKind::Tuple(items) => format!("({})", items.iter().map(show).collect::<Vec<_>>().join(", ")),
        ExprKind::Any => "any".into(),
        ExprKind::External(path) => path.clone(),
    }
}

/// Compares the constraints at one place: tightening breaks senders, loosening may surprise
/// readers. A place used both ways is judged as a request (the stricter for tightening)
/// and as a response.
fn constraints(
    o: &Constraints,
    n: &Constraints,
    dir: Dir,
    at: &str,
    out: &mut Vec<Change>,
    tag: impl Fn(Change) -> Change,
) {
    let mut push = |tightened: bool, what: String| {
        let id = match (tightened, dir.request(), dir.response()) {
            (true, true, _) => "request-constraint-tightened",
            (true, false, _) => "response-constraint-tightened",
            (false, _, true) => "response-constraint-loosened",
            (false, _, false) => "request-constraint-loosened",
        };
        out.push(tag(Change::new(rule(id), at, what)));
    };
    // For lower limits a bigger value is tighter; for upper limits a smaller one.
    let lower = |name: &str, a: Option<f64>, b: Option<f64>, push: &mut dyn FnMut(bool, String)| match (a, b) {
        (a, b) if a == b => {}
        (None, Some(b)) => push(true, format!("{name} added: {b}")),
        (Some(a), None) => push(false, format!("{name} removed (was {a})")),
        (Some(a), Some(b)) => push(b > a, format!("{name} {a} -> {b}")),
        _ => {}
    };
    let upper = |name: &str, a: Option<f64>, b: Option<f64>, push: &mut dyn FnMut(bool, String)| match (a, b) {
        (a, b) if a == b => {}
        (None, Some(b)) => push(true, format!("{name} added: {b}")),
        (Some(a), None) => push(false, format!("{name} removed (was {a})")),
        (Some(a), Some(b)) => push(b < a, format!("{name} {a} -> {b}")),
        _ => {}
    };
    let f = |x: Option<u64>| x.map(|v| v as f64);
    lower("minLength", f(o.min_length), f(n.min_length), &mut push);
    upper("maxLength", f(o.max_length), f(n.max_length), &mut push);
    lower("minItems", f(o.min_items), f(n.min_items), &mut push);
    upper("maxItems", f(o.max_items), f(n.max_items), &mut push);
    lower("minimum", o.minimum.as_ref().map(|b| b.value), n.minimum.as_ref().map(|b| b.value), &mut push);
    upper("maximum", o.maximum.as_ref().map(|b| b.value), n.maximum.as_ref().map(|b| b.value), &mut push);
    match (&o.pattern, &n.pattern) {
        (a, b) if a == b => {}
        (None, Some(b)) => push(true, format!("pattern added: {b}")),
        (Some(a), None) => push(false, format!("pattern removed (was {a})")),
        (Some(a), Some(b)) => push(true, format!("pattern {a} -> {b}")),
        (None, None) => {}
    }
    if !o.unique_items && n.unique_items {
        push(true, "uniqueItems added".into());
    }
    if o.unique_items && !n.unique_items {
        push(false, "uniqueItems removed".into());
    }
}
