//! How long akgen takes on the pinned spec, phase by phase: parse (YAML into the document model),
//! IR (names, types and operations; `$ref`s are resolved here, as the IR follows them),
//! emit (IR → tokens), format (syn + prettyplease), render (both, the modules' parts in
//! parallel as akgen runs them), write (into an
//! empty directory), and all of them end to end. Run with `cargo xtask bench`, which also
//! measures the CLI's wall time and peak memory in a process of its own. The phases are
//! built without the release profile's LTO (`[profile.bench]`), so they add up to a little
//! more than the CLI's run.

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use std::hint::black_box;

/// The allocator of the `akgen` binary, so that the phases add up to what it does.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn bench(c: &mut Criterion) {
    let path = akgen::spec_source::resolve(None).expect("the pinned spec is found");
    let generator = akgen::Generator::new().spec(&path);
    let text = std::fs::read_to_string(&path).expect("the pinned spec reads");
    let spec = akgen::load::load_text(path.clone(), text.clone()).expect("the pinned spec loads");
    let api = akgen::ir::build(&spec, Default::default()).expect("the pinned spec builds");
    let plan = || akgen::plan_files(&api, &akgen::CrateSettings::new("authentik-api", &spec.sha256));
    let modules: Vec<akgen::RustModule> = plan()
        .into_iter()
        .filter_map(|f| match f {
            akgen::PlannedFile::Rust { module, .. } => Some(module),
            akgen::PlannedFile::Text(_) => None,
        })
        .collect();
    // The phases one after another on one thread; `render` is both, as akgen runs them
    // (the modules' parts spread over threads).
    let emit = || modules.iter().flat_map(|m| m.clone().parts(&api)).map(akgen::emit::Part::emit).collect::<Vec<_>>();
    let files = akgen::render_files(&api, plan()).expect("the crate renders");
    let mut group = c.benchmark_group("pinned spec");
    group.sample_size(10);
    group.bench_function("parse", |b| {
        b.iter_batched(|| text.clone(), |t| akgen::load::load_text(path.clone(), t).unwrap(), BatchSize::LargeInput)
    });
    // A freshly loaded spec each time: the IR's warnings locate their place in the text on
    // first use, and that is part of the phase.
    group.bench_function("ir", |b| {
        b.iter_batched(
            || akgen::load::load_text(path.clone(), text.clone()).unwrap(),
            |spec| akgen::ir::build(black_box(&spec), Default::default()).unwrap(),
            BatchSize::LargeInput,
        )
    });
    group.bench_function("emit", |b| b.iter(emit));
    group.bench_function("format", |b| {
        b.iter_batched(
            emit,
            |tokens| tokens.into_iter().map(|t| akgen::write::format_items(t).unwrap()).collect::<Vec<_>>(),
            BatchSize::LargeInput,
        )
    });
    group.bench_function("render (emit + format, in parallel)", |b| {
        b.iter(|| akgen::render_files(&api, plan()).unwrap())
    });
    group.bench_function("write", |b| {
        b.iter_batched(
            || tempfile::tempdir().unwrap(),
            |dir| {
                akgen::write::write_files(&dir.path().join("out"), black_box(&files), false).unwrap();
                dir
            },
            BatchSize::PerIteration,
        )
    });
    group.bench_function("end to end", |b| {
        b.iter_batched(
            || tempfile::tempdir().unwrap(),
            |dir| {
                generator.write_crate(&dir.path().join("out"), false).unwrap();
                dir
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
