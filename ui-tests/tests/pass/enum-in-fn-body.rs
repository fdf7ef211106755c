use dynenum_core::{DynamicStrEnum, Member};

fn main() {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
    #[dynenum(rename_all = "kebab-case")]
    enum Local {
        FirstThing,
        #[dynenum(alias = "second")]
        SecondThing,
    }

    assert_eq!(Local::NAMES, ["first-thing", "second-thing"]);
    assert_eq!("SECOND".parse::<Local>().unwrap(), Local::SecondThing);
    assert!(Local::registry().is_empty());
    let other: Member<Local> = "Third-Thing".parse().unwrap();
    assert_eq!(other.to_string(), "third-thing");
    assert_eq!(Member::from(Local::FirstThing), "first-thing");
}
