//! Writes the enums the benchmarks parse: `tests/benches/support/enums.rs` (enums of 4, 16, 64 and 256
//! variants with names of at most 32 bytes, one of 64 variants with names of 33 to 64 bytes, each with
//! the names that miss it) and `tests/benches/compile-time/enum256.rs` (the 256
//! variants, for `compile-time.sh`). Deterministic: run it again and the files come out the same.
//!
//! ```sh
//! cargo run -p dynenum-tests --example gen_bench_enums
//! ```
//!
//! The names look like the ones this crate is for: `snake_case` endpoint and backend names of 4 to 32
//! bytes, many sharing long prefixes (`openai_chat`, `openai_chat_completions`, `openai_embeddings`),
//! many of equal length. The long enum's names add a qualifier (`…_with_structured_outputs`).

use dynenum_tests::Rng;
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

/// The sizes benchmarked; every smaller enum's names are the first names of the larger ones.
const SIZES: [usize; 4] = [4, 16, 64, 256];

/// The names every enum starts with: the prefixes the issue names, then short ones.
const FIRST: [&str; 8] = [
    "openai_chat",
    "openai_chat_completions",
    "openai_embeddings",
    "anthropic_messages",
    "groq",
    "ollama_chat",
    "azure_openai_chat_completions",
    "openai_chat_completions_stream",
];

const VENDORS: [&str; 24] = [
    "openai",
    "anthropic",
    "azure_openai",
    "google_vertex",
    "google_gemini",
    "aws_bedrock",
    "mistral",
    "cohere",
    "huggingface",
    "nvidia_nim",
    "ollama",
    "groq",
    "together",
    "fireworks",
    "deepseek",
    "perplexity",
    "replicate",
    "vllm",
    "llamacpp",
    "cerebras",
    "sambanova",
    "openrouter",
    "cloudflare_workers",
    "databricks",
];

const PRODUCTS: [&str; 20] = [
    "chat",
    "chat_completions",
    "completions",
    "embeddings",
    "images",
    "image_edits",
    "audio_speech",
    "audio_transcriptions",
    "moderations",
    "responses",
    "batches",
    "fine_tuning",
    "assistants",
    "rerank",
    "vision",
    "realtime",
    "messages",
    "tokenize",
    "models",
    "files",
];

const SUFFIXES: [&str; 6] = ["", "_v1", "_v2", "_stream", "_legacy", "_preview"];

/// What makes a long name long.
const QUALIFIERS: [&str; 6] = [
    "_for_enterprise_accounts",
    "_with_structured_outputs",
    "_over_private_network",
    "_with_parallel_tool_calls",
    "_regional_us_east_one",
    "_priority_processing_tier",
];

/// The longest name of the main enums: every one takes the derive's specialised path.
const SHORT: usize = 32;
/// The size of the long enum.
const LONG: usize = 64;

/// `openai_chat_v2` → `OpenaiChatV2`; every word starts with a letter, so heck's, strum's and serde's
/// `snake_case` all give the name back.
fn ident(name: &str) -> String {
    name.split('_')
        .map(|word| {
            let mut chars = word.chars();
            let first = chars.next().expect("no empty word");
            assert!(
                first.is_ascii_lowercase(),
                "{name}: a word must start with a letter"
            );
            first.to_ascii_uppercase().to_string() + chars.as_str()
        })
        .collect()
}

/// Every candidate name of 4 to `SHORT` bytes, deterministically shuffled, with `FIRST` in front.
fn pool() -> Vec<String> {
    let mut all = BTreeSet::new();
    for vendor in VENDORS {
        all.insert(vendor.to_owned());
        for product in PRODUCTS {
            for suffix in SUFFIXES {
                all.insert(format!("{vendor}_{product}{suffix}"));
            }
        }
    }
    let mut rest: Vec<String> = all
        .into_iter()
        .filter(|name| (4..=SHORT).contains(&name.len()) && !FIRST.contains(&name.as_str()))
        .collect();
    Rng::new(0x6479_6e65_6e75_6d21).shuffle(&mut rest);
    FIRST
        .iter()
        .map(|&name| name.to_owned())
        .chain(rest)
        .collect()
}

