//! Plugin tables (`Plugins<E, V>`, `plugin!`): values per name, who wins, errors, listings, run-time
//! registration, first use under a race. Each test that changes a table or a registry owns its enum
//! and table: tests run in parallel in one binary.

use std::error::Error as _;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Barrier;

use dynenum_core::{
    Category, DynamicMember, DynamicStrEnum, Member, NameError, PluginError, Plugins,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum Endpoint {
    /// OpenAI-compatible chat completions.
    OpenaiChat,
    #[dynenum(alias = "claude")]
    AnthropicChat,
    #[dynenum(rename = "hf-tgi")]
    HuggingFaceTgi,
}

#[derive(Debug, PartialEq)]
struct Spec {
    path: &'static str,
    streaming: bool,
}

static ENDPOINTS: Plugins<Endpoint, Spec> = Plugins::new("endpoint", |endpoint| match endpoint {
    Endpoint::OpenaiChat => Spec {
        path: "/v1/chat",
        streaming: true,
    },
    Endpoint::AnthropicChat => Spec {
        path: "/v1/messages",
        streaming: true,
    },
    Endpoint::HuggingFaceTgi => Spec {
        path: "/generate",
        streaming: false,
    },
});

// A new name, a built-in overridden by priority, and an alias competing at equal priority.
dynenum_core::plugin!(ENDPOINTS, "nvidia_optimized" => Spec { path: "/nim", streaming: true },
    description = "NVIDIA-optimized inference microservice");
dynenum_core::plugin!(ENDPOINTS, "OPENAI_CHAT" => Spec { path: "/fast", streaming: true }, priority = 10);
dynenum_core::plugin!(ENDPOINTS, "claude" => Spec { path: "/claude", streaming: false });
dynenum_core::plugin!(ENDPOINTS, "hf-tgi" => Spec { path: "/tgi-low", streaming: true }, priority = -1);

#[test]
// `&E` is one of the key kinds under test.
#[allow(clippy::needless_borrows_for_generic_args)]
fn built_in_values_come_from_the_match_and_keys_of_every_kind_find_them() {
    assert_eq!(
        ENDPOINTS.get(Endpoint::HuggingFaceTgi).unwrap().path,
        "/generate"
    );
    assert_eq!(
        ENDPOINTS.get(&Endpoint::HuggingFaceTgi).unwrap().path,
        "/generate"
    );
    assert_eq!(ENDPOINTS.get("HF-TGI").unwrap().path, "/generate");
    let member: Member<Endpoint> = "hf-tgi".parse().unwrap();
    assert_eq!(ENDPOINTS.get(&member).unwrap().path, "/generate");
    assert_eq!(ENDPOINTS.get(member).unwrap().path, "/generate");
}

#[test]
fn plugin_values_are_found_by_any_spelling_and_registered_with_their_description() {
    for key in ["nvidia_optimized", "NVIDIA_OPTIMIZED", "Nvidia_Optimized"] {
        assert_eq!(ENDPOINTS.get(key).unwrap().path, "/nim");
    }
    let registered = Endpoint::registry().get("nvidia_optimized").unwrap();
    assert_eq!(
        registered.description(),
        Some("NVIDIA-optimized inference microservice")
    );
    assert_eq!(ENDPOINTS.get(&registered).unwrap().path, "/nim");
    let parsed: Member<Endpoint> = "NVIDIA_optimized".parse().unwrap();
    assert_eq!(ENDPOINTS.get(&parsed).unwrap().path, "/nim");
    // A proxy built without the registry is still found, through it.
    let unregistered_proxy = Endpoint::dynamic("nvidia_optimized").unwrap();
    assert_eq!(ENDPOINTS.get(&unregistered_proxy).unwrap().path, "/nim");
    // Built-in names given to `plugin!` are not registry names.
    assert!(!Endpoint::registry().contains("claude"));
    assert!(Endpoint::registry().get("openai_chat").is_none());
}

#[test]
fn the_highest_priority_wins_and_a_plugin_beats_the_built_in_at_equal_priority() {
    let openai = ENDPOINTS.entry(Endpoint::OpenaiChat).unwrap();
    assert_eq!(
        (openai.value().path, openai.priority(), openai.is_builtin()),
        ("/fast", 10, false)
    );
    assert_eq!(openai.origin(), module_path!());
    // The plugin gave no description: the built-in one shows through.
    assert_eq!(
        openai.description(),
        Some("OpenAI-compatible chat completions.")
    );
    let shadowed: Vec<_> = openai
        .shadowed()
        .map(|e| (e.origin(), e.value().path))
        .collect();
    assert_eq!(shadowed, [("built-in", "/v1/chat")]);

    let claude = ENDPOINTS.entry("anthropic_chat").unwrap();
    assert_eq!((claude.value().path, claude.priority()), ("/claude", 0));
    assert_eq!(claude.shadowed().next().map(|e| e.is_builtin()), Some(true));

    // A lower priority loses to the built-in value, and stays visible.
    let tgi = ENDPOINTS.entry("hf-tgi").unwrap();
    assert!(tgi.is_builtin());
    assert_eq!(
        tgi.shadowed().map(|e| e.priority()).collect::<Vec<_>>(),
        [-1]
    );
}

#[test]
fn iteration_lists_built_ins_in_declaration_order_then_plugins_sorted() {
    let names: Vec<String> = ENDPOINTS.iter().map(|e| e.member().to_string()).collect();
    assert_eq!(
        names,
        [
            "openai_chat",
            "anthropic_chat",
            "hf-tgi",
            "nvidia_optimized"
        ]
    );
    assert_eq!(ENDPOINTS.len(), 4);
    assert!(!ENDPOINTS.is_empty());
}

#[test]
fn unknown_names_are_errors_with_the_category_the_names_and_a_suggestion() {
    let err = ENDPOINTS.get("nvdia_optimized").unwrap_err();
    assert_eq!(
        err.to_string(),
        r#"unknown endpoint "nvdia_optimized"; expected one of: openai_chat, anthropic_chat, hf-tgi, nvidia_optimized (did you mean "nvidia_optimized"?)"#
    );
    assert_eq!(err.category(), "endpoint");
    assert_eq!(err.suggestion(), Some("nvidia_optimized"));
    assert!(!err.is_unprovided());
    assert!(err.source().is_none());
    // Aliases are suggested too.
    assert_eq!(
        ENDPOINTS.get("claud").unwrap_err().suggestion(),
        Some("claude")
    );
}

#[test]
fn invalid_names_carry_the_name_error_as_source() {
    let err = ENDPOINTS.get(" padded").unwrap_err();
    assert_eq!(
        err.name_error(),
        Some(&NameError::InvalidChar { ch: ' ', at: 0 })
    );
    let source = err.source().unwrap().downcast_ref::<NameError>();
    assert_eq!(source, err.name_error());
    assert!(err
        .to_string()
        .starts_with("invalid endpoint name \" padded\": "));
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum Ui {
    Terminal,
    Web,
}

static UIS: Plugins<Ui, &'static str> = Plugins::new("UI", |ui| match ui {
    Ui::Terminal => "tty",
    Ui::Web => "browser",
});

