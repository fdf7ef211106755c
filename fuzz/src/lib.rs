//! What the fuzz targets share: the enums under test, what each one's attributes promise (written out
//! by hand in [`Spec`], not read from the derive's hidden `__META`), naive reference implementations of
//! the contract in `/work/shared/DESIGN.md`, and a generator that turns fuzz bytes into names close to
//! the real ones.

use std::any::{Any, TypeId};
use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::{Mutex, OnceLock, PoisonError};

use dynenum_core::{DynamicStrEnum, NameError, ParseError};

/// How dynamic names are stored, per `rename_all` (the contract's words, restated for the reference).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fold {
    /// `lowercase`, `snake_case`, `kebab-case`.
    Lower,
    /// `UPPERCASE`, `SCREAMING_SNAKE_CASE`, `SCREAMING-KEBAB-CASE`.
    Upper,
    /// `PascalCase`, `camelCase`: as first given.
    Keep,
}

/// What an enum's attributes promise, restated by hand so the reference doesn't trust the code under
/// test.
pub trait Spec:
    DynamicStrEnum
    + core::fmt::Debug
    + core::fmt::Display
    + core::str::FromStr<Err = ParseError>
    + for<'a> TryFrom<&'a str, Error = ParseError>
    + PartialEq<str>
    + for<'a> PartialEq<&'a str>
{
    /// `Some(separator)` under `ignore_separators`: `-` for kebab styles, `_` otherwise.
    const SEPARATOR: Option<u8>;
    /// The storage fold of dynamic names.
    const FOLD: Fold;
    /// `max_len`.
    const MAX_LEN: usize;
    /// `dynamic = "open"` (else `"registered"`).
    const OPEN: bool;
    /// The names this crate registers with `register!`, sorted by folded name, no duplicates.
    const LINKED: &'static [(&'static str, Option<&'static str>)] = &[];
}

/// A small enum in the default style: a doc comment, aliases and a rename.
#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
pub enum Small {
    /// OpenAI-compatible chat completions.
    OpenaiChat,
    /// Anthropic's messages API.
    #[dynenum(alias = "claude", alias = "anthropic")]
    AnthropicChat,
    #[dynenum(rename = "hf-tgi")]
    HuggingFaceTgi,
}

impl Spec for Small {
    const SEPARATOR: Option<u8> = None;
    const FOLD: Fold = Fold::Lower;
    const MAX_LEN: usize = 255;
    const OPEN: bool = true;
}

