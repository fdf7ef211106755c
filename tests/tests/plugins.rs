//! Link-time registration: `dynenum-example-plugin` registers names for enums that
//! `dynenum-example-api` defines; linking it is all this test does.

use dynenum_core::{DynamicMember, DynamicStrEnum, Member, NameError, Origin};
use dynenum_example_api::{Backend, EndpointType};
use dynenum_example_plugin as _;

#[test]
fn link_time_names_come_first_sorted_then_run_time_in_call_order() {
    let names = |members: Vec<dynenum_core::DynamicMember<EndpointType>>| -> Vec<String> {
        members.iter().map(ToString::to_string).collect()
    };
    assert_eq!(
        names(EndpointType::registry().names()),
        ["custom_endpoint", "nvidia_optimized"]
    );
    EndpointType::registry().register("Zeta").unwrap();
    EndpointType::registry().register("alpha").unwrap();
    assert_eq!(
        names(EndpointType::registry().names()),
        ["custom_endpoint", "nvidia_optimized", "zeta", "alpha"]
    );
    let all: Vec<String> = Member::<EndpointType>::all()
        .map(|m| m.to_string())
        .collect();
    assert_eq!(
        all,
        [
            "openai_chat",
            "anthropic_chat",
            "hf-tgi",
            "custom_endpoint",
            "nvidia_optimized",
            "zeta",
            "alpha"
        ]
    );
}

#[test]
fn registered_names_say_which_crate_registered_them() {
    let nv = EndpointType::registry().get("nvidia_optimized").unwrap();
    assert_eq!(nv.origin(), Some(Origin::Link("dynenum_example_plugin")));
    assert_eq!(
        nv.origin().and_then(Origin::crate_name),
        Some("dynenum_example_plugin")
    );
    assert_eq!(nv.origin().unwrap().to_string(), "dynenum_example_plugin");
    let parsed: Member<EndpointType> = "Custom_Endpoint".parse().unwrap();
    assert_eq!(
        parsed.dynamic().and_then(DynamicMember::origin),
        Some(Origin::Link("dynenum_example_plugin"))
    );
    // A proxy nobody registered has no origin.
    assert_eq!(EndpointType::dynamic("unheard_of").unwrap().origin(), None);
}

mod local {
    use dynenum_core::DynamicStrEnum;

    #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
    pub enum Local {
        Builtin,
    }

    dynenum_core::register!(Local, "linked");
}

#[test]
fn origin_is_the_module_of_register_or_run_time_and_survives_a_later_description() {
    use local::Local;
    let linked = Local::registry().get("LINKED").unwrap();
    assert_eq!(linked.origin(), Some(Origin::Link("plugins::local")));
    assert_eq!(
        linked.origin().and_then(Origin::crate_name),
        Some("plugins")
    );
    // A description added at run time to a link-time name keeps where the name came from.
    let described = Local::registry()
        .register_with_description("linked", "described later")
        .unwrap();
    assert_eq!(described.description(), Some("described later"));
    assert_eq!(described.origin(), Some(Origin::Link("plugins::local")));
    let runtime = Local::registry().register("at_run_time").unwrap();
    assert_eq!(runtime.origin(), Some(Origin::RunTime));
    assert_eq!(runtime.origin().and_then(Origin::crate_name), None);
    assert_eq!(format!("{:>9}", Origin::RunTime), " run time");
    let origins: Vec<Option<Origin>> = Member::<Local>::all()
        .map(|m| m.dynamic().and_then(DynamicMember::origin))
        .collect();
    assert_eq!(
        origins,
        [
            None,
            Some(Origin::Link("plugins::local")),
            Some(Origin::RunTime)
        ]
    );
}

#[test]
fn link_time_names_are_registered_members_with_descriptions() {
    let nv: Member<EndpointType> = "NVIDIA_OPTIMIZED".parse().unwrap();
    let proxy = nv.dynamic().unwrap();
    assert!(proxy.is_registered());
    assert_eq!(
        nv.description(),
        Some("NVIDIA-optimized inference microservice")
    );
    let custom = EndpointType::registry().get("Custom_Endpoint").unwrap();
    assert_eq!(custom.description(), None);
    assert_eq!(
        EndpointType::registry()
            .register("custom_endpoint")
            .unwrap(),
        custom,
        "registering again finds the link-time member"
    );
}

#[test]
fn registered_policy_accepts_link_time_names_with_any_separator() {
    assert_eq!(Backend::registry().len(), 1);
    for spelling in ["duck-db", "DUCK_DB", "Duck DB"] {
        let member: Member<Backend> = spelling.parse().unwrap();
        assert_eq!(member.as_str(), "duck-db");
        assert_eq!(member.description(), Some("DuckDB, in process"));
    }
    let error = "mongo-db".parse::<Member<Backend>>().unwrap_err();
    assert_eq!(error.name_error(), None);
    assert_eq!(
        error.expected().collect::<Vec<_>>(),
        ["postgres", "sqlite", "duck-db"]
    );
    assert_eq!(Backend::lookup("mongo-db"), Err(NameError::Unregistered));
}
