//! Untrusted input can't grow memory: a million distinct unknown names, parsed three ways and dropped,
//! leave the registry and the live allocations where they were.
//!
//! The counters are per thread: the test harness's main thread allocates while the test starts (more
//! so on a loaded machine), and those blocks are none of this test's business. Everything the loop
//! allocates it also frees on this thread.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::io::Write as _;

use dynenum_core::{DynamicStrEnum, Member};

struct Live;

thread_local! {
    static LIVE_BLOCKS: Cell<isize> = const { Cell::new(0) };
    static LIVE_BYTES: Cell<isize> = const { Cell::new(0) };
}

/// Adds `blocks` and `bytes` to this thread's counters (a no-op while the thread is being torn down).
fn count(blocks: isize, bytes: usize) {
    let bytes = isize::try_from(bytes).unwrap_or(isize::MAX);
    let _ = LIVE_BLOCKS.try_with(|live| live.set(live.get() + blocks));
    let _ = LIVE_BYTES.try_with(|live| live.set(live.get() + blocks * bytes));
}

// SAFETY: every call is forwarded to `System` unchanged; the counters only observe.
unsafe impl GlobalAlloc for Live {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count(1, layout.size());
        // SAFETY: the caller's contract for `alloc` is passed on as is.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        count(-1, layout.size());
        // SAFETY: the caller's contract for `dealloc` is passed on as is.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Live = Live;

#[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
enum EndpointType {
    OpenaiChat,
    AnthropicChat,
}

const NAMES: usize = 1_000_000;

/// Writes the `i`th distinct name (`"plugin_<i>"`, in JSON quotes when asked) into `buf`, without
/// allocating, and returns it.
fn name(buf: &mut [u8; 40], i: usize, quoted: bool) -> &str {
    let mut cursor = std::io::Cursor::new(&mut buf[..]);
    let q = if quoted { "\"" } else { "" };
    write!(cursor, "{q}Plugin_{i}{q}").unwrap_or_else(|_| unreachable!("40 bytes hold any usize"));
    let len = usize::try_from(cursor.position()).unwrap_or(0);
    std::str::from_utf8(&buf[..len]).unwrap_or_default()
}

#[test]
fn a_million_unknown_names_leave_no_trace() {
    let registry = EndpointType::registry();
    registry.register("known_plugin").unwrap();
    // Warm up everything that allocates once: the registry, serde_json's first use, the buffers.
    let mut buf = [0_u8; 40];
    let warm: Member<EndpointType> = serde_json::from_str(name(&mut buf, 0, true)).unwrap();
    drop(warm);

    let (blocks, bytes, registered) = (
        LIVE_BLOCKS.with(Cell::get),
        LIVE_BYTES.with(Cell::get),
        registry.len(),
    );
    for i in 0..NAMES {
        let parsed: Member<EndpointType> = name(&mut buf, i, false).parse().unwrap();
        assert!(!parsed.is_builtin());
        let looked_up = EndpointType::lookup(name(&mut buf, i, false)).unwrap();
        assert_eq!(looked_up, parsed);
        let deserialized: Member<EndpointType> =
            serde_json::from_str(name(&mut buf, i, true)).unwrap();
        assert_eq!(deserialized, parsed);
    }
    assert_eq!(registry.len(), registered, "parsing never registers");
    assert_eq!(
        LIVE_BLOCKS.with(Cell::get),
        blocks,
        "no allocation outlives its member"
    );
    assert_eq!(LIVE_BYTES.with(Cell::get), bytes);
}