/// 120 variants, `snake_case`, separators significant: renames and aliases with non-ASCII
/// letters, the bytes around `A`-`Z` (`@`, `[`, `` ` ``, `{`), the Kelvin sign and long s, names of
/// exactly 8, 16, 17 and 255 bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
pub enum Big {
    #[dynenum(rename = "openai_chat")]
    OpenChat,
    OpenEmbed,
    OpenImage,
    OpenAudio,
    OpenVideo,
    OpenSearch,
    OpenTool,
    OpenBatch,
    OpenStream,
    OpenRank,
    OpenModel,
    OpenAgent,
    #[dynenum(alias = "claude", alias = "anthropic")]
    AnthropicChat,
    AnthropicEmbed,
    AnthropicImage,
    AnthropicAudio,
    AnthropicVideo,
    AnthropicSearch,
    AnthropicTool,
    AnthropicBatch,
    AnthropicStream,
    AnthropicRank,
    AnthropicModel,
    AnthropicAgent,
    #[dynenum(alias = "nv")]
    NvidiaChat,
    NvidiaEmbed,
    NvidiaImage,
    NvidiaAudio,
    NvidiaVideo,
    NvidiaSearch,
    NvidiaTool,
    NvidiaBatch,
    NvidiaStream,
    NvidiaRank,
    NvidiaModel,
    NvidiaAgent,
    LocalChat,
    LocalEmbed,
    #[dynenum(rename = "straße")]
    LocalImage,
    #[dynenum(rename = "café", alias = "CAFÉ_AU_LAIT")]
    LocalAudio,
    LocalVideo,
    LocalSearch,
    LocalTool,
    LocalBatch,
    LocalStream,
    LocalRank,
    LocalModel,
    LocalAgent,
    RemoteChat,
    RemoteEmbed,
    RemoteImage,
    RemoteAudio,
    #[dynenum(rename = "Mixed-Case Name")]
    RemoteVideo,
    RemoteSearch,
    RemoteTool,
    RemoteBatch,
    RemoteStream,
    RemoteRank,
    RemoteModel,
    RemoteAgent,
    #[dynenum(alias = "fast chat", alias = "fast-chat")]
    FastChat,
    FastEmbed,
    FastImage,
    FastAudio,
    FastVideo,
    FastSearch,
    #[dynenum(rename = "x")]
    FastTool,
    FastBatch,
    FastStream,
    FastRank,
    FastModel,
    FastAgent,
    #[dynenum(alias = "ÉCLAIR")]
    SlowChat,
    SlowEmbed,
    SlowImage,
    SlowAudio,
    SlowVideo,
    SlowSearch,
    #[dynenum(rename = "é")]
    SlowTool,
    SlowBatch,
    SlowStream,
    SlowRank,
    SlowModel,
    SlowAgent,
    #[dynenum(rename = "hf-tgi")]
    HttpChat,
    #[dynenum(rename = "a-b", alias = "a b")]
    HttpEmbed,
    #[dynenum(rename = "a_b")]
    HttpImage,
    #[dynenum(rename = "x@", alias = "[x]")]
    HttpAudio,
    #[dynenum(rename = "x`", alias = "{x}")]
    HttpVideo,
    #[dynenum(rename = "K")]
    HttpSearch,
    #[dynenum(rename = "\u{212a}")]
    HttpTool,
    #[dynenum(rename = "ſ", alias = "s")]
    HttpBatch,
    #[dynenum(rename = "exactly8", alias = "sixteen_bytes_xx")]
    HttpStream,
    #[dynenum(rename = "seventeen_bytes_x", alias = "a name with inner  spaces")]
    HttpRank,
    HttpModel,
    HttpAgent,
    GrpcChat,
    GrpcEmbed,
    GrpcImage,
    GrpcAudio,
    GrpcVideo,
    GrpcSearch,
    #[dynenum(rename = "É")]
    GrpcTool,
    GrpcBatch,
    #[dynenum(alias = "grpc_strean")]
    GrpcStream,
    GrpcRank,
    GrpcModel,
    GrpcAgent,
    TcpChat,
    TcpEmbed,
    TcpImage,
    TcpAudio,
    TcpVideo,
    TcpSearch,
    TcpTool,
    TcpBatch,
    TcpStream,
    #[dynenum(
        rename = "LLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLLL_mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm"
    )]
    TcpRank,
    #[dynenum(alias = "zz~")]
    TcpModel,
    #[dynenum(alias = "tcp-agent", alias = "Agent007")]
    TcpAgent,
}

