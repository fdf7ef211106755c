//! [`Caseless`]: a borrowed name whose equality, hash and order ignore ASCII case.

use core::cmp::Ordering;
use core::fmt;
use core::hash::{Hash, Hasher};

use crate::name;

/// A `str` whose `Eq`, `Hash` and `Ord` ignore ASCII case (and nothing else).
///
/// Every derived enum, [`DynamicMember`](crate::DynamicMember) and [`Member`](crate::Member) implements
/// `Borrow<Caseless>`, so a map keyed by them can be queried with any ASCII case of a member's canonical
/// name, without allocating. It finds members by their canonical name as stored, never by an alias.
///
/// ```
/// # #[cfg(feature = "derive")] {
/// use std::collections::HashMap;
/// use dynenum_core::{Caseless, DynamicStrEnum};
///
/// #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
/// enum Backend {
///     Postgres,
///     Sqlite,
/// }
///
/// let mut ports = HashMap::new();
/// ports.insert(Backend::Postgres, 5432);
/// assert_eq!(ports.get(Caseless::new("POSTGRES")), Some(&5432));
/// assert_eq!(ports.get(Caseless::new("sqlite")), None);
/// # }
/// ```
#[repr(transparent)]
pub struct Caseless(str);

impl Caseless {
    /// Views a `str` as a `Caseless`, without copying.
    #[must_use]
    pub fn new(name: &str) -> &Caseless {
        let ptr = name as *const str as *const Caseless;
        // SAFETY: `Caseless` is `#[repr(transparent)]` over `str`, so both references have the same
        // layout and metadata, and the lifetime is carried over unchanged.
        unsafe { &*ptr }
    }

    /// The underlying text, as given.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl PartialEq for Caseless {
    fn eq(&self, other: &Caseless) -> bool {
        name::eq(&self.0, &other.0, None)
    }
}

impl Eq for Caseless {}

impl Hash for Caseless {
    fn hash<H: Hasher>(&self, state: &mut H) {
        name::hash(&self.0, None, state);
    }
}

impl PartialOrd for Caseless {
    fn partial_cmp(&self, other: &Caseless) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Caseless {
    fn cmp(&self, other: &Caseless) -> Ordering {
        name::cmp(&self.0, &other.0, None)
    }
}

impl fmt::Debug for Caseless {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Caseless").field(&&self.0).finish()
    }
}

impl fmt::Display for Caseless {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl AsRef<str> for Caseless {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl<'a> From<&'a str> for &'a Caseless {
    fn from(name: &'a str) -> &'a Caseless {
        Caseless::new(name)
    }
}
