//! Version skew in responses: a server older or newer than the spec may leave out a
//! property the spec calls required, or send `null` where it says non-null (authentik's
//! own schema has been wrong this way). With the `tolerant` policy, such properties of the
//! types only responses use decode as `Option`, instead of failing the whole body.
//! Requests, and everything the server reads, stay strict.

use super::{Operation, TypeDef, TypeKind, position};

/// Makes the required, non-nullable fields of response-only types optional. A type that a
/// request also reaches (through parameters or a body) is left as it is.
pub(super) fn tolerate_responses(types: &mut [TypeDef], operations: &[Operation]) {
    let requests = operations.iter().flat_map(|op| {
        let params = op.parameters.iter().map(|p| &p.ty);
        params.chain(op.body.iter().flat_map(|b| &b.content).filter_map(|c| c.ty.as_ref()))
    });
    let responses =
        operations.iter().flat_map(|op| &op.responses).flat_map(|r| &r.content).filter_map(|c| c.ty.as_ref());
    let in_requests = reach(types, requests);
    let in_responses = reach(types, responses);
    for (i, t) in types.iter_mut().enumerate() {
        if !in_responses[i] || in_requests[i] {
            continue;
        }
        if let TypeKind::Struct(s) = &mut t.kind {
            for f in s.fields.iter_mut().filter(|f| f.required && !f.ty.nullable) {
                f.required = false;
            }
        }
    }
}

/// Which types the expressions reach, transitively.
fn reach<'a>(types: &[TypeDef], exprs: impl Iterator<Item = &'a super::TypeExpr>) -> Vec<bool> {
    let mut reached = vec![false; types.len()];
    let mut stack = Vec::new();
    for e in exprs {
        e.for_each_named(&mut |n| stack.extend(position(types, n)));
    }
    while let Some(i) = stack.pop() {
        if !std::mem::replace(&mut reached[i], true) {
            for e in types[i].exprs() {
                e.for_each_named(&mut |n| stack.extend(position(types, n)));
            }
        }
    }
    reached
}
