use dynenum_core::DynamicStrEnum;

// A union can't derive Debug, PartialEq or Eq, so only the derives it allows are listed.
#[derive(Clone, Copy, DynamicStrEnum)]
union Bits {
    byte: u8,
    word: u16,
}

fn main() {}