/// 120 variants, `kebab-case` with `ignore_separators`: renames and aliases spelled with every
/// separator, names that are only separators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(rename_all = "kebab-case", ignore_separators)]
pub enum BigSep {
    #[dynenum(rename = "openai chat", alias = "OpenAI_Chat_Completions")]
    OpenChat,
    OpenEmbed,
    OpenImage,
    OpenAudio,
    OpenVideo,
    OpenSearch,
    OpenTool,
    OpenBatch,
    OpenStream,
    OpenRank,
    OpenModel,
    OpenAgent,
    #[dynenum(alias = "claude", alias = "anthropic messages")]
    AnthropicChat,
    AnthropicEmbed,
    AnthropicImage,
    AnthropicAudio,
    AnthropicVideo,
    AnthropicSearch,
    AnthropicTool,
    AnthropicBatch,
    AnthropicStream,
    AnthropicRank,
    AnthropicModel,
    AnthropicAgent,
    NvidiaChat,
    NvidiaEmbed,
    NvidiaImage,
    NvidiaAudio,
    NvidiaVideo,
    NvidiaSearch,
    NvidiaTool,
    NvidiaBatch,
    NvidiaStream,
    NvidiaRank,
    NvidiaModel,
    NvidiaAgent,
    LocalChat,
    LocalEmbed,
    #[dynenum(rename = "straße-2")]
    LocalImage,
    LocalAudio,
    LocalVideo,
    LocalSearch,
    LocalTool,
    LocalBatch,
    LocalStream,
    LocalRank,
    LocalModel,
    LocalAgent,
    RemoteChat,
    RemoteEmbed,
    RemoteImage,
    RemoteAudio,
    RemoteVideo,
    RemoteSearch,
    RemoteTool,
    RemoteBatch,
    RemoteStream,
    RemoteRank,
    RemoteModel,
    RemoteAgent,
    FastChat,
    FastEmbed,
    FastImage,
    FastAudio,
    FastVideo,
    FastSearch,
    #[dynenum(rename = "_")]
    FastTool,
    FastBatch,
    FastStream,
    #[dynenum(rename = "-x-")]
    FastRank,
    FastModel,
    FastAgent,
    SlowChat,
    SlowEmbed,
    SlowImage,
    SlowAudio,
    SlowVideo,
    SlowSearch,
    #[dynenum(rename = "É_É")]
    SlowTool,
    SlowBatch,
    SlowStream,
    SlowRank,
    SlowModel,
    SlowAgent,
    #[dynenum(rename = "hf tgi", alias = "text-generation inference")]
    HttpChat,
    #[dynenum(rename = "a_b-c d")]
    HttpEmbed,
    HttpImage,
    #[dynenum(rename = "x@y", alias = "x[y]")]
    HttpAudio,
    #[dynenum(rename = "x`y", alias = "x{y}")]
    HttpVideo,
    HttpSearch,
    HttpTool,
    HttpBatch,
    #[dynenum(rename = "eight_88", alias = "sixteen-bytes-xx")]
    HttpStream,
    HttpRank,
    HttpModel,
    HttpAgent,
    GrpcChat,
    GrpcEmbed,
    GrpcImage,
    GrpcAudio,
    GrpcVideo,
    GrpcSearch,
    #[dynenum(rename = "é_é")]
    GrpcTool,
    GrpcBatch,
    GrpcStream,
    GrpcRank,
    GrpcModel,
    GrpcAgent,
    TcpChat,
    TcpEmbed,
    TcpImage,
    TcpAudio,
    TcpVideo,
    TcpSearch,
    TcpTool,
    TcpBatch,
    TcpStream,
    TcpRank,
    TcpModel,
    #[dynenum(
        alias = "tcp agent 007",
        alias = "Agent007",
        alias = "a very-long_alias with separators past the forty-byte head"
    )]
    TcpAgent,
}

impl Spec for Big {
    const SEPARATOR: Option<u8> = None;
    const FOLD: Fold = Fold::Lower;
    const MAX_LEN: usize = 255;
    const OPEN: bool = true;
}

impl Spec for BigSep {
    const SEPARATOR: Option<u8> = Some(b'-');
    const FOLD: Fold = Fold::Lower;
    const MAX_LEN: usize = 255;
    const OPEN: bool = true;
}

/// Upper-case storage with `-` as the separator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(rename_all = "SCREAMING-KEBAB-CASE", ignore_separators)]
pub enum Screaming {
    OpenaiChat,
    #[dynenum(rename = "hf tgi", alias = "Text_Generation Inference")]
    HuggingFaceTgi,
    #[dynenum(alias = "x")]
    Other,
}

impl Spec for Screaming {
    const SEPARATOR: Option<u8> = Some(b'-');
    const FOLD: Fold = Fold::Upper;
    const MAX_LEN: usize = 255;
    const OPEN: bool = true;
}

/// Dynamic names kept as first given; one name registered at link time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(rename_all = "PascalCase")]
pub enum Pascal {
    OpenaiChat,
    #[dynenum(alias = "claude")]
    AnthropicChat,
    #[dynenum(rename = "hf-tgi")]
    HuggingFaceTgi,
}

dynenum_core::register!(Pascal, "LinkedPlugin" => "registered by the fuzz crate");

impl Spec for Pascal {
    const SEPARATOR: Option<u8> = None;
    const FOLD: Fold = Fold::Keep;
    const MAX_LEN: usize = 255;
    const OPEN: bool = true;
    const LINKED: &'static [(&'static str, Option<&'static str>)] =
        &[("LinkedPlugin", Some("registered by the fuzz crate"))];
}

/// A short `max_len`, with a built-in name exactly at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(max_len = 12)]
pub enum Tiny {
    Short,
    #[dynenum(rename = "twelve_bytes", alias = "tw")]
    Twelve,
}

impl Spec for Tiny {
    const SEPARATOR: Option<u8> = None;
    const FOLD: Fold = Fold::Lower;
    const MAX_LEN: usize = 12;
    const OPEN: bool = true;
}

