//! What the registry costs per name: a million names of 13 bytes, registered in a row, with the live
//! heap measured by a counting allocator before and after. The registry must stay under 128 bytes per
//! name beyond the name's own bytes, both at one million names and just after its index doubled (its
//! worst point: the new index is at most half full, and the retired ones stay allocated for readers
//! that may still hold them).
//!
//! One test in this binary, so the global counters see nothing else. `--nocapture` prints the figures.

use std::alloc::{GlobalAlloc, Layout, System};
use std::io::Write as _;
use std::sync::atomic::{AtomicIsize, Ordering};

use dynenum_core::DynamicStrEnum;

struct Live;

static LIVE_BYTES: AtomicIsize = AtomicIsize::new(0);

// SAFETY: every call is forwarded to `System` unchanged; the counter only observes.
unsafe impl GlobalAlloc for Live {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE_BYTES.fetch_add(
            isize::try_from(layout.size()).unwrap_or(isize::MAX),
            Ordering::Relaxed,
        );
        // SAFETY: the caller's contract for `alloc` is passed on as is.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        LIVE_BYTES.fetch_add(
            isize::try_from(layout.size()).unwrap_or(isize::MAX),
            Ordering::Relaxed,
        );
        // SAFETY: as for `alloc`.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE_BYTES.fetch_sub(
            isize::try_from(layout.size()).unwrap_or(isize::MAX),
            Ordering::Relaxed,
        );
        // SAFETY: the caller's contract for `dealloc` is passed on as is.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Live = Live;

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum Backend {
    Postgres,
}

/// The `i`th name, `plugin_000000` on: 13 bytes up to a million, 14 after. Written into `buf`
/// without allocating.
fn name(buf: &mut [u8; 32], i: usize) -> &str {
    let mut cursor = std::io::Cursor::new(&mut buf[..]);
    write!(cursor, "plugin_{i:06}").unwrap_or_else(|_| unreachable!("32 bytes hold any usize"));
    let len = usize::try_from(cursor.position()).unwrap_or(0);
    std::str::from_utf8(&buf[..len]).unwrap_or_default()
}

/// Live bytes per name beyond the names' own bytes, since `before`.
fn per_name(before: isize, names: usize, name_bytes: usize) -> f64 {
    let grown = LIVE_BYTES.load(Ordering::SeqCst) - before;
    #[allow(clippy::cast_precision_loss)]
    let per = (grown as f64 - name_bytes as f64) / names as f64;
    per
}

#[test]
fn a_registered_name_costs_under_128_bytes_beyond_its_own() {
    const MILLION: usize = 1_000_000;
    // Just past a power of two: the index has doubled, and is at its emptiest.
    const PAST_DOUBLING: usize = (1 << 20) + 1;
    let registry = Backend::registry();
    let mut buf = [0_u8; 32];
    assert!(registry.is_empty());
    let before = LIVE_BYTES.load(Ordering::SeqCst);

    let mut name_bytes = 0;
    for i in 0..MILLION {
        let name = name(&mut buf, i);
        name_bytes += name.len();
        registry.register(name).unwrap();
    }
    assert_eq!(registry.len(), MILLION);
    let at_million = per_name(before, MILLION, name_bytes);
    for i in MILLION..PAST_DOUBLING {
        let name = name(&mut buf, i);
        name_bytes += name.len();
        registry.register(name).unwrap();
    }
    assert_eq!(registry.len(), PAST_DOUBLING);
    let past_doubling = per_name(before, PAST_DOUBLING, name_bytes);
    println!(
        "registry memory beyond the names' bytes: {at_million:.1} bytes per name at {MILLION} names, \
         {past_doubling:.1} at {PAST_DOUBLING}"
    );
    assert!(at_million < 128.0, "{at_million:.1} bytes per name");
    assert!(past_doubling < 128.0, "{past_doubling:.1} bytes per name");

    // Every name is still there, in any case, and shares its entry.
    for i in (0..PAST_DOUBLING).step_by(997) {
        let name = name(&mut buf, i).to_ascii_uppercase();
        let found = registry.get(&name).unwrap();
        assert_eq!(found.as_str(), name.to_ascii_lowercase());
        assert!(std::ptr::eq(
            found.as_str(),
            registry.register(&name).unwrap().as_str()
        ));
    }
}
