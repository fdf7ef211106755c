use dynenum_core::{DynamicStrEnum, Member};

macro_rules! styled {
    ($name:ident, $style:literal) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
        #[dynenum(rename_all = $style)]
        enum $name {
            OpenaiChat,
            HTTPServer,
            V2Api,
            X,
        }
    };
}

styled!(Lower, "lowercase");
styled!(Upper, "UPPERCASE");
styled!(Pascal, "PascalCase");
styled!(Camel, "camelCase");
styled!(Snake, "snake_case");
styled!(ScreamingSnake, "SCREAMING_SNAKE_CASE");
styled!(Kebab, "kebab-case");
styled!(ScreamingKebab, "SCREAMING-KEBAB-CASE");
styled!(Train, "Train-Case");
styled!(Title, "Title Case");

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum Unstyled {
    OpenaiChat,
    HTTPServer,
    V2Api,
    X,
}

fn main() {
    assert_eq!(Lower::NAMES, ["openaichat", "httpserver", "v2api", "x"]);
    assert_eq!(Upper::NAMES, ["OPENAICHAT", "HTTPSERVER", "V2API", "X"]);
    assert_eq!(Pascal::NAMES, ["OpenaiChat", "HttpServer", "V2Api", "X"]);
    assert_eq!(Camel::NAMES, ["openaiChat", "httpServer", "v2Api", "x"]);
    assert_eq!(Snake::NAMES, ["openai_chat", "http_server", "v2_api", "x"]);
    assert_eq!(
        ScreamingSnake::NAMES,
        ["OPENAI_CHAT", "HTTP_SERVER", "V2_API", "X"]
    );
    assert_eq!(Kebab::NAMES, ["openai-chat", "http-server", "v2-api", "x"]);
    assert_eq!(
        ScreamingKebab::NAMES,
        ["OPENAI-CHAT", "HTTP-SERVER", "V2-API", "X"]
    );
    assert_eq!(Train::NAMES, ["Openai-Chat", "Http-Server", "V2-Api", "X"]);
    assert_eq!(Title::NAMES, ["Openai Chat", "Http Server", "V2 Api", "X"]);
    assert_eq!(Unstyled::NAMES, Snake::NAMES);

    // Every style parses in any ASCII case and prints its own spelling.
    assert_eq!("HTTP-server".parse::<Kebab>().unwrap(), Kebab::HTTPServer);
    assert_eq!(Camel::HTTPServer.to_string(), "httpServer");
    assert_eq!("HTTPSERVER".parse::<Camel>().unwrap(), Camel::HTTPServer);
    assert_eq!(
        "http_server".parse::<Camel>().unwrap_err().input(),
        "http_server"
    );

    // Dynamic names are folded like the style's built-in names.
    let shown = |m: &dyn std::fmt::Display| m.to_string();
    assert_eq!(
        shown(&"My_Name".parse::<Member<Lower>>().unwrap()),
        "my_name"
    );
    assert_eq!(
        shown(&"My_Name".parse::<Member<Upper>>().unwrap()),
        "MY_NAME"
    );
    assert_eq!(
        shown(&"My_Name".parse::<Member<Pascal>>().unwrap()),
        "My_Name"
    );
    assert_eq!(
        shown(&"My_Name".parse::<Member<Camel>>().unwrap()),
        "My_Name"
    );
    assert_eq!(
        shown(&"My-Name".parse::<Member<Kebab>>().unwrap()),
        "my-name"
    );
    assert_eq!(
        shown(&"My-Name".parse::<Member<ScreamingKebab>>().unwrap()),
        "MY-NAME"
    );
    assert_eq!(
        shown(&"My-name".parse::<Member<Train>>().unwrap()),
        "My-name"
    );
    assert_eq!(
        shown(&"my Name".parse::<Member<Title>>().unwrap()),
        "my Name"
    );
}
