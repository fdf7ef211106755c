//! Behaviour tests of dynenum live in `tests/`; this library only holds the enums they share.
