//! Plugin tables beside their floor, in one run: `get(E)` against a hand-written `match` returning
//! `&'static V`; `get(&str)` against `Member::from_str` on the same names plus that `match`;
//! `get(&Member)` of a registered plugin name with 10 and 1,000 plugin names against a built-in
//! `get(&Member)`; and a table's first use (resolution) with 1,000 plugin entries. Every figure is
//! the time of a shuffled batch of 256 lookups divided by 256 (resolution: one table).
//!
//! `cargo bench -p dynenum-tests --bench plugins`

use std::hint::black_box;
use std::str::FromStr;
use std::time::Duration;

use criterion::{BatchSize, BenchmarkId, Criterion, Throughput};
use dynenum_core::{DynamicStrEnum, Member, Plugins};
use dynenum_tests::Rng;

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum Endpoint {
    OpenaiChat,
    AnthropicChat,
    HfTgi,
    Vllm,
    Ollama,
    Bedrock,
    VertexAi,
    Mistral,
}

/// What a name stands for in the bench: small, like a factory and a flag.
#[derive(Debug)]
struct Spec {
    path: &'static str,
    streaming: bool,
}

/// The floor: what a program without plugin tables writes.
#[inline]
fn floor(endpoint: Endpoint) -> &'static Spec {
    match endpoint {
        Endpoint::OpenaiChat => &Spec {
            path: "/v1/chat/completions",
            streaming: true,
        },
        Endpoint::AnthropicChat => &Spec {
            path: "/v1/messages",
            streaming: true,
        },
        Endpoint::HfTgi => &Spec {
            path: "/generate",
            streaming: false,
        },
        Endpoint::Vllm => &Spec {
            path: "/v1/completions",
            streaming: true,
        },
        Endpoint::Ollama => &Spec {
            path: "/api/generate",
            streaming: true,
        },
        Endpoint::Bedrock => &Spec {
            path: "/model/invoke",
            streaming: false,
        },
        Endpoint::VertexAi => &Spec {
            path: "/v1/predict",
            streaming: false,
        },
        Endpoint::Mistral => &Spec {
            path: "/v1/chat",
            streaming: true,
        },
    }
}

fn spec(endpoint: Endpoint) -> Spec {
    Spec {
        path: floor(endpoint).path,
        streaming: floor(endpoint).streaming,
    }
}

static ENDPOINTS: Plugins<Endpoint, Spec> = Plugins::new("endpoint", spec);

// Two more enums with the same built-ins, so each table's registry holds only its own plugin names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum Ten {
    OpenaiChat,
    AnthropicChat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum Thousand {
    OpenaiChat,
    AnthropicChat,
}

static TEN: Plugins<Ten, Spec> = Plugins::new("endpoint", |_| Spec {
    path: "/",
    streaming: true,
});
static THOUSAND: Plugins<Thousand, Spec> = Plugins::new("endpoint", |_| Spec {
    path: "/",
    streaming: true,
});

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum Fresh {
    OpenaiChat,
}

const BATCH: usize = 256;

/// `count` plugin names: `acme_chat_0`, `globex_chat_0`, …
fn plugin_names(count: usize) -> Vec<&'static str> {
    const VENDORS: [&str; 5] = ["acme", "globex", "initech", "umbrella", "hooli"];
    (0..count)
        .map(|i| &*Box::leak(format!("{}_chat_{}", VENDORS[i % 5], i / 5).into_boxed_str()))
        .collect()
}

/// A name in a random ASCII case, as users type them.
fn any_case(name: &str, rng: &mut Rng) -> &'static str {
    let text: String = name
        .chars()
        .map(|c| {
            if rng.below(2) == 0 {
                c.to_ascii_uppercase()
            } else {
                c
            }
        })
        .collect();
    Box::leak(text.into_boxed_str())
}

