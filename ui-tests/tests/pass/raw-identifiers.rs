use dynenum_core::DynamicStrEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[allow(non_camel_case_types)]
enum Keyword {
    r#type,
    r#match,
    r#dyn,
    #[dynenum(alias = "r#fn")]
    r#fn,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[allow(non_camel_case_types)]
enum r#struct {
    Field,
}

fn main() {
    // The `r#` is Rust syntax, not part of the name.
    assert_eq!(Keyword::NAMES, ["type", "match", "dyn", "fn"]);
    assert_eq!("TYPE".parse::<Keyword>().unwrap(), Keyword::r#type);
    assert_eq!(Keyword::r#match.to_string(), "match");
    assert_eq!(Keyword::from_name("fn"), Some(Keyword::r#fn));
    assert_eq!(Keyword::from_name("r#fn"), Some(Keyword::r#fn));
    assert_eq!(Keyword::from_name("r#type"), None);
    // Nor is it part of the enum's name in messages.
    let error = "x".parse::<r#struct>().unwrap_err();
    assert_eq!(error.enum_name(), "struct");
    assert_eq!(error.to_string(), r#"unknown struct "x"; expected one of: field"#);
}
