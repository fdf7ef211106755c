use dynenum_core::{DynamicStrEnum, Member, NameError};

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum ServiceType {}

fn main() {
    assert_eq!(ServiceType::COUNT, 0);
    assert!(ServiceType::VARIANTS.is_empty());
    assert!(ServiceType::NAMES.is_empty());
    assert_eq!(ServiceType::iter().count(), 0);
    assert_eq!(ServiceType::from_name("anything"), None);
    assert!("anything".parse::<ServiceType>().is_err());

    // Every valid name is dynamic.
    let web = ServiceType::dynamic("Web_Server").unwrap();
    assert_eq!(web, "web_server");
    assert_eq!(web.to_string(), "web_server");
    let member: Member<ServiceType> = "WEB_SERVER".parse().unwrap();
    assert_eq!(member, Member::Dynamic(web));
    assert!(!member.is_builtin());
    assert_eq!(ServiceType::dynamic("").unwrap_err(), NameError::Empty);
}