/// Every candidate name of `SHORT + 1` to 64 bytes, deterministically shuffled.
fn long_pool() -> Vec<String> {
    let mut all = BTreeSet::new();
    for vendor in VENDORS {
        for product in PRODUCTS {
            for qualifier in QUALIFIERS {
                for suffix in SUFFIXES {
                    all.insert(format!("{vendor}_{product}{qualifier}{suffix}"));
                }
            }
        }
    }
    let mut all: Vec<String> = all
        .into_iter()
        .filter(|name| (SHORT + 1..=64).contains(&name.len()))
        .collect();
    Rng::new(0x6c6f_6e67_6e61_6d65).shuffle(&mut all);
    all
}

/// One `peers!` module: the enum's names, then its misses.
fn module(out: &mut String, module: &str, doc: &str, names: &[String], misses: &[String]) {
    let lengths: BTreeSet<usize> = names.iter().map(String::len).collect();
    let size = names.len();
    writeln!(
        out,
        "\n/// {doc}, names of {} to {} bytes ({} distinct lengths).\npub mod {module} {{\n    peers! {{",
        lengths.first().unwrap_or(&0),
        lengths.last().unwrap_or(&0),
        lengths.len(),
    )
    .unwrap();
    for name in names {
        writeln!(out, "        {} = \"{name}\",", ident(name)).unwrap();
    }
    out.push_str("    }\n");
    if module == "n64" {
        // Two more copies for the registry benches: one enum per registry size.
        out.push_str("\n    registries! {\n");
        for name in names {
            writeln!(out, "        {},", ident(name)).unwrap();
        }
        out.push_str("    }\n");
    }
    writeln!(out, "\n    /// Names of the same lengths that are not in the enum.\n    pub const MISSES: [&str; {size}] = [").unwrap();
    for miss in misses {
        writeln!(out, "        \"{miss}\",").unwrap();
    }
    out.push_str("    ];\n}\n");
}

/// For each name of the enum, a name of the same length (or the nearest) that no enum holds.
fn misses(names: &[String], spare: &mut Vec<String>) -> Vec<String> {
    names
        .iter()
        .map(|name| {
            let at = (0..spare.len())
                .min_by_key(|&at| spare[at].len().abs_diff(name.len()))
                .expect("enough spare names");
            spare.swap_remove(at)
        })
        .collect()
}

fn main() {
    let pool = pool();
    let largest = SIZES[SIZES.len() - 1];
    let (names, spare) = pool.split_at(largest);
    let mut spare = spare.to_vec();
    let mut out = String::from(
        "// @generated by `cargo run -p dynenum-tests --example gen_bench_enums`; do not edit.\n\
         //! The enums the benchmarks parse: `peers!` (in `support/mod.rs`) derives ours and every peer\n\
         //! from one list of variants and names.\n",
    );
    for size in SIZES {
        let names = &names[..size];
        let misses = misses(names, &mut spare);
        module(
            &mut out,
            &format!("n{size}"),
            &format!("{size} variants"),
            names,
            &misses,
        );
    }
    let long = long_pool();
    let (long, mut long_spare) = (long[..LONG].to_vec(), long[LONG..].to_vec());
    let long_misses = misses(&long, &mut long_spare);
    module(
        &mut out,
        "long",
        &format!("{LONG} variants"),
        &long,
        &long_misses,
    );
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches");
    std::fs::write(root.join("support/enums.rs"), out).expect("write support/enums.rs");

    let mut variants = String::from(
        "// @generated by `cargo run -p dynenum-tests --example gen_bench_enums`; do not edit.\n\
         // The variants of the 256-variant enum that `compile-time.sh` derives three ways.\n",
    );
    for name in names {
        writeln!(variants, "    {},", ident(name)).unwrap();
    }
    std::fs::write(root.join("compile-time/enum256.rs"), variants)
        .expect("write compile-time/enum256.rs");
    println!("wrote {}", root.display());
}