/// No built-in member at all: every valid name is dynamic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
pub enum Empty {}

impl Spec for Empty {
    const SEPARATOR: Option<u8> = None;
    const FOLD: Fold = Fold::Lower;
    const MAX_LEN: usize = 255;
    const OPEN: bool = true;
}

/// `dynamic = "registered"`: only built-in and registered names parse as members.
#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(dynamic = "registered", rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Closed {
    Postgres,
    #[dynenum(alias = "sqlite3")]
    Sqlite,
}

dynenum_core::register!(Closed, "plugin_one", "Plugin-Two" => "the second plugin");

impl Spec for Closed {
    const SEPARATOR: Option<u8> = None;
    const FOLD: Fold = Fold::Upper;
    const MAX_LEN: usize = 255;
    const OPEN: bool = false;
    // Sorted by folded name: `-` (0x2d) sorts before `_` (0x5f).
    const LINKED: &'static [(&'static str, Option<&'static str>)] = &[
        ("Plugin-Two", Some("the second plugin")),
        ("plugin_one", None),
    ];
}

/// For `registry_model`: snake case, open, two names registered at link time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
pub enum RegSnake {
    OpenaiChat,
    #[dynenum(alias = "claude")]
    AnthropicChat,
}

dynenum_core::register!(RegSnake, "linked_b", "Linked_A" => "a linked name");

impl Spec for RegSnake {
    const SEPARATOR: Option<u8> = None;
    const FOLD: Fold = Fold::Lower;
    const MAX_LEN: usize = 255;
    const OPEN: bool = true;
    const LINKED: &'static [(&'static str, Option<&'static str>)] =
        &[("Linked_A", Some("a linked name")), ("linked_b", None)];
}

/// For `registry_model`: kebab case, separators ignored, registered names only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(rename_all = "kebab-case", ignore_separators, dynamic = "registered")]
pub enum RegSep {
    OpenaiChat,
    #[dynenum(rename = "hf tgi", alias = "text_generation inference")]
    HuggingFaceTgi,
}

impl Spec for RegSep {
    const SEPARATOR: Option<u8> = Some(b'-');
    const FOLD: Fold = Fold::Lower;
    const MAX_LEN: usize = 255;
    const OPEN: bool = false;
}

/// For `registry_model`: names kept as first given, separators ignored (stored as `_`), short limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(rename_all = "PascalCase", ignore_separators, max_len = 40)]
pub enum RegPascal {
    OpenaiChat,
    #[dynenum(alias = "Claude")]
    AnthropicChat,
}

impl Spec for RegPascal {
    const SEPARATOR: Option<u8> = Some(b'_');
    const FOLD: Fold = Fold::Keep;
    const MAX_LEN: usize = 40;
    const OPEN: bool = true;
}

/// Every name (canonical, then aliases, variant by variant) with the variant it parses to.
pub fn names<E: DynamicStrEnum>() -> Vec<(&'static str, E)> {
    E::iter()
        .flat_map(|v| {
            std::iter::once(v.as_str())
                .chain(v.aliases().iter().copied())
                .map(move |n| (n, v))
        })
        .collect()
}

/// The bytes names compare by: ASCII lower case, and `-`, ` ` as `_` under `ignore_separators`.
pub fn naive_key<E: Spec>(name: &str) -> String {
    let lower = name.to_ascii_lowercase();
    if E::SEPARATOR.is_none() {
        return lower;
    }
    lower
        .chars()
        .map(|c| if c == '-' || c == ' ' { '_' } else { c })
        .collect()
}

