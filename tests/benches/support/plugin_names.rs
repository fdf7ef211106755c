//! Plugin names for the registry benches, in a file of its own so that a bench can include it
//! without the generated enums of `support` (`#[path = "support/plugin_names.rs"] mod plugin_names;`).

/// `count` distinct plugin names: `acme_chat_0`, `globex_chat_0`, … (11 to 26 bytes), leaked for
/// the life of the bench, as registered names are.
pub fn plugin_names(count: usize) -> Vec<&'static str> {
    const VENDORS: [&str; 10] = [
        "acme",
        "globex",
        "initech",
        "umbrella",
        "hooli",
        "piedpiper",
        "stark",
        "wayne",
        "wonka",
        "tyrell",
    ];
    const PRODUCTS: [&str; 5] = ["chat", "embeddings", "completions", "rerank", "vision"];
    (0..count)
        .map(|i| {
            let name = format!("{}_{}_{}", VENDORS[i % 10], PRODUCTS[(i / 10) % 5], i / 50);
            &*Box::leak(name.into_boxed_str())
        })
        .collect()
}
