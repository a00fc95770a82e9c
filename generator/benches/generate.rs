//! How long akgen takes on the pinned spec, stage by stage: parsing and resolving the
//! YAML, then IR + emission + formatting of the whole crate. Run with `cargo xtask bench`.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let generator = akgen::Generator::new();
    let spec = generator.load().expect("the pinned spec loads");
    let mut group = c.benchmark_group("pinned spec");
    group.sample_size(10);
    group.bench_function("load", |b| b.iter(|| black_box(generator.load().unwrap())));
    group.bench_function("render crate", |b| b.iter(|| black_box(generator.render_crate_from(&spec).unwrap())));
    group.bench_function("load + render", |b| b.iter(|| black_box(generator.render_crate().unwrap())));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
