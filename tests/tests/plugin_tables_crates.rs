//! Plugin tables across crates: `dynenum-example-api` declares the tables, `dynenum-example-plugin`
//! gives values with `plugin!`; linking the plugin is all this test does.

use dynenum_core::{DynamicStrEnum, Member};
use dynenum_example_api::{
    EndpointType, ServiceType, UiType, CATEGORIES, ENDPOINTS, SERVICES, UIS,
};
use dynenum_example_plugin as _;

#[test]
fn a_plugin_crate_adds_a_value_with_its_origin_and_description() {
    let nv = ENDPOINTS.entry("NVIDIA_OPTIMIZED").unwrap();
    assert_eq!(nv.origin(), "dynenum_example_plugin");
    assert_eq!(
        nv.description(),
        Some("NVIDIA-optimized inference microservice")
    );
    assert!(nv.value().streaming);
    assert!((nv.value().create)().request("hi").contains("/v1/nim"));
    // One declaration: the name is in the enum's registry, so configs and `Member::all` see it.
    assert!(EndpointType::registry().contains("nvidia_optimized"));
    let member: Member<EndpointType> = "nvidia_optimized".parse().unwrap();
    assert!(member.dynamic().unwrap().is_registered());
}

#[test]
fn a_plugin_crate_replaces_a_built_in_value_by_priority() {
    let terminal = UIS.entry(UiType::Terminal).unwrap();
    assert_eq!(
        (
            terminal.origin(),
            terminal.priority(),
            terminal.is_builtin()
        ),
        ("dynenum_example_plugin", 10, false)
    );
    assert_eq!(
        terminal.shadowed().map(|e| e.origin()).collect::<Vec<_>>(),
        ["built-in"]
    );
    assert_eq!(
        (UIS.get(UiType::Web).unwrap().create)().show("x"),
        "<p>x</p>"
    );
    // A built-in name given a value by a plugin is not a registry name.
    assert!(UiType::registry().is_empty());
    assert!(UIS.conflicts().is_empty());
}

#[test]
fn names_registered_without_a_value_are_unprovided() {
    let unprovided: Vec<String> = ENDPOINTS
        .unprovided()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(unprovided, ["custom_endpoint"]);
    assert!(ENDPOINTS
        .get("custom_endpoint")
        .unwrap_err()
        .is_unprovided());
}

#[test]
fn the_categories_list_every_table() {
    let listing: Vec<(&str, usize)> = CATEGORIES
        .iter()
        .map(|c| (c.category(), c.entries().len()))
        .collect();
    assert_eq!(listing, [("endpoint", 4), ("UI", 2), ("service", 2)]);
    let metrics = SERVICES.entry("metrics").unwrap();
    assert_eq!(metrics.value().port, Some(9090));
    assert_eq!(SERVICES.get(ServiceType::Cache).unwrap().port, None);
}
