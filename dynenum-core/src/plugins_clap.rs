//! clap 4 support for plugin tables (feature `clap`): `TABLE.value_parser()` accepts the names that
//! have a value in the table, lists them with their descriptions, and refuses others with the
//! nearest one.

use std::ffi::OsStr;

use ::clap::builder::{PossibleValue, TypedValueParser};
use ::clap::{Arg, Command, Error};

use crate::error::Shown;
use crate::member::Member;
use crate::plugins::Plugins;
use crate::traits::DynamicStrEnum;

/// The value parser of a plugin table, from [`Plugins::value_parser`]: parses a [`Member<E>`] that
/// has a value in the table.
#[cfg_attr(docsrs, doc(cfg(feature = "clap")))]
pub struct PluginParser<E: DynamicStrEnum, V: 'static> {
    table: &'static Plugins<E, V>,
}

impl<E: DynamicStrEnum, V: 'static> Clone for PluginParser<E, V> {
    fn clone(&self) -> Self {
        PluginParser { table: self.table }
    }
}

impl<E: DynamicStrEnum, V: 'static> core::fmt::Debug for PluginParser<E, V> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("PluginParser")
            .field("category", &self.table.category())
            .finish()
    }
}

impl<E: DynamicStrEnum, V: Send + Sync + 'static> Plugins<E, V> {
    /// A clap value parser for the names that have a value in this table: ASCII case ignored,
    /// aliases accepted, possible values (and `--help`) the table's names with their descriptions,
    /// other names refused with the nearest one.
    ///
    /// ```
    /// use clap::{Arg, Command};
    /// use dynenum_core::{DynamicStrEnum, Member, Plugins};
    ///
    /// #[derive(Debug, Clone, Copy, PartialEq, Eq, DynamicStrEnum)]
    /// enum Ui {
    ///     Terminal,
    ///     Web,
    /// }
    ///
    /// static UIS: Plugins<Ui, u16> = Plugins::new("UI", |_| 0);
    /// UIS.register("voice", 9000).unwrap();
    ///
    /// let cmd = Command::new("app").arg(Arg::new("ui").long("ui").value_parser(UIS.value_parser()));
    /// let matches = cmd.clone().try_get_matches_from(["app", "--ui", "VOICE"]).unwrap();
    /// assert_eq!(matches.get_one::<Member<Ui>>("ui").unwrap(), "voice");
    /// let err = cmd.try_get_matches_from(["app", "--ui", "voise"]).unwrap_err();
    /// assert!(err.to_string().contains("voice"));
    /// ```
    #[cfg_attr(docsrs, doc(cfg(feature = "clap")))]
    pub fn value_parser(&'static self) -> PluginParser<E, V> {
        PluginParser { table: self }
    }
}

impl<E: DynamicStrEnum, V: Send + Sync + 'static> TypedValueParser for PluginParser<E, V> {
    type Value = Member<E>;

    fn parse_ref(
        &self,
        cmd: &Command,
        arg: Option<&Arg>,
        value: &OsStr,
    ) -> Result<Member<E>, Error> {
        let text = value.to_string_lossy();
        let error = match value.to_str().map(|text| self.table.entry(text)) {
            Some(Ok(entry)) => return Ok(entry.member()),
            Some(Err(error)) => error,
            None => {
                return Err(crate::clap::invalid_value(
                    cmd,
                    arg,
                    &text,
                    Vec::new(),
                    None,
                ))
            }
        };
        if error.name_error().is_some() || error.is_unprovided() {
            // clap sets a validation error's cause only for errors its closure parsers return.
            let reject = move |_: &str| Err::<Member<E>, _>(error.clone());
            return reject.parse_ref(cmd, arg, value);
        }
        let expected = crate::clap::shown(error.expected().len(), error.expected());
        let suggestion = error.suggestion().map(|near| Shown::bare(near).to_string());
        Err(crate::clap::invalid_value(
            cmd, arg, &text, expected, suggestion,
        ))
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(self.table.iter().map(|entry| {
            let value = PossibleValue::new(entry.name()).help(entry.description());
            match entry.member().builtin() {
                Some(builtin) => value.aliases(builtin.aliases().iter().copied()),
                None => value,
            }
        })))
    }
}
