// Items named like the std types and primitives the generated code uses, next to the derive: the
// expansion must reach them only through absolute paths.
#![allow(dead_code, non_camel_case_types, non_upper_case_globals)]

use ::dynenum_core::DynamicStrEnum;

struct Option;
struct Result;
struct String;
struct str;
struct usize;
struct bool;
struct Some;
struct None;
struct Ok;
struct Err;
mod core {}
mod std {}
mod dynenum_core {}
trait Hash {}
trait Hasher {}
trait FromStr {}
trait Display {}
trait PartialEq {}
const input: u8 = 0;
const name: u8 = 0;
const other: u8 = 0;
const state: u8 = 0;
const bytes: u8 = 0;

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum EndpointType {
    OpenaiChat,
    #[dynenum(alias = "claude", description = "Anthropic's chat API")]
    AnthropicChat,
}

fn main() {
    ::std::assert_eq!(EndpointType::COUNT, 2);
    ::std::assert_eq!(
        EndpointType::from_name("claude"),
        ::core::option::Option::Some(EndpointType::AnthropicChat)
    );
    ::std::assert!("OPENAI_CHAT".parse::<EndpointType>().is_ok());
    ::std::assert!(EndpointType::OpenaiChat == "openai_chat");
    ::std::assert!(EndpointType::OpenaiChat == ::std::string::String::from("Openai_Chat"));
    ::std::assert_eq!(
        EndpointType::AnthropicChat.description(),
        ::core::option::Option::Some("Anthropic's chat API")
    );
    let mut set = ::std::collections::HashSet::new();
    set.insert(EndpointType::OpenaiChat);
    ::std::assert!(set.contains(&EndpointType::OpenaiChat));
}
