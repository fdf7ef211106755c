// rustc adds E0392 (the parameter is unused: unit variants can't use it) and, from its own `Clone`
// derive, E0282; the derive itself emits only the first error and no impls for a generic enum.
use dynenum_core::DynamicStrEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum EndpointType<T> {
    OpenaiChat,
}

fn main() {}
