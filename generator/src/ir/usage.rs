//! Which tags use each type, so the generated crate can compile a type only when a feature
//! that needs it is on (one Cargo feature per tag).

use super::{Operation, TypeDef, position};
use std::collections::BTreeSet;

/// Sets [`TypeDef::tags`]: the tags of every operation that reaches the type through its
/// parameters, request body or responses, following fields, map values, list items, union
/// variants and aliases. A type no operation reaches keeps an empty set, and so does every
/// type it reaches. `types` are sorted by name.
pub(super) fn assign_tags(types: &mut [TypeDef], operations: &[Operation]) {
    let types_now: &[TypeDef] = types;
    let index = |name: &str| position(types_now, name);
    let refs: Vec<Vec<usize>> = types
        .iter()
        .map(|t| {
            let mut out = Vec::new();
            for e in t.exprs() {
                e.for_each_named(&mut |n| out.extend(index(n)));
            }
            out
        })
        .collect();
    let mut tags: Vec<BTreeSet<String>> = vec![BTreeSet::new(); types.len()];
    for op in operations {
        let mut stack = Vec::new();
        for e in op.exprs() {
            e.for_each_named(&mut |n| stack.extend(index(n)));
        }
        while let Some(i) = stack.pop() {
            if tags[i].insert(op.tag.clone()) {
                stack.extend(&refs[i]);
            }
        }
    }
    // A type no operation reaches is always compiled (a component, a webhook's body), so
    // everything it names must be always compiled too: an empty set of tags.
    let mut stack: Vec<usize> = (0..types.len()).filter(|&i| tags[i].is_empty()).collect();
    let mut always = vec![false; types.len()];
    while let Some(i) = stack.pop() {
        if !always[i] {
            always[i] = true;
            stack.extend(&refs[i]);
        }
    }
    for ((t, set), always) in types.iter_mut().zip(tags).zip(always) {
        t.tags = if always { BTreeSet::new() } else { set };
    }
}
