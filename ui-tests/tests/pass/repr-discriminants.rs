use dynenum_core::DynamicStrEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[repr(u8)]
enum Level {
    Low = 1,
    /// Neither high nor low.
    #[dynenum(alias = "mid")]
    Medium = 5,
    High = 200,
}

fn main() {
    assert_eq!(Level::NAMES, ["low", "medium", "high"]);
    assert_eq!(Level::VARIANTS, [Level::Low, Level::Medium, Level::High]);
    assert_eq!(Level::High as u8, 200);
    assert_eq!("MEDIUM".parse::<Level>().unwrap() as u8, 5);
    let discriminants: Vec<u8> = Level::iter().map(|level| level as u8).collect();
    assert_eq!(discriminants, [1, 5, 200]);
    assert_eq!(core::mem::size_of::<Level>(), 1);
    // Discriminants are no positions: every per-variant value still belongs to its variant.
    assert_eq!(Level::High.as_str(), "high");
    assert_eq!(Level::Medium.to_string(), "medium");
    assert_eq!(Level::Medium.aliases(), ["mid"]);
    assert_eq!(Level::High.aliases(), [] as [&str; 0]);
    assert_eq!(Level::Medium.description(), Some("Neither high nor low."));
    assert_eq!(Level::Low.description(), None);
    assert_eq!(Level::from_name("MID"), Some(Level::Medium));
}
