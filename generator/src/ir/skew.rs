//! Version skew in responses: a server older or newer than the spec may leave out a
//! property the spec calls required, or send `null` where it says non-null (authentik's
//! own schema has been wrong this way). With the `tolerant` policy, such properties of the
//! types only responses use decode as `Option`, instead of failing the whole body.
//! Requests, and everything the server reads, stay strict.

use super::{Operation, TypeDef, TypeKind, reach};

/// Makes the required fields of response-only types optional: non-nullable ones become
/// `Option`, nullable ones (already `Option`) read absence as `None`. A type that a request
/// also reaches (through parameters or a body) is left as it is.
pub(super) fn tolerate_responses(types: &mut [TypeDef], operations: &[Operation]) {
    let in_requests = reach(types, operations.iter().flat_map(Operation::request_exprs));
    let in_responses = reach(types, operations.iter().flat_map(Operation::response_exprs));
    for (i, t) in types.iter_mut().enumerate() {
        if !in_responses[i] || in_requests[i] {
            continue;
        }
        if let TypeKind::Struct(s) = &mut t.kind {
            for f in s.fields.iter_mut().filter(|f| f.required) {
                // A nullable one keeps its `Option` type; only its absence is forgiven.
                if f.ty.nullable {
                    f.absent_as_null = true;
                } else {
                    f.required = false;
                }
            }
        }
    }
}