fn bench(c: &mut Criterion) {
    let mut rng = Rng::new(0x9e37_79b9_7f4a_7c15);
    let variants: Vec<Endpoint> = (0..BATCH)
        .map(|_| Endpoint::VARIANTS[rng.below(Endpoint::COUNT)])
        .collect();
    let names: Vec<&'static str> = variants
        .iter()
        .map(|v| any_case(v.as_str(), &mut rng))
        .collect();
    let members: Vec<Member<Endpoint>> = variants.iter().map(|&v| Member::Builtin(v)).collect();
    // First use outside the timings.
    assert_eq!(ENDPOINTS.len(), Endpoint::COUNT);

    let mut group = c.benchmark_group("plugins");
    group.throughput(Throughput::Elements(BATCH as u64));
    group.bench_function(BenchmarkId::new("get(E)", "floor: match"), |b| {
        b.iter(|| {
            for &v in &variants {
                black_box(floor(black_box(v)));
            }
        });
    });
    group.bench_function(BenchmarkId::new("get(E)", "Plugins::get"), |b| {
        b.iter(|| {
            for &v in &variants {
                black_box(ENDPOINTS.get(black_box(v)).ok());
            }
        });
    });
    group.bench_function(
        BenchmarkId::new("get(&str)", "floor: Member::from_str + match"),
        |b| {
            b.iter(|| {
                for name in &names {
                    let member = Member::<Endpoint>::from_str(black_box(name)).ok();
                    black_box(member.and_then(|m| m.builtin()).map(floor));
                }
            });
        },
    );
    group.bench_function(BenchmarkId::new("get(&str)", "Plugins::get"), |b| {
        b.iter(|| {
            for name in &names {
                black_box(ENDPOINTS.get(black_box(*name)).ok());
            }
        });
    });
    group.bench_function(BenchmarkId::new("get(&Member)", "built-in"), |b| {
        b.iter(|| {
            for member in &members {
                black_box(ENDPOINTS.get(black_box(member)).ok());
            }
        });
    });
    let ten = plugin_members(&TEN, 10, &mut rng);
    group.bench_function(BenchmarkId::new("get(&Member)", "plugin, 10 names"), |b| {
        b.iter(|| {
            for member in &ten {
                black_box(TEN.get(black_box(member)).ok());
            }
        });
    });
    let thousand = plugin_members(&THOUSAND, 1000, &mut rng);
    group.bench_function(
        BenchmarkId::new("get(&Member)", "plugin, 1000 names"),
        |b| {
            b.iter(|| {
                for member in &thousand {
                    black_box(THOUSAND.get(black_box(member)).ok());
                }
            });
        },
    );
    group.finish();

    let mut group = c.benchmark_group("plugins first use");
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(200));
    let submissions: Vec<(&'static str, i32, &'static str, u32)> = plugin_names(1000)
        .into_iter()
        .enumerate()
        .map(|(i, name)| (name, i32::from(i % 3 == 0), "plugin_crate", 1))
        .collect();
    group.bench_function(BenchmarkId::new("resolve", "1000 entries"), |b| {
        b.iter_batched(
            || Plugins::<Fresh, u32>::new("fresh", |_| 0),
            |table| {
                // Tables are meant to be statics: this one's values are leaked, so the run stays short.
                dynenum_core::__private::feed_plugins(&table, &submissions, |i| {
                    u32::try_from(i).unwrap_or(u32::MAX)
                });
                black_box(table.len())
            },
            BatchSize::PerIteration,
        );
    });
    group.finish();
}

/// Gives `count` plugin names a value, as `count` `plugin!` calls would (through the hidden entry
/// point that feeds submissions), and returns a shuffled batch of their members.
fn plugin_members<E: DynamicStrEnum>(
    table: &Plugins<E, Spec>,
    count: usize,
    rng: &mut Rng,
) -> Vec<Member<E>> {
    let names = plugin_names(count);
    let submissions: Vec<(&'static str, i32, &'static str, u32)> = names
        .iter()
        .map(|&name| (name, 0, "plugin_crate", 1))
        .collect();
    dynenum_core::__private::feed_plugins(table, &submissions, |_| Spec {
        path: "/plugin",
        streaming: false,
    });
    assert_eq!(table.len(), E::COUNT + count);
    (0..BATCH)
        .map(|_| names[rng.below(count)].parse().unwrap())
        .collect()
}

fn main() {
    let mut criterion = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .configure_from_args();
    bench(&mut criterion);
    criterion.final_summary();
}
