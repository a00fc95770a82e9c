//! Issue target: validating a page of 100 tokens costs less than deserializing it; and the
//! throughput of deserialize + validate on a large page (1,000 tokens), in bytes per second.
//!
//! The page is synthesized from the pinned spec's own `Token` schema (every property
//! present, so every constraint is exercised), with distinct identifiers and usernames.
//! Run with `cargo xtask bench`; figures go to BENCH.md.

use authentik_api::models::PaginatedTokenList;
use authentik_api::validation::Validate;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

fn page(items: usize) -> String {
    let spec = conformance::read_spec(conformance::spec_path("schema-2026.5.6.yml"));
    let page = conformance::payloads::token_page(&spec, items);
    let text = page.to_string();
    let parsed: PaginatedTokenList = serde_json::from_str(&text).expect("the page deserializes");
    assert_eq!(parsed.results.len(), items);
    assert!(parsed.validate().is_ok(), "the synthesized page is valid: {:?}", parsed.validate());
    text
}

fn bench(c: &mut Criterion) {
    let text = page(100);
    let parsed: PaginatedTokenList = serde_json::from_str(&text).unwrap();
    let mut group = c.benchmark_group("PaginatedTokenList(100)");
    group.bench_function("deserialize", |b| {
        b.iter(|| serde_json::from_str::<PaginatedTokenList>(black_box(&text)).unwrap())
    });
    group.bench_function("validate", |b| b.iter(|| black_box(&parsed).validate()));
    group.finish();

    let large = page(1000);
    let mut group = c.benchmark_group("PaginatedTokenList(1000)");
    group.throughput(Throughput::Bytes(large.len() as u64));
    group.bench_function("deserialize + validate", |b| {
        b.iter(|| {
            let page = serde_json::from_str::<PaginatedTokenList>(black_box(&large)).unwrap();
            page.validate().unwrap();
            page
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
