//! serde_json deserialization of a config holding `E`, `Member<E>`, `Vec<Member<E>>`,
//! `Option<Member<E>>` and `HashMap<Member<E>, u32>`, from arbitrary bytes: never a panic; whatever
//! deserializes serializes, and deserializes again to an equal value (and to the same JSON). Also bare
//! `E`, `Member<E>` and `DynamicMember<E>` values, which must agree with `from_name`/`parse`/`dynamic`.

#![no_main]

use std::collections::HashMap;

use dynenum_core::{DynamicMember, DynamicStrEnum, Member};
use dynenum_fuzz::{BigSep, Closed, Pascal, Small, Spec};
use libfuzzer_sys::fuzz_target;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[serde(bound(serialize = "E: Serialize", deserialize = "E: DeserializeOwned"))]
struct Config<E: DynamicStrEnum> {
    kind: E,
    member: Member<E>,
    #[serde(default)]
    list: Vec<Member<E>>,
    #[serde(default)]
    maybe: Option<Member<E>>,
    #[serde(default)]
    ports: HashMap<Member<E>, u32>,
}

fn round_trip<T>(data: &[u8])
where
    T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug,
{
    let Ok(value) = serde_json::from_slice::<T>(data) else {
        return;
    };
    let json = serde_json::to_string(&value).expect("a deserialized value serializes");
    let again: T = serde_json::from_str(&json).unwrap_or_else(|e| {
        panic!(
            "{json} (from {:?}) does not deserialize: {e}",
            String::from_utf8_lossy(data)
        )
    });
    assert_eq!(again, value, "{json}");
    let (a, b) = (
        serde_json::to_value(&value).expect("serializes"),
        serde_json::to_value(&again).expect("serializes"),
    );
    assert_eq!(a, b, "{json}");
}

fn check<E>(data: &[u8])
where
    E: Spec + Serialize + DeserializeOwned,
{
    round_trip::<Config<E>>(data);
    round_trip::<Vec<Member<E>>>(data);
    round_trip::<HashMap<Member<E>, u32>>(data);
    round_trip::<Option<E>>(data);
    // A bare string: serde agrees with the string APIs.
    if let Ok(text) = serde_json::from_slice::<String>(data) {
        let quoted = serde_json::to_string(&text).expect("a string serializes");
        assert_eq!(
            serde_json::from_str::<E>(&quoted).ok(),
            E::from_name(&text),
            "{quoted}"
        );
        let member = serde_json::from_str::<Member<E>>(&quoted).ok();
        assert!(member == text.parse::<Member<E>>().ok(), "{quoted}");
        let dynamic = serde_json::from_str::<DynamicMember<E>>(&quoted).ok();
        assert!(dynamic == E::dynamic(&text).ok(), "{quoted}");
    }
}

fuzz_target!(|data: &[u8]| {
    check::<Small>(data);
    check::<BigSep>(data);
    check::<Pascal>(data);
    check::<Closed>(data);
});
