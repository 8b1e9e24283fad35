//! Sentence splitting throughput on the GGT dev articles (read from `../shared`, skipped if absent).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

fn corpus() -> Option<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/eval/ggt.dev.jsonl");
    let jsonl = std::fs::read_to_string(path).ok()?;
    let mut text = String::new();
    for line in jsonl.lines().filter(|l| !l.trim().is_empty()) {
        let doc: serde_json::Value = serde_json::from_str(line).ok()?;
        text.push_str(doc["text"].as_str()?);
        text.push_str("\n\n");
    }
    Some(text)
}

fn bench(c: &mut Criterion) {
    let Some(text) = corpus() else {
        eprintln!("skipping sentences bench: ../shared/eval/ggt.dev.jsonl not found");
        return;
    };
    let mut group = c.benchmark_group("segment");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("sentences", |b| {
        b.iter(|| whosaid::segment::sentences(black_box(&text)))
    });
    group.bench_function("segment", |b| {
        b.iter(|| whosaid::segment::segment(black_box(&text)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