dynenum_core::register!(Ui, "braille" => "a braille display");

#[test]
fn registered_names_without_a_value_are_unprovided() {
    assert_eq!(UIS.unprovided(), [Ui::dynamic("braille").unwrap()]);
    let err = UIS.get("BRAILLE").unwrap_err();
    assert!(err.is_unprovided());
    assert_eq!(
        err.to_string(),
        r#"UI "braille" is registered, but no plugin provides it"#
    );
    let member: Member<Ui> = "braille".parse().unwrap();
    assert!(UIS.get(&member).unwrap_err().is_unprovided());
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(rename_all = "kebab-case", ignore_separators)]
enum Service {
    Cache,
}

static SERVICES: Plugins<Service, u32> = Plugins::new("service", |service| match service {
    Service::Cache => 1,
});

#[test]
fn run_time_registrations_beat_link_time_ones_and_later_beats_earlier() {
    let queue = SERVICES.register("Job_Queue", 5).unwrap();
    assert_eq!(queue.as_str(), "job-queue");
    assert!(Service::registry().contains("job queue"));
    assert_eq!(*SERVICES.get("JOB QUEUE").unwrap(), 5);
    SERVICES.register("job-queue", 6).unwrap();
    assert_eq!(*SERVICES.get("job_queue").unwrap(), 6);
    let entry = SERVICES.entry("job-queue").unwrap();
    assert_eq!(entry.origin(), "run time");
    assert_eq!(
        entry.shadowed().map(|e| *e.value()).collect::<Vec<_>>(),
        [5]
    );
    // Lower priority: shadowed by the built-in value.
    SERVICES.register_with_priority("cache", 2, -3).unwrap();
    assert_eq!(*SERVICES.get(Service::Cache).unwrap(), 1);
    SERVICES.register_with_priority("cache", 3, 1).unwrap();
    assert_eq!(*SERVICES.get(Service::Cache).unwrap(), 3);
    let err = SERVICES.register("", 0).unwrap_err();
    assert_eq!(err.name_error(), Some(&NameError::Empty));
    assert_eq!(SERVICES.len(), 2);
}

