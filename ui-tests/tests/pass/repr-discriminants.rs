use dynenum_core::DynamicStrEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
#[repr(u8)]
enum Level {
    Low = 1,
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
}
