// rustc adds E0392 (the lifetime is unused: unit variants can't use it); the derive itself emits
// only the first error and no impls for a generic enum.
use dynenum_core::DynamicStrEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum EndpointType<'a> {
    OpenaiChat,
}

fn main() {}
