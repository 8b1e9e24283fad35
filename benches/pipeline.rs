//! Throughput of the whole pipeline and of each stage, in bytes of article text per second.
//!
//! The articles are the texts of `../shared/eval/*.jsonl` (the development sets), read at run
//! time; nothing is copied into the repository. Without them the benchmark prints a note and
//! measures nothing. `WHOSAID_BENCH_BYTES` sets how much text is used (default 2 MB, taken
//! from all the files in turn).
//!
//! ```sh
//! cargo bench --bench pipeline
//! ```

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use serde::Deserialize;
use std::hint::black_box;
use std::time::Duration;
use whosaid::doc::Doc;
use whosaid::{attribute, markup, quotes, resolve, segment, tokens, wire};

#[derive(Deserialize)]
struct Record {
    id: String,
    text: String,
}

/// The articles, as JSONL lines and as parsed records.
fn articles() -> Option<(Vec<String>, Vec<Record>)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/eval");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    let limit: usize = std::env::var("WHOSAID_BENCH_BYTES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2_000_000);
    let per_file: Vec<Vec<String>> = files
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .map(|s| {
            s.lines()
                .filter(|l| !l.trim().is_empty())
                .map(String::from)
                .collect()
        })
        .collect();
    // Take documents from each file in turn, so both sets are represented.
    let (mut lines, mut records, mut size) = (Vec::new(), Vec::new(), 0);
    let longest = per_file.iter().map(Vec::len).max().unwrap_or(0);
    'outer: for i in 0..longest {
        for file in &per_file {
            let Some(line) = file.get(i) else { continue };
            let Ok(record) = serde_json::from_str::<Record>(line) else {
                continue;
            };
            size += record.text.len();
            // Only what the CLI reads: id and text.
            lines.push(serde_json::json!({"id": record.id, "text": record.text}).to_string());
            records.push(record);
            if size >= limit {
                break 'outer;
            }
        }
    }
    (!records.is_empty()).then_some((lines, records))
}

fn bench(c: &mut Criterion) {
    let Some((lines, records)) = articles() else {
        eprintln!("skipping pipeline bench: no ../shared/eval/*.jsonl found");
        return;
    };
    let bytes: usize = records.iter().map(|r| r.text.len()).sum();
    eprintln!(
        "pipeline bench: {} articles, {bytes} bytes of text",
        records.len()
    );
    let texts: Vec<&str> = records.iter().map(|r| r.text.as_str()).collect();
    let segs: Vec<_> = texts.iter().map(|t| segment::segment(t)).collect();
    let docs: Vec<Doc<'_>> = texts.iter().map(|t| Doc::new(t)).collect();
    let statements: Vec<_> = texts.iter().map(|t| whosaid::extract(t)).collect();
    let extractor = whosaid::Extractor::default();

    let mut group = c.benchmark_group("pipeline");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(5));

    // End to end as `whosaid extract` does it, minus the file system: JSONL line in, JSONL out.
    group.bench_function("jsonl_to_jsonl", |b| {
        let mut out = Vec::with_capacity(1 << 20);
        b.iter(|| {
            out.clear();
            for line in &lines {
                let r: Record = serde_json::from_str(black_box(line)).unwrap();
                let found = extractor.extract(&r.text);
                let doc = wire::DocumentRef {
                    id: &r.id,
                    text: &r.text,
                    statements: &found,
                };
                // As `whosaid extract` writes JSONL.
                doc.write_json(&mut out);
                out.push(b'\n');
            }
            out.len()
        })
    });
    group.bench_function("extract", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| extractor.extract(black_box(t)).len())
                .sum::<usize>()
        })
    });
    group.bench_function("stage/json_read", |b| {
        b.iter(|| {
            lines
                .iter()
                .map(|l| {
                    serde_json::from_str::<Record>(black_box(l))
                        .unwrap()
                        .text
                        .len()
                })
                .sum::<usize>()
        })
    });
    group.bench_function("stage/segment", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| segment::segment(black_box(t)).sentences.len())
                .sum::<usize>()
        })
    });
    group.bench_function("stage/quotes", |b| {
        b.iter(|| {
            texts
                .iter()
                .zip(&segs)
                .map(|(t, s)| quotes::find_quotes(black_box(t), s).len())
                .sum::<usize>()
        })
    });
    group.bench_function("stage/tokenize", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| tokens::tokenize(black_box(t), &markup::tags(t)).len())
                .sum::<usize>()
        })
    });
    group.bench_function("stage/doc", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| Doc::new(black_box(t)).tokens.len())
                .sum::<usize>()
        })
    });
    group.bench_function("stage/attribute_resolve", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| resolve::resolve(d, &attribute::attribute(black_box(d), false)).len())
                .sum::<usize>()
        })
    });
    // Every document as one JSONL line through `write`, into a reused buffer.
    let write_all = |out: &mut Vec<u8>, write: fn(&mut Vec<u8>, &wire::DocumentRef<'_>)| {
        out.clear();
        for ((r, t), found) in records.iter().zip(&texts).zip(&statements) {
            let doc = wire::DocumentRef {
                id: &r.id,
                text: t,
                statements: black_box(found),
            };
            write(out, &doc);
            out.push(b'\n');
        }
        out.len()
    };
    group.bench_function("stage/json_write", |b| {
        let mut out = Vec::with_capacity(1 << 20);
        b.iter(|| write_all(&mut out, |out, doc| doc.write_json(out)))
    });
    // The same bytes through serde_json, as before the direct writer.
    group.bench_function("stage/json_write_serde", |b| {
        let mut out = Vec::with_capacity(1 << 20);
        b.iter(|| {
            write_all(&mut out, |out, doc| {
                serde_json::to_writer(out, doc).unwrap()
            })
        })
    });
    // The same through the owned wire types, as before `DocumentRef`.
    group.bench_function("stage/json_write_owned", |b| {
        let mut out = Vec::with_capacity(1 << 20);
        b.iter(|| {
            out.clear();
            for ((r, t), found) in records.iter().zip(&texts).zip(&statements) {
                serde_json::to_writer(&mut out, &wire::document(&r.id, t, black_box(found)))
                    .unwrap();
                out.push(b'\n');
            }
            out.len()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
