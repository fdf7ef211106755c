//! schemars: the JSON schemas of derived enums and `Member<E>`.

use dynenum_core::{DynamicStrEnum, Member};
use serde_json::json;

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum EndpointType {
    /// OpenAI-compatible chat completions.
    OpenaiChat,
    #[dynenum(alias = "claude")]
    AnthropicChat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum Plain {
    A,
    B,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[dynenum(dynamic = "registered", max_len = 40)]
enum Backend {
    Postgres,
}

fn schema<T: schemars::JsonSchema>() -> serde_json::Value {
    let mut value = schemars::schema_for!(T).to_value();
    if let Some(object) = value.as_object_mut() {
        object.remove("$schema");
    }
    value
}

#[test]
fn derived_enum_is_a_string_enum_with_descriptions() {
    assert_eq!(
        schema::<EndpointType>(),
        json!({
            "title": "EndpointType",
            "type": "string",
            "oneOf": [
                { "const": "openai_chat", "description": "OpenAI-compatible chat completions." },
                { "const": "anthropic_chat" }
            ]
        })
    );
    assert_eq!(
        schema::<Plain>(),
        json!({ "title": "Plain", "type": "string", "enum": ["a", "b"] })
    );
}

#[test]
fn open_member_is_any_valid_name_with_builtin_examples() {
    assert_eq!(
        schema::<Member<EndpointType>>(),
        json!({
            "title": "Member_for_EndpointType",
            "type": "string",
            "minLength": 1,
            "maxLength": 255,
            "examples": ["openai_chat", "anthropic_chat"]
        })
    );
}

#[test]
fn registered_member_lists_builtin_and_registered_names_when_generated() {
    let before = schema::<Member<Backend>>();
    assert_eq!(before["enum"], json!(["postgres"]));
    Backend::registry().register("duckdb").unwrap();
    let after = schema::<Member<Backend>>();
    assert_eq!(after["enum"], json!(["postgres", "duckdb"]));
}