/// Every name of `E` with its variant and its [`naive_key`], computed once per enum (the naive
/// reference runs on every fuzz input; recomputing the keys each time halves the throughput).
pub fn keyed_names<E: Spec>() -> &'static [(&'static str, E, String)] {
    static CACHE: OnceLock<Mutex<HashMap<TypeId, &'static (dyn Any + Send + Sync)>>> =
        OnceLock::new();
    let mut cache = CACHE
        .get_or_init(Mutex::default)
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    let entry = *cache.entry(TypeId::of::<E>()).or_insert_with(|| {
        let keyed: Vec<(&'static str, E, String)> = names::<E>()
            .into_iter()
            .map(|(name, v)| (name, v, naive_key::<E>(name)))
            .collect();
        Box::leak(Box::new(keyed))
    });
    entry
        .downcast_ref::<Vec<(&'static str, E, String)>>()
        .expect("one entry per enum type")
}

/// The naive reference for parsing a built-in name: fold both sides, compare with every name.
pub fn naive_from_name<E: Spec>(input: &str) -> Option<E> {
    let wanted = naive_key::<E>(input);
    keyed_names::<E>()
        .iter()
        .find(|(_, _, key)| *key == wanted)
        .map(|&(_, v, _)| v)
}

/// The naive reference for the name rules, reporting the first rule broken (in the documented order).
///
/// # Errors
///
/// The broken rule.
pub fn naive_check(name: &str, max_len: usize) -> Result<(), NameError> {
    if name.is_empty() {
        return Err(NameError::Empty);
    }
    if name.len() > max_len {
        return Err(NameError::TooLong {
            len: name.len(),
            max: max_len,
        });
    }
    for (at, ch) in name.char_indices() {
        let edge = at == 0 || at + ch.len_utf8() == name.len();
        if ch.is_control() || (edge && ch.is_whitespace()) {
            return Err(NameError::InvalidChar { ch, at });
        }
    }
    Ok(())
}

/// How a dynamic name is stored: case per the style, separators as the enum's separator.
pub fn naive_fold<E: Spec>(name: &str) -> String {
    let cased = match E::FOLD {
        Fold::Lower => name.to_ascii_lowercase(),
        Fold::Upper => name.to_ascii_uppercase(),
        Fold::Keep => name.to_owned(),
    };
    match E::SEPARATOR {
        None => cased,
        Some(sep) => cased
            .chars()
            .map(|c| {
                if matches!(c, '-' | '_' | ' ') {
                    char::from(sep)
                } else {
                    c
                }
            })
            .collect(),
    }
}

/// Levenshtein distance in characters, after [`naive_key`] (ASCII case and, under
/// `ignore_separators`, separators don't count as edits).
pub fn naive_distance<E: Spec>(a: &str, b: &str) -> usize {
    let a: Vec<char> = naive_key::<E>(a).chars().collect();
    let b: Vec<char> = naive_key::<E>(b).chars().collect();
    levenshtein(&a, &b)
}

/// Levenshtein distance between two character sequences.
pub fn levenshtein(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur: Vec<usize> = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j - 1] + cost).min(prev[j] + 1).min(cur[j - 1] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The suggestion a `ParseError` should carry for a valid input: the nearest name (canonical or alias)
/// at most `max(1, chars / 3)` edits away, ties going to the first declared.
pub fn naive_suggestion<'a, E: Spec, S: AsRef<str>>(
    input: &str,
    candidates: &'a [S],
) -> Option<&'a str> {
    let input: Vec<char> = naive_key::<E>(input).chars().collect();
    // Inputs over 64 characters get no suggestion (the contract bounds the search's cost).
    if input.len() > 64 {
        return None;
    }
    // The limit counts the input's characters; folding keeps their number.
    let limit = (input.len() / 3).max(1);
    let mut best: Option<(usize, &'a str)> = None;
    for name in candidates {
        let name = name.as_ref();
        let key: Vec<char> = naive_key::<E>(name).chars().collect();
        // The length difference is a lower bound of the distance: skip what can't be near enough.
        if key.len().abs_diff(input.len()) > limit {
            continue;
        }
        let d = levenshtein(&input, &key);
        if d <= limit && best.is_none_or(|(b, _)| d < b) {
            best = Some((d, name));
        }
    }
    best.map(|(_, name)| name)
}

/// A value's hash with the standard hasher.
pub fn hash_of<T: Hash + ?Sized>(value: &T) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

/// Characters worth inserting: separators, the bytes around `A`-`Z`, control and whitespace characters
/// at and past ASCII, letters whose Unicode case folds to ASCII (Kelvin sign, long s, dotted I), and
/// characters of every UTF-8 width.
pub const CHARS: &[char] = &[
    '-',
    '_',
    ' ',
    'a',
    'A',
    'z',
    'Z',
    '@',
    '[',
    '`',
    '{',
    '0',
    '\0',
    '\t',
    '\n',
    '\r',
    '\x1f',
    '\x7f',
    '\u{85}',
    '\u{9f}',
    '\u{a0}',
    'é',
    'É',
    '\u{212a}',
    'ſ',
    'ß',
    'İ',
    '\u{1680}',
    '\u{2028}',
    '\u{202f}',
    '\u{3000}',
    '\u{feff}',
    '\u{200b}',
    '😀',
    '\u{10ffff}',
    '"',
    '\\',
];

/// Every name of every enum of this crate, its link-time names, and a few near misses: what structured
/// inputs start from.
pub fn pool() -> &'static [&'static str] {
    static POOL: OnceLock<Vec<&'static str>> = OnceLock::new();
    POOL.get_or_init(|| {
        let mut pool: Vec<&'static str> = Vec::new();
        fn add<E: Spec>(pool: &mut Vec<&'static str>) {
            pool.extend(names::<E>().into_iter().map(|(n, _)| n));
            pool.extend(E::LINKED.iter().map(|&(n, _)| n));
        }
        add::<Small>(&mut pool);
        add::<Big>(&mut pool);
        add::<BigSep>(&mut pool);
        add::<Screaming>(&mut pool);
        add::<Pascal>(&mut pool);
        add::<Tiny>(&mut pool);
        add::<Closed>(&mut pool);
        add::<RegSnake>(&mut pool);
        add::<RegSep>(&mut pool);
        add::<RegPascal>(&mut pool);
        pool.extend([
            "",
            " ",
            "nvidia_optimized",
            "Nvidia Optimized",
            "opnai_chat",
        ]);
        pool
    })
}

