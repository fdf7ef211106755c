//! Allocation counts of plugin tables: after the first use, reads (by every kind of key), entries,
//! iteration and listings of shadowed values allocate nothing. The shared counting allocator (`dynenum_tests::counting`).

use dynenum_core::{DynamicStrEnum, Member, Plugins};

use dynenum_tests::counting::{assert_no_allocation, Counting};

#[global_allocator]
static GLOBAL: Counting = Counting;

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum Endpoint {
    OpenaiChat,
    #[dynenum(alias = "claude")]
    AnthropicChat,
}

static ENDPOINTS: Plugins<Endpoint, String> = Plugins::new("endpoint", |endpoint| match endpoint {
    Endpoint::OpenaiChat => "openai".to_owned(),
    Endpoint::AnthropicChat => "anthropic".to_owned(),
});

dynenum_core::plugin!(ENDPOINTS, "nvidia_optimized" => "nim".to_owned());
dynenum_core::plugin!(ENDPOINTS, "openai_chat" => "fast".to_owned(), priority = 1);

#[test]
// `&E` is one of the key kinds under test.
#[allow(clippy::needless_borrows_for_generic_args)]
fn reads_after_first_use_allocate_nothing() {
    // The first use builds the values (and allocates).
    assert_eq!(ENDPOINTS.len(), 3);
    ENDPOINTS
        .register("local_llama", "llama".to_owned())
        .unwrap();
    let builtin: Member<Endpoint> = "openai_chat".parse().unwrap();
    let plugin: Member<Endpoint> = "nvidia_optimized".parse().unwrap();
    let proxy = plugin.dynamic().unwrap().clone();

    let read = assert_no_allocation("get(E)", || ENDPOINTS.get(Endpoint::OpenaiChat).unwrap());
    assert_eq!(read, "fast");
    assert_no_allocation("get(&E)", || {
        ENDPOINTS.get(&Endpoint::AnthropicChat).unwrap()
    });
    assert_no_allocation("get(&str) of a built-in", || {
        ENDPOINTS.get("OPENAI_CHAT").unwrap()
    });
    assert_no_allocation("get(&str) of an alias", || ENDPOINTS.get("Claude").unwrap());
    let read = assert_no_allocation("get(&str) of a plugin", || {
        ENDPOINTS.get("NVIDIA_OPTIMIZED").unwrap()
    });
    assert_eq!(read, "nim");
    assert_no_allocation("get(&str) of a run-time value", || {
        ENDPOINTS.get("local_llama").unwrap()
    });
    assert_no_allocation("get(&Member) built-in", || ENDPOINTS.get(&builtin).unwrap());
    assert_no_allocation("get(&Member) plugin", || ENDPOINTS.get(&plugin).unwrap());
    assert_no_allocation("get(&DynamicMember)", || ENDPOINTS.get(&proxy).unwrap());
    assert_no_allocation("entry and its accessors", || {
        let entry = ENDPOINTS.entry("openai_chat").unwrap();
        let member = entry.member();
        let shadowed = entry.shadowed().map(|e| e.value().len()).sum::<usize>();
        (
            member,
            entry.origin(),
            entry.priority(),
            entry.description(),
            shadowed,
        )
    });
    assert_no_allocation("iter", || {
        ENDPOINTS
            .iter()
            .map(|e| (e.member(), e.value().len()))
            .fold(0, |n, (_, len)| n + len)
    });
}
