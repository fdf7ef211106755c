use dynenum_core::DynamicStrEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum Server {
    HttpServer,
    HTTPServer,
}

fn main() {}