/// Text from fuzz bytes. An even first byte: the rest as UTF-8 (`None` if it isn't). An odd one: a
/// name from `pool`, picked by the next two bytes, then edited by each following triple of bytes
/// (operation, position, argument), so most inputs are near a real name.
pub fn text_from(data: &[u8], pool: &[&str]) -> Option<String> {
    let (&mode, rest) = data.split_first()?;
    if mode & 1 == 0 {
        return std::str::from_utf8(rest).ok().map(str::to_owned);
    }
    let (index, edits) = match rest {
        [a, b, edits @ ..] => (usize::from(u16::from_le_bytes([*a, *b])), edits),
        [a] => (usize::from(*a), &[][..]),
        [] => (0, &[][..]),
    };
    let mut text: Vec<char> = pool[index % pool.len()].chars().collect();
    for edit in edits.chunks(3) {
        let op = edit[0];
        let pos = usize::from(edit.get(1).copied().unwrap_or(0));
        let arg = usize::from(edit.get(2).copied().unwrap_or(0));
        let at = if text.is_empty() { 0 } else { pos % text.len() };
        match op % 12 {
            0 => {
                if let Some(c) = text.get_mut(at) {
                    *c = if c.is_ascii_uppercase() {
                        c.to_ascii_lowercase()
                    } else {
                        c.to_ascii_uppercase()
                    };
                }
            }
            1 => text.iter_mut().for_each(char::make_ascii_uppercase),
            2 => text.iter_mut().for_each(char::make_ascii_lowercase),
            3 => {
                if let Some(c) = text.get_mut(at) {
                    *c = ['-', '_', ' '][arg % 3];
                }
            }
            4 => text.insert(at, CHARS[arg % CHARS.len()]),
            5 => {
                if at < text.len() {
                    text.remove(at);
                }
            }
            6 => {
                text.push(['-', '_', ' '][arg % 3]);
                text.extend(pool[(pos * 256 + arg) % pool.len()].chars());
            }
            7 => {
                let c = CHARS[arg % CHARS.len()];
                if pos % 2 == 0 {
                    text.insert(0, c);
                } else {
                    text.push(c);
                }
            }
            8 => {
                if let Some(c) = text.get_mut(at) {
                    *c = CHARS[arg % CHARS.len()];
                }
            }
            9 => text.truncate(at),
            10 => {
                let copy = text.clone();
                for _ in 0..arg % 4 {
                    text.extend(&copy);
                }
            }
            _ => {
                // Swap every separator for another one.
                let to = ['-', '_', ' '][arg % 3];
                for c in &mut text {
                    if matches!(*c, '-' | '_' | ' ') {
                        *c = to;
                    }
                }
            }
        }
        if text.len() > 4096 {
            text.truncate(4096);
        }
    }
    Some(text.into_iter().collect())
}