#[test]
fn categories_of_different_value_types_list_together() {
    let categories: &[&dyn Category] = &[&ENDPOINTS, &UIS];
    let listing: Vec<(&str, Vec<&str>)> = categories
        .iter()
        .map(|c| (c.category(), c.entries().iter().map(|e| e.name).collect()))
        .collect();
    assert_eq!(
        listing,
        [
            (
                "endpoint",
                vec![
                    "openai_chat",
                    "anthropic_chat",
                    "hf-tgi",
                    "nvidia_optimized"
                ]
            ),
            ("UI", vec!["terminal", "web"]),
        ]
    );
    let entries = ENDPOINTS.entries();
    let openai = &entries[0];
    assert_eq!(
        (
            openai.origin,
            openai.priority,
            openai.builtin,
            openai.shadowed
        ),
        (module_path!(), 10, false, 1)
    );
    assert_eq!(openai.shadowed_origins, ["built-in"]);
    let nv = &entries[3];
    assert_eq!(
        nv.description,
        Some("NVIDIA-optimized inference microservice")
    );
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum Tie {
    Builtin,
}

static TIES: Plugins<Tie, &'static str> = Plugins::new("tie", |_| "built-in");

mod zeta {
    dynenum_core::plugin!(super::TIES, "shared" => "from zeta");
}
mod alpha {
    dynenum_core::plugin!(super::TIES, "shared" => "from alpha");
    dynenum_core::plugin!(super::TIES, "shared" => "from alpha, later line");
}

#[test]
fn equal_priority_plugins_are_ordered_by_origin_then_line_and_reported() {
    let shared = TIES.entry("shared").unwrap();
    assert_eq!(*shared.value(), "from alpha");
    assert!(shared.origin().ends_with("::alpha"));
    let losers: Vec<_> = shared.shadowed().map(|e| *e.value()).collect();
    assert_eq!(losers, ["from alpha, later line", "from zeta"]);
    let conflicts = TIES.conflicts();
    assert_eq!(conflicts.len(), 2);
    assert!(conflicts.iter().all(|c| c.member().as_str() == "shared"));
    assert!(conflicts.iter().all(|c| c.winner().ends_with("::alpha")));
    assert!(conflicts[1].loser().ends_with("::zeta"));
    assert!(format!("{:?}", conflicts[0]).contains("\"shared\""));
    // No conflict on a name a plugin wins alone.
    assert!(ENDPOINTS.conflicts().is_empty());
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum Raced {
    One,
    Two,
}

static BUILT: AtomicUsize = AtomicUsize::new(0);

static RACED: Plugins<Raced, usize> = Plugins::new("raced", |raced| {
    BUILT.fetch_add(1, Ordering::SeqCst);
    std::thread::sleep(std::time::Duration::from_millis(5));
    match raced {
        Raced::One => 1,
        Raced::Two => 2,
    }
});

#[test]
fn values_are_built_once_when_threads_race_on_first_use() {
    let barrier = Barrier::new(8);
    std::thread::scope(|scope| {
        for i in 0..8 {
            let barrier = &barrier;
            scope.spawn(move || {
                barrier.wait();
                let key = if i % 2 == 0 { Raced::One } else { Raced::Two };
                assert_eq!(*RACED.get(key).unwrap(), if i % 2 == 0 { 1 } else { 2 });
            });
        }
    });
    assert_eq!(BUILT.load(Ordering::SeqCst), Raced::COUNT);
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum Broken {
    Fine,
    Panics,
}

static BROKEN: Plugins<Broken, u8> = Plugins::new("broken", |broken| match broken {
    Broken::Fine => 1,
    Broken::Panics => panic!("no such device"),
});

#[test]
fn a_panicking_value_panics_every_use_with_the_category_and_the_name() {
    for _ in 0..2 {
        let payload = std::panic::catch_unwind(|| BROKEN.get(Broken::Fine).copied()).unwrap_err();
        let message = payload.downcast_ref::<String>().unwrap();
        assert!(message.contains("broken"), "{message}");
        assert!(message.contains("\"panics\""), "{message}");
        assert!(message.contains("no such device"), "{message}");
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum Loop {
    Ouroboros,
}

static LOOPS: Plugins<Loop, usize> = Plugins::new("loop", |_| LOOPS.len());

#[test]
fn a_value_reading_its_own_table_panics_instead_of_deadlocking() {
    let payload = std::panic::catch_unwind(|| LOOPS.len()).unwrap_err();
    let message = payload.downcast_ref::<String>().unwrap();
    assert!(message.contains("loop"), "{message}");
    assert!(message.contains("\"ouroboros\""), "{message}");
    assert!(message.contains("reads its own table"), "{message}");
}

#[test]
fn dynamic_member_keys_of_unknown_names_are_unknown() {
    let stranger: DynamicMember<Endpoint> = Endpoint::dynamic("stranger").unwrap();
    let err: PluginError = ENDPOINTS.get(&stranger).unwrap_err();
    assert!(err.to_string().starts_with("unknown endpoint \"stranger\""));
}

#[test]
fn the_clap_value_parser_accepts_names_with_a_value_and_lists_them() {
    use clap::builder::TypedValueParser as _;
    let cmd = clap::Command::new("app").arg(
        clap::Arg::new("endpoint")
            .long("endpoint")
            .value_parser(ENDPOINTS.value_parser()),
    );
    let matches = cmd
        .clone()
        .try_get_matches_from(["app", "--endpoint", "Nvidia_Optimized"])
        .unwrap();
    let chosen = matches.get_one::<Member<Endpoint>>("endpoint").unwrap();
    assert_eq!(ENDPOINTS.get(chosen).unwrap().path, "/nim");
    let matches = cmd
        .clone()
        .try_get_matches_from(["app", "--endpoint", "CLAUDE"])
        .unwrap();
    assert_eq!(
        matches.get_one::<Member<Endpoint>>("endpoint").unwrap(),
        &Endpoint::AnthropicChat
    );
    let err = cmd
        .clone()
        .try_get_matches_from(["app", "--endpoint", "nvdia_optimized"])
        .unwrap_err()
        .to_string();
    assert!(err.contains("invalid value 'nvdia_optimized'"), "{err}");
    assert!(err.contains("nvidia_optimized"), "{err}");
    let possible: Vec<String> = ENDPOINTS
        .value_parser()
        .possible_values()
        .unwrap()
        .map(|v| v.get_name().to_owned())
        .collect();
    assert_eq!(
        possible,
        [
            "openai_chat",
            "anthropic_chat",
            "hf-tgi",
            "nvidia_optimized"
        ]
    );
    // A registered name without a value is refused, saying so.
    let err = clap::Command::new("app")
        .arg(
            clap::Arg::new("ui")
                .long("ui")
                .value_parser(UIS.value_parser()),
        )
        .try_get_matches_from(["app", "--ui", "braille"])
        .unwrap_err()
        .to_string();
    assert!(err.contains("no plugin provides it"), "{err}");
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum Fed {
    Builtin,
}

static FED: Plugins<Fed, usize> = Plugins::new("fed", |_| 0);

#[test]
fn members_parsed_after_plugins_are_fed_find_their_values() {
    let names: Vec<&'static str> = (0..100)
        .map(|i| &*Box::leak(format!("acme_chat_{i}").into_boxed_str()))
        .collect();
    let submissions: Vec<(&'static str, i32, &'static str, u32)> =
        names.iter().map(|&n| (n, 0, "crate", 1)).collect();
    dynenum_core::__private::feed_plugins(&FED, &submissions, |i| i + 1);
    for (i, name) in names.iter().enumerate() {
        let member: Member<Fed> = name.parse().unwrap();
        assert!(member.dynamic().unwrap().is_registered());
        assert_eq!(*FED.get(&member).unwrap(), i + 1);
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum Hostile {
    Plain,
}

static HOSTILE: Plugins<Hostile, u8> = Plugins::new("tool", |Hostile::Plain| 0);

#[test]
fn plugin_errors_show_every_name_escaped() {
    // A registered name may hold a right-to-left override; no error text may show it raw.
    HOSTILE.register("admin\u{202E}lmth.exe", 1).unwrap();
    Hostile::registry().register("ghost\u{200B}").unwrap();
    let unknown = HOSTILE.get("admin\u{202E}lmth.ex").unwrap_err().to_string();
    assert_eq!(
        unknown,
        r#"unknown tool "admin\u{202e}lmth.ex"; expected one of: plain, admin\u{202e}lmth.exe (did you mean "admin\u{202e}lmth.exe"?)"#
    );
    let unprovided = HOSTILE.get("GHOST\u{200B}").unwrap_err().to_string();
    assert_eq!(
        unprovided,
        r#"tool "ghost\u{200b}" is registered, but no plugin provides it"#
    );
    for text in [unknown, unprovided] {
        assert!(!text.contains(['\u{202E}', '\u{200B}']), "{text}");
    }
}
