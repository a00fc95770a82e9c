//! Emits and formats the planned files on a few threads (stage 3 into stage 4): formatting
//! is most of akgen's time, and the parts of the modules are independent.

use super::GeneratedFile;
use crate::emit::plan::PlannedFile;
use crate::ir;

/// One formatted part of a file: (file index, part index, text).
type Formatted = (usize, usize, String);
/// Emits and formats every planned file; the files come back sorted by path.
///
/// Every part of every Rust module ([`RustModule::parts`](crate::emit::plan::RustModule::parts)) is emitted and formatted on one
/// of a few threads, largest first; a file is then its header and its parts' texts in order.
/// Formatting is most of akgen's time, and parts are independent: spread this way, the
/// threads finish together and none holds a large syntax tree.
pub fn render_files(api: &ir::Api, files: Vec<PlannedFile>) -> Result<Vec<GeneratedFile>, String> {
    let mut out = Vec::new();
    let mut rust_files = Vec::new();
    let mut jobs = Vec::new();
    for file in files {
        match file {
            PlannedFile::Rust { path, header, module } => {
                jobs.extend(module.parts(api).into_iter().enumerate().map(|(part, p)| (rust_files.len(), part, p)));
                rust_files.push((path, header));
            }
            PlannedFile::Text(file) => out.push(file),
        }
    }
    jobs.sort_by_key(|(.., part)| std::cmp::Reverse(part.weight));
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, jobs.len().max(1));
    let queue = std::sync::Mutex::new(jobs.into_iter());
    let rendered: Vec<Result<Vec<Formatted>, String>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let next = queue.lock().map_err(|_| "a formatting thread failed".to_owned())?.next();
                        let Some((file, index, part)) = next else { return Ok(done) };
                        done.push((file, index, super::format_items(part.emit())?));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| {
                w.join().unwrap_or_else(|panic| Err(format!("a formatting thread panicked: {}", panic_message(&panic))))
            })
            .collect()
    });
    let mut texts: Vec<Vec<(usize, String)>> = rust_files.iter().map(|_| Vec::new()).collect();
    for parts in rendered {
        for (file, index, text) in parts? {
            texts[file].push((index, text));
        }
    }
    for ((path, header), mut parts) in rust_files.into_iter().zip(texts) {
        parts.sort_by_key(|(index, _)| *index);
        let body: Vec<String> = parts.into_iter().map(|(_, text)| text).filter(|text| !text.is_empty()).collect();
        out.push(GeneratedFile { path, contents: format!("{header}\n{}", body.join("\n")) });
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(out)
}

/// The text a panic was raised with, when it was a string.
fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> &str {
    panic
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("(no message)")
}
